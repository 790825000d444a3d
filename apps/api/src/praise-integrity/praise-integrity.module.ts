import { Module } from '@nestjs/common';
import { PraiseIntegritySettingsService } from './praise-integrity-settings.service';
import { PraiseIntegrityController } from './praise-integrity.controller';
import { PraiseIntegrityService } from './praise-integrity.service';

/** 刷好评 (coerced praise) detection, the county's review of its flags, and the rules' settings. */
@Module({ controllers: [PraiseIntegrityController], providers: [PraiseIntegrityService, PraiseIntegritySettingsService] })
export class PraiseIntegrityModule {}
