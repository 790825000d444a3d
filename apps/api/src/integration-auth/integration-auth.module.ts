import { Global, Module } from '@nestjs/common';
import { IntegrationClientGuard } from './integration-client.guard';
import { IntegrationClientsService } from './integration-clients.service';

/**
 * Global, so any module's controller can say `@UseGuards(IntegrationClientGuard)` without importing this module:
 * the guard is built in the controller's module and needs IntegrationClientsService there.
 */
@Global()
@Module({ providers: [IntegrationClientsService, IntegrationClientGuard], exports: [IntegrationClientsService, IntegrationClientGuard] })
export class IntegrationAuthModule {}
