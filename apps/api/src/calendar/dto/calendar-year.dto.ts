import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../common/trim.transform';

export const CALENDAR_DAY_KINDS = ['HOLIDAY', 'MAKE_UP_WORKDAY'] as const;

/** One year's days off and 调休 make-up working days, stored or (without a row) the statutory fallback. `id` is the year. */
export class CalendarYearResponse {
  @ApiProperty({ example: 2027 }) id!: number;
  @ApiProperty({ example: 2027 }) year!: number;
  @ApiProperty({ enum: ['OFFICIAL', 'PROVISIONAL'], description: 'OFFICIAL: from the State Council notice; PROVISIONAL: the statutory days only, may move' })
  source!: 'OFFICIAL' | 'PROVISIONAL';
  @ApiProperty({ description: 'true while the notice is not entered: deadlines in this year may move' }) provisional!: boolean;
  @ApiProperty({ description: 'false: no row yet, the statutory fallback is shown (the first change stores it)' }) stored!: boolean;
  @ApiProperty({ type: [String], example: ['2027-01-01'] }) holidays!: string[];
  @ApiProperty({ type: [String], example: ['2027-02-07'] }) makeUpWorkdays!: string[];
  @ApiProperty({ type: String, nullable: true }) notice!: string | null;
  @ApiProperty({ type: String, nullable: true }) updatedAt!: string | null;
}

export class CalendarDayDto {
  @ApiProperty({ example: '2027-04-30', description: 'YYYY-MM-DD, in the year of the path' })
  @Trim()
  @IsDefined({ message: '请选择日期' })
  @IsString({ message: '日期必须是文字' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期须写作 YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ enum: CALENDAR_DAY_KINDS, description: 'HOLIDAY: a day off; MAKE_UP_WORKDAY: a weekend day worked (调休上班)' })
  @IsIn(CALENDAR_DAY_KINDS, { message: '类型只能是 HOLIDAY（放假）或 MAKE_UP_WORKDAY（调休上班）' })
  kind!: (typeof CALENDAR_DAY_KINDS)[number];
}

export class ImportNoticeDto {
  @ApiProperty({
    example: '2027-01-01~2027-01-03 休 元旦\n2027-02-07 班',
    description: 'one span a line: `YYYY-MM-DD 休|班` or `YYYY-MM-DD~YYYY-MM-DD 休`, then any text; # starts a comment; CSV rows read the same',
  })
  @IsDefined({ message: '请粘贴通知的放假安排' })
  @IsString({ message: '通知内容必须是文字' })
  @IsNotEmpty({ message: '请粘贴通知的放假安排' })
  @MaxLength(20_000, { message: '通知内容过长' })
  text!: string;

  @ApiPropertyOptional({ example: '国务院办公厅关于2027年部分节假日安排的通知' })
  @IsOptional()
  @Trim()
  @IsString({ message: '通知名称必须是文字' })
  @MaxLength(200, { message: '通知名称不能超过 200 个字' })
  notice?: string;

  @ApiPropertyOptional({ description: 'check and show what would be stored, without storing it' })
  @IsOptional()
  @IsBoolean({ message: 'dryRun 只能是 true 或 false' })
  dryRun?: boolean;
}

export class NoticeSpanResponse {
  @ApiProperty() line!: number;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ enum: CALENDAR_DAY_KINDS }) kind!: string;
  @ApiPropertyOptional() label?: string;
}

export class ImportNoticeResponse {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ type: CalendarYearResponse, description: 'the year as stored (or as it would be, for a dry run)' }) calendar!: CalendarYearResponse;
  @ApiProperty({ type: [NoticeSpanResponse] }) spans!: NoticeSpanResponse[];
  @ApiProperty({ type: [String], description: 'worth a second look, not wrong (a statutory holiday missing)' }) warnings!: string[];
}
