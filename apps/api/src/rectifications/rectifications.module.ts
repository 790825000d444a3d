import { Module } from '@nestjs/common';
import { RectificationsController } from './rectifications.controller';
import { RectificationsService } from './rectifications.service';

@Module({ controllers: [RectificationsController], providers: [RectificationsService] })
export class RectificationsModule {}
