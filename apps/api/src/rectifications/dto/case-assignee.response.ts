import { ApiProperty } from '@nestjs/swagger';

/** An account a case may be reassigned to: active, of the case's hall, a role that works cases. */
export class CaseAssigneeResponse {
  @ApiProperty({ format: 'uuid', description: 'what POST …/actions/reassign takes as assignee.userId' }) id!: string;
  @ApiProperty({ example: '李明', description: "the account's display name (its username when it has none)" }) name!: string;
  @ApiProperty({ enum: ['HANDLER', 'TOWN_LEADER'] }) role!: 'HANDLER' | 'TOWN_LEADER';
  @ApiProperty({ example: '经办人' }) roleLabel!: string;
}
