import { Module } from '@nestjs/common';
import { ImprovementSettingsService } from './improvement-settings.service';
import { ImprovementsController } from './improvements.controller';
import { ImprovementsService } from './improvements.service';

/** 优化清单 (issue 14). ImprovementsService is exported for the monthly 通报 (listForReport). */
@Module({ controllers: [ImprovementsController], providers: [ImprovementsService, ImprovementSettingsService], exports: [ImprovementsService] })
export class ImprovementsModule {}
