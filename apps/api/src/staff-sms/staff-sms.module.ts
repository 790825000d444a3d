import { Module } from '@nestjs/common';
import { StaffSmsController } from './staff-sms.controller';
import { StaffSmsService } from './staff-sms.service';

/** Admins' staff-SMS rules and county duty phone (/api/admin/staff-sms); the worker writes and sends the SMS. */
@Module({ controllers: [StaffSmsController], providers: [StaffSmsService] })
export class StaffSmsModule {}
