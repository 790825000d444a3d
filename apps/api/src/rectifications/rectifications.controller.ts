import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, UseGuards, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, VerifyCommand } from '@haochaping/contracts';
import { CurrentActor } from '../actor/current-actor.decorator';
import { ActorGuard } from '../actor/actor.guard';
import { ApiError, DomainHttpException } from '../common/api-error';
import { setContentRange } from '../common/simple-rest/simple-rest-list';
import { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import {
  AddNoteDto,
  ConfirmDto,
  DecideExtensionDto,
  DecideRejectionDto,
  InviteDepartmentsDto,
  ReassignDto,
  ReclassifyDto,
  RecordCallbackDto,
  RecordDepartmentInputDto,
  RecordRectificationDto,
  RequestExtensionDto,
  VerifyDto,
} from './dto/rectification-actions.dto';
import { RectificationQueryDto } from './dto/rectification-query.dto';
import { RectificationCaseResponse, RectificationDetailResponse, type RectificationLiveResponse } from './dto/rectification.response';
import { RECTIFICATIONS_RESOURCE, RectificationsService } from './rectifications.service';
import { CaseReviewerService } from './case-reviewer.service';
import { CaseReviewerResponse } from './dto/case-reviewer.response';
import { CaseAssigneeResponse } from './dto/case-assignee.response';
import { RectificationLiveStateResponse } from './dto/rectification-live.response';

const notFound = () => new DomainHttpException(404, 'RECTIFICATION_NOT_FOUND', '未找到该整改工单');
const caseId = () => new ParseUUIDPipe({ exceptionFactory: notFound });

/** Every action answers like this: refusals carry the workflow's reason. */
function ActionResponses(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const decorate of [
      HttpCode(200),
      ApiOkResponse({ type: RectificationLiveStateResponse, description: "the case's new state (as the workflow holds it) and the caller's next actions" }),
      ApiUnauthorizedResponse({ type: ApiError }),
      ApiForbiddenResponse({ type: ApiError, description: 'the actor may not (role, hall)' }),
      ApiNotFoundResponse({ type: ApiError }),
      ApiConflictResponse({ type: ApiError, description: 'not in this state' }),
      ApiUnprocessableEntityResponse({ type: ApiError }),
      ApiServiceUnavailableResponse({ type: ApiError, description: 'Temporal unreachable or not answering' }),
    ]) {
      decorate(target, key, descriptor);
    }
  };
}

