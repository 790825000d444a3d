import { Module } from '@nestjs/common';
import { ExchangeAdminController } from './exchange-admin.controller';
import { ExchangeAdminService } from './exchange-admin.service';

/** 上报管理: the upward exchange's queue, dead letters and daily count reconciliation, for the county (issue 15). */
@Module({ controllers: [ExchangeAdminController], providers: [ExchangeAdminService] })
export class ExchangeAdminModule {}
