import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { EXCHANGE_RECORD_TYPE_LABELS } from '@haochaping/contracts';

const RECORD_TYPES = Object.keys(EXCHANGE_RECORD_TYPE_LABELS);

export class ExchangeLastAttemptResponse {
  @ApiProperty({ example: '2026-12-07T10:30:00+08:00' }) startedAt!: string;
  @ApiProperty({ description: 'records in the batch' }) records!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'the HTTP status answered; null when no answer came' }) httpStatus!: number | null;
  @ApiProperty() accepted!: number;
  @ApiProperty() duplicates!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty({ type: String, nullable: true, description: 'why the batch as a whole failed (transport)' }) error!: string | null;
}

export class ExchangeOverviewResponse {
  @ApiProperty({ description: '待上报: outbox rows waiting (new, or the upstream was away)' }) pending!: number;
  @ApiProperty({ description: '今日已上报: rows delivered since 00:00 today (Asia/Shanghai)' }) deliveredToday!: number;
  @ApiProperty({ description: '上报失败: dead letters (refused for good, or not delivered in time)' }) dead!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'the oldest waiting row’s age in seconds (the queue’s lag); null when none waits' }) oldestPendingSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'from written to delivered, median of today’s deliveries, seconds' }) lagP50Seconds!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'from written to delivered, 95th percentile of today’s deliveries, seconds' }) lagP95Seconds!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-07T10:30:00+08:00' }) lastDeliveredAt!: string | null;
  @ApiProperty({ type: ExchangeLastAttemptResponse, nullable: true, description: 'the newest POST to the upstream (the delivery log)' }) lastAttempt!: ExchangeLastAttemptResponse | null;
}

export class ExchangeDeadLetterResponse {
  @ApiProperty({ description: 'the outbox row (what the re-send endpoint takes)', example: '42' }) id!: string;
  @ApiProperty({ description: 'the record’s id on the wire, the upstream’s idempotency key' }) recordId!: string;
  @ApiProperty({ enum: RECORD_TYPES }) type!: string;
  @ApiProperty({ example: '评价' }) typeLabel!: string;
  @ApiProperty({ format: 'uuid' }) reviewId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'K7QW3MZP9D', description: 'the review’s tracking code, how a person knows it (null only if the review is gone)' }) trackingCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'jintun' }) hallCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '金屯镇' }) hallName!: string | null;
  @ApiProperty({ description: 'deliveries tried' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, example: 'FIELD_REFUSED: field text is not accepted' }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({ description: 'when the record was owed (written with its change)' }) createdAt!: string;
}

export class ExchangeDeadLettersResponse {
  @ApiProperty({ description: 'every dead letter' }) total!: number;
  @ApiProperty({ type: [ExchangeDeadLetterResponse], description: 'the newest first, at most 200' }) items!: ExchangeDeadLetterResponse[];
}

export class ExchangeRequeuedResponse {
  @ApiProperty({ description: 'rows moved back to 待上报 (PENDING)' }) requeued!: number;
  @ApiProperty({ description: 'the delivery loop was told to send now; false when it could not be reached (no upstream configured, Temporal away): the rows wait for its next round' })
  deliveryStarted!: boolean;
}

export class ExchangeCountDifferenceResponse {
  @ApiProperty({ example: '2026-12-06' }) day!: string;
  @ApiProperty({ example: 'jintun' }) hallCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '金屯镇' }) hallName!: string | null;
  @ApiProperty({ enum: RECORD_TYPES }) type!: string;
  @ApiProperty({ example: '评价' }) typeLabel!: string;
  @ApiProperty({ description: 'records we hold' }) ours!: number;
  @ApiProperty({ description: 'records the upstream counts' }) theirs!: number;
  @ApiProperty({ description: 'ours − theirs (positive: the upstream lacks records)' }) difference!: number;
  @ApiProperty() checkedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the last 重新上报 of this hall-day' }) resentAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'who asked for it (display name, or the account id)' }) resentBy!: string | null;
}

export class ExchangeReconciliationResponse {
  @ApiProperty({ type: String, nullable: true, description: 'the newest comparison stored (daily at 03:00, or 立即核对)' }) lastCheckedAt!: string | null;
  @ApiProperty({ description: 'hall-day-types compared in the stored checks' }) compared!: number;
  @ApiProperty({ type: [ExchangeCountDifferenceResponse], description: 'the comparisons whose counts differ, newest day first (at most 500)' }) differences!: ExchangeCountDifferenceResponse[];
}

export class ExchangeReconciliationRunResponse {
  @ApiProperty({ description: 'the check finished within the answer’s wait (else it goes on, and the list fills in when it ends)' }) finished!: boolean;
  @ApiProperty({ type: [String], example: ['2026-12-01', '2026-12-07'], description: 'the days checked (today and the six before)' }) days!: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'comparisons found differing (null while not finished)' }) differences!: number | null;
}

export class ExchangeHallDayDto {
  @ApiProperty({ example: '2026-12-06', description: 'the day (Asia/Shanghai)' })
  @IsString({ message: '日期须为 YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期须为 YYYY-MM-DD' })
  day!: string;

  @ApiProperty({ example: 'jintun', description: 'the hall’s code' })
  @IsString({ message: '服务大厅编码须为文字' })
  @MaxLength(64, { message: '服务大厅编码不能超过 64 个字符' })
  hallCode!: string;
}

export class ExchangeHallDayResentResponse extends ExchangeRequeuedResponse {
  @ApiProperty({ description: 'reviews of the hall-day that had no outbox row and got one' }) added!: number;
}
