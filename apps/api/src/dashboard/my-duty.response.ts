import { ApiProperty } from '@nestjs/swagger';
import { OBLIGATION_KINDS, RECTIFICATION_STATES } from '@haochaping/contracts';

/** The duties "my duties today" lists: the obligations a case owes whose clock the signed-in person answers to. */
export const MY_DUTY_KINDS = ['callback', 'result', 'rejectionDecision', 'extensionDecision'] as const satisfies readonly (typeof OBLIGATION_KINDS)[number][];
export type MyDutyKind = (typeof MY_DUTY_KINDS)[number];

/** One open obligation the signed-in person owes, due before the end of today's office time or already overdue. */
export class MyDutyResponse {
  @ApiProperty({ format: 'uuid', description: 'the case (rectification) id: the console opens /rectifications/{reviewId}/show' }) reviewId!: string;
  @ApiProperty({ example: 'jintun' }) hallCode!: string;
  @ApiProperty({ example: '金屯镇便民服务中心' }) hallName!: string;
  @ApiProperty({ enum: Object.keys(RECTIFICATION_STATES) }) state!: string;
  @ApiProperty({ example: '待核实' }) stateLabel!: string;
  @ApiProperty({ enum: MY_DUTY_KINDS }) duty!: MyDutyKind;
  @ApiProperty({ example: '回访' }) dutyLabel!: string;
  @ApiProperty({ example: '2026-03-04T16:45:00+08:00' }) dueAt!: string;
  @ApiProperty({ description: 'the due time has passed' }) overdue!: boolean;
  @ApiProperty({ description: 'escalated to the county (level 2)' }) escalated!: boolean;
}
