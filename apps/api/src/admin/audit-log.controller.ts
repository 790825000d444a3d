import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ActorGuard } from '../actor/actor.guard';
import { ApiError } from '../common/api-error';
import { setContentRange } from '../common/simple-rest/simple-rest-list';
import { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { AUDIT_LOG_RESOURCE, AuditLogService } from './audit-log.service';
import { AuditLogEntryResponse } from './dto/audit-log-entry.response';
import { Roles, RolesGuard } from '../actor/roles.guard';

/**
 * The audit trail, read-only. Admins and the county supervisor (督查指导科) read it: the county supervises how halls
 * handle cases and who unmasked a reviewer, and it must be able to check the admins too, who cannot edit the log.
 */
@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ApiError })
@ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN or COUNTY_SUPERVISOR' })
@UseGuards(ActorGuard, RolesGuard)
@Roles('ADMIN', 'COUNTY_SUPERVISOR')
@Controller('admin/audit-log')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @ApiOperation({ summary: 'react-admin simple-rest list, newest first (filter actorId, actorRole, action, actionPrefix, entityType, entityId, from, to)' })
  @ApiOkResponse({ type: [AuditLogEntryResponse] })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async list(@Query() query: SimpleRestListQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuditLogEntryResponse[]> {
    const page = await this.auditLog.list(query);
    setContentRange(reply, AUDIT_LOG_RESOURCE.name, page);
    return page.rows;
  }

  @Get(':id')
  @ApiOkResponse({ type: AuditLogEntryResponse })
  @ApiNotFoundResponse({ type: ApiError })
  get(@Param('id') id: string): Promise<AuditLogEntryResponse> {
    return this.auditLog.get(id);
  }
}
