import { Module } from '@nestjs/common';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Admins' management of console accounts (/api/admin/users). */
@Module({ controllers: [UsersController], providers: [UsersService] })
export class UsersModule {}
