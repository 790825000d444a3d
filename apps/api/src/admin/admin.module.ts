import { Module } from '@nestjs/common';
import { ApiClientsController } from './api-clients.controller';

/** County administration endpoints (ADMIN role). IntegrationClientsService comes from the global IntegrationAuthModule. */
@Module({ controllers: [ApiClientsController] })
export class AdminModule {}
