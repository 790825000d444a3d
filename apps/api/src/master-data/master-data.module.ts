import { Module } from '@nestjs/common';
import { DepartmentsController } from './departments.controller';
import { DepartmentsService } from './departments.service';
import { HallsController } from './halls.controller';
import { HallsService } from './halls.service';
import { PublicHallsController } from './public-halls.controller';
import { ServiceItemsController } from './service-items.controller';
import { ServiceItemsService } from './service-items.service';

/** Read side of the county's master data for the console (react-admin simple-rest lists). */
@Module({
  controllers: [HallsController, DepartmentsController, ServiceItemsController, PublicHallsController],
  providers: [HallsService, DepartmentsService, ServiceItemsService],
})
export class MasterDataModule {}
