import { Module } from '@nestjs/common';
import { DepartmentsController } from './departments.controller';
import { DepartmentsService } from './departments.service';
import { HallsController } from './halls.controller';
import { HallsService } from './halls.service';
import { PublicHallsController } from './public-halls.controller';
import { ServiceItemsController } from './service-items.controller';
import { ServiceItemsService } from './service-items.service';
import { ServiceWindowsController } from './service-windows.controller';
import { ServiceWindowsService } from './service-windows.service';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

/** The county's master data for the console (react-admin simple-rest resources; admins write, every change audited). */
@Module({
  controllers: [HallsController, ServiceWindowsController, StaffController, DepartmentsController, ServiceItemsController, PublicHallsController],
  providers: [HallsService, ServiceWindowsService, StaffService, DepartmentsService, ServiceItemsService],
})
export class MasterDataModule {}
