import { ApiProperty } from '@nestjs/swagger';

/** One line of the audit trail. `id` is the row's number as a string (it is a bigint). */
export class AuditLogEntryResponse {
  @ApiProperty({ example: '1024' }) id!: string;
  @ApiProperty({ example: '2026-11-28T18:30:00+08:00' }) at!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty({ type: String, nullable: true, description: "the account's user name, when the actor is an account" }) actorUsername!: string | null;
  @ApiProperty() actorRole!: string;
  @ApiProperty({ example: 'calendar.add-day' }) action!: string;
  @ApiProperty({ example: 'calendar-year' }) entityType!: string;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
  @ApiProperty({ type: Object, nullable: true }) details!: unknown;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
}
