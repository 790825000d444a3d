import { Module } from '@nestjs/common';
import { WindowsController } from './windows.controller';
import { WindowsService } from './windows.service';

/** Window QR codes and A5 posters (docs/INTAKE-API.md, "Window QR codes and posters"). */
@Module({ controllers: [WindowsController], providers: [WindowsService] })
export class WindowsModule {}