@ApiTags('rectifications')
@ApiHeader({ name: 'X-Dev-Actor', required: false, description: 'development only (refused in production): {"userId":"…","role":"HANDLER","hallCodes":["jintun"]}' })
@UseGuards(ActorGuard)
@ApiBearerAuth()
@Controller('rectifications')
export class RectificationsController {
  constructor(
    private readonly rectifications: RectificationsService,
    private readonly reviewers: CaseReviewerService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'react-admin simple-rest list over the read model (filter, sort, range; total in Content-Range)' })
  @ApiOkResponse({ type: [RectificationCaseResponse] })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async list(
    @Query() query: SimpleRestListQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RectificationCaseResponse[]> {
    const page = await this.rectifications.list(query, actor);
    setContentRange(reply, RECTIFICATIONS_RESOURCE.name, page);
    return page.rows;
  }

  @Get(':id')
  @ApiOperation({ summary: "A case (id = the review's id) from the read model, or with live=1 from its workflow; with the caller's allowed actions" })
  @ApiExtraModels(RectificationDetailResponse, RectificationLiveStateResponse)
  @ApiOkResponse({
    description: 'from the read model (source read-model), or with live=1 from the workflow (source workflow)',
    schema: { oneOf: [{ $ref: getSchemaPath(RectificationDetailResponse) }, { $ref: getSchemaPath(RectificationLiveStateResponse) }] },
  })
  @ApiForbiddenResponse({ type: ApiError })
  @ApiNotFoundResponse({ type: ApiError })
  @ApiServiceUnavailableResponse({ type: ApiError, description: 'live=1: Temporal unreachable or not answering' })
  get(
    @Param('id', caseId()) id: string,
    @Query() query: RectificationQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<RectificationDetailResponse | RectificationLiveResponse> {
    return query.live === '1' ? this.rectifications.liveState(id, actor) : this.rectifications.get(id, actor);
  }

  @Get(':id/assignees')
  @ApiOperation({
    summary:
      "Whom the case may be reassigned to: the active HANDLER and TOWN_LEADER accounts of the case's hall; for those who may reassign (the hall's town leader, the county supervisor)",
  })
  @ApiOkResponse({ type: [CaseAssigneeResponse] })
  @ApiUnauthorizedResponse({ type: ApiError })
  @ApiForbiddenResponse({ type: ApiError })
  @ApiNotFoundResponse({ type: ApiError })
  assignees(@Param('id', caseId()) id: string, @CurrentActor() actor: Actor): Promise<CaseAssigneeResponse[]> {
    return this.rectifications.assignees(id, actor);
  }

  @Get(':id/reviewer')
  @ApiOperation({ summary: 'Who rated: masked; with unmask=1 in full for the working handler and the county supervisor (audited)' })
  @ApiOkResponse({ type: CaseReviewerResponse })
  @ApiForbiddenResponse({ type: ApiError })
  @ApiNotFoundResponse({ type: ApiError })
  reviewer(
    @Param('id', caseId()) id: string,
    @Query('unmask') unmask: string | undefined,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<CaseReviewerResponse> {
    return this.reviewers.reviewer(id, actor, unmask === '1', String(request.id));
  }

  @Post(':id/actions/verify')
  @ApiOperation({ summary: '核实: 属实 (category, notes) or 不属实 / 恶意 (evidenceNotes, proposes 不予采纳)' })
  @ActionResponses()
  verify(@Param('id', caseId()) id: string, @Body() body: VerifyDto, @CurrentActor() actor: Actor): Promise<RectificationLiveResponse> {
    // The workflow refuses a finding without the fields it requires; the union is its shape, not the DTO's.
    const command = (
      body.finding === 'TRUE'
        ? { actor, finding: body.finding, category: body.category, notes: body.notes }
        : { actor, finding: body.finding, evidenceNotes: body.evidenceNotes }
    ) as VerifyCommand;
    return this.rectifications.act(id, 'verify', command);
  }

  @Post(':id/actions/decide-rejection')
  @ApiOperation({ summary: "The county supervisor's decision on a proposed 不予采纳 (APPROVE closes the case)" })
  @ActionResponses()
  decideRejection(@Param('id', caseId()) id: string, @Body() body: DecideRejectionDto, @CurrentActor() actor: Actor): Promise<RectificationLiveResponse> {
    return this.rectifications.act(id, 'decideRejection', { ...body, actor });
  }

  @Post(':id/actions/record-callback')
  @ApiOperation({
    summary: 'One callback attempt (reached ones need the initial reply)',
    description: '`at` is the time the handler states; the system records its own time. A stated time before the review or after now is 422.',
  })
  @ActionResponses()
  recordCallback(@Param('id', caseId()) id: string, @Body() body: RecordCallbackDto, @CurrentActor() actor: Actor): Promise<RectificationLiveResponse> {
    return this.rectifications.recordCallback(id, { ...body, actor });
  }

  @Post(':id/actions/record-rectification')
  @ApiOperation({ summary: 'Measures and result: fed back to the reviewer → 待群众确认' })
  @ActionResponses()
  recordRectification(@Param('id', caseId()) id: string, @Body() body: RecordRectificationDto, @CurrentActor() actor: Actor): Promise<RectificationLiveResponse> {
    return this.rectifications.act(id, 'recordRectification', { ...body, actor });
  }

  @Post(':id/actions/confirm')
  @ApiOperation({
    summary:
      "The reviewer's 满意/不满意 as role CITIZEN, which no account has: reviewers answer on the status page (POST /api/public/reviews/{trackingCode}/confirmation); here only through X-Dev-Actor outside production",
  })
  @ActionResponses()
  confirm(@Param('id', caseId()) id: string, @Body() body: ConfirmDto, @CurrentActor() actor: Actor): Promise<RectificationLiveResponse> {
    return this.rectifications.act(id, 'confirm', { ...body, actor });
  }

  @Post(':id/actions/reclassify')
  @ApiOperation({ summary: '改变整改类别 before the result is recorded: the open clocks are recounted from where they started' })
  @ActionResponses()
  reclassify(@Param('id', caseId()) id: string, @Body() body: ReclassifyDto, @CurrentActor() actor: Actor): Promise<RectificationLiveResponse> {
    return this.rectifications.act(id, 'reclassify', { ...body, actor });
  }

  @Post(':id/actions/reassign')
  @ApiOperation({
    summary:
      "改派经办人 (the town leader inside the hall, or the county supervisor) to an active HANDLER or TOWN_LEADER account of the case's hall; the name shown is the account's own (assignee.name is ignored)",
  })
  @ActionResponses()
  reassign(@Param('id', caseId()) id: string, @Body() body: ReassignDto, @CurrentActor() actor: Actor): Promise<RectificationLiveResponse> {
    return this.rectifications.reassign(id, { assigneeUserId: body.assignee.userId, reason: body.reason, actor });
  }

  @Post(':id/actions/invite-departments')
  @ApiOperation({ summary: '协调整改: invite county departments (codes of the master data) to co-handle the case' })
  @ActionResponses()
  inviteDepartments(@Param('id', caseId()) id: string, @Body() body: InviteDepartmentsDto, @CurrentActor() actor: Actor): Promise<RectificationLiveResponse> {
    return this.rectifications.inviteDepartments(id, { ...body, actor });
  }

  @Post(':id/actions/record-department-input')
  @ApiOperation({ summary: "An invited department's guide (role DEPT_GUIDE) records its input" })
  @ActionResponses()
  recordDepartmentInput(@Param('id', caseId()) id: string, @Body() body: RecordDepartmentInputDto, @CurrentActor() actor: Actor): Promise<RectificationLiveResponse> {
    return this.rectifications.act(id, 'recordDepartmentInput', { ...body, actor });
  }

  @Post(':id/actions/add-note')
  @ApiOperation({ summary: 'A note on the timeline, by anyone with scope on the case' })
  @ActionResponses()
  addNote(@Param('id', caseId()) id: string, @Body() body: AddNoteDto, @CurrentActor() actor: Actor): Promise<RectificationLiveResponse> {
    return this.rectifications.act(id, 'addNote', { ...body, actor });
  }

  @Post(':id/actions/request-extension')
  @ApiOperation({ summary: '协调整改, strictly before the result is due: reason, new due time and the contact with the reviewer → 延期待审批' })
  @ActionResponses()
  requestExtension(@Param('id', caseId()) id: string, @Body() body: RequestExtensionDto, @CurrentActor() actor: Actor): Promise<RectificationLiveResponse> {
    return this.rectifications.act(id, 'requestExtension', { ...body, actor });
  }

  @Post(':id/actions/decide-extension')
  @ApiOperation({ summary: "The county supervisor's decision: APPROVE moves the result's due time, DENY keeps the original one" })
  @ActionResponses()
  decideExtension(@Param('id', caseId()) id: string, @Body() body: DecideExtensionDto, @CurrentActor() actor: Actor): Promise<RectificationLiveResponse> {
    return this.rectifications.act(id, 'decideExtension', { ...body, actor });
  }
}
