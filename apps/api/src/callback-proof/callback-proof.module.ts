import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { HttpBodySetup } from '../cases/http-body.setup';
import { CallLogImportService } from './call-log-import.service';
import { CallLogsController } from './call-logs.controller';
import { CallbackProofService } from './callback-proof.service';

/** Proof that a callback happened (实名差评回访率): the stated and recorded times, 补录, and the imported call logs. */
@Module({
  imports: [CalendarModule],
  controllers: [CallLogsController],
  providers: [CallLogImportService, CallbackProofService, HttpBodySetup],
  exports: [CallbackProofService],
})
export class CallbackProofModule {}
