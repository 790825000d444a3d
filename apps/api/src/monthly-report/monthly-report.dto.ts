import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { RankingEntryDto } from '../results/dto/rankings.dto';
import { HallCodeParam } from '../results/dto/results-query.dto';
import { FigureNoteDto, FiguresDto, LevelCountsDto, ResultsPeriodDto, ResultsRowDto } from '../results/dto/results.response';

/** Which 通报: a calendar month (Asia/Shanghai), for the county or one hall. */
export class MonthlyReportQueryDto {
  @ApiProperty({ example: '2026-11', description: 'the month reported (Asia/Shanghai calendar month)' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份（month）须为 YYYY-MM，例如 2026-11' })
  month!: string;

  @HallCodeParam('one hall’s 通报 (a hall the caller sees); without it the county’s (county roles only)')
  hallCode?: string;
}

export class ReportHallDto {
  @ApiProperty({ example: 'jintun' }) code!: string;
  @ApiProperty({ example: '金屯镇' }) name!: string;
}

/** A ranking as the 通报 prints it: one figure over one dimension, from ResultsService.rankings. */
export class ReportRankingDto {
  @ApiProperty({ example: 'hall' }) dimension!: string;
  @ApiProperty({ example: '大厅（镇街）' }) dimensionLabel!: string;
  @ApiProperty({ example: 'goodRate' }) figure!: string;
  @ApiProperty({ example: '好评率' }) figureLabel!: string;
  @ApiProperty({ enum: ['desc', 'asc'] }) order!: 'asc' | 'desc';
  @ApiProperty({ description: 'reviews needed before a value is ranked (admin setting)' }) minimumReviews!: number;
  @ApiProperty({ type: [RankingEntryDto] }) ranked!: RankingEntryDto[];
  @ApiProperty({ type: [RankingEntryDto], description: 'fewer reviews than the minimum, or no value: listed, not ranked' }) unranked!: RankingEntryDto[];
}

export class ReportReasonDto {
  @ApiProperty({ example: 'WAIT_LONG' }) code!: string;
  @ApiProperty({ example: '排队等候时间长' }) label!: string;
  @ApiProperty({ description: 'adopted bad reviews (不满意, 非常不满意) giving this reason' }) badReviews!: number;
}

export class NotAdoptedItemDto {
  @ApiProperty({ example: '2026-11-20', description: 'the review’s date (Asia/Shanghai)' }) reviewedOn!: string;
  @ApiProperty({ example: '金屯镇' }) hallName!: string;
  @ApiProperty({ type: String, nullable: true, example: '综合窗口' }) windowName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '城乡居民养老保险参保登记' }) serviceItemName!: string | null;
  @ApiProperty({ example: '不满意' }) levelLabel!: string;
  @ApiProperty({ type: [String], description: 'the reasons the reviewer chose (labels)' }) reasons!: string[];
  @ApiProperty({ type: String, nullable: true, example: '核实不属实', description: 'the hall’s finding (核实不属实 / 核实为恶意评价)' }) finding!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the county’s reason for approving (else the hall’s evidence), anonymised' }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-02', description: 'when the county approved it' }) decidedOn!: string | null;
}

export class LateCaseItemDto {
  @ApiProperty({ example: '2026-11-13', description: 'the bad review’s date; the case belongs to the month it was opened in' }) reviewedOn!: string;
  @ApiProperty({ example: '金屯镇' }) hallName!: string;
  @ApiProperty({ type: String, nullable: true }) serviceItemName!: string | null;
  @ApiProperty({ example: '非常不满意' }) levelLabel!: string;
  @ApiProperty({ example: '整改中' }) stateLabel!: string;
  @ApiProperty({ type: [String], example: ['当前逾期未办', '已告知镇街分管领导'], description: 'why it counts against 按时办结率' }) lateReasons!: string[];
}

export class TypicalCaseDto {
  @ApiProperty({ example: '2026-11-09' }) reviewedOn!: string;
  @ApiProperty({ example: '金屯镇' }) hallName!: string;
  @ApiProperty({ type: String, nullable: true }) windowName!: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceItemName!: string | null;
  @ApiProperty({ example: '不满意' }) levelLabel!: string;
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty({ type: String, nullable: true, example: '限时整改' }) categoryLabel!: string | null;
  @ApiProperty({ description: 'the measures taken, as staff recorded them, anonymised' }) measures!: string;
  @ApiProperty({ description: 'the result, anonymised' }) result!: string;
  @ApiProperty({ example: '已办结' }) stateLabel!: string;
  @ApiProperty({ type: String, nullable: true, example: '满意', description: 'how the case ended (群众确认满意, 无异议…); null while open' }) outcomeLabel!: string | null;
}

/**
 * An improvement item (优化清单) the 通报 lists. Built by another piece of work (issue 14, "From complaints to fixes");
 * until it is wired in, the report answers an empty list.
 */
export class ReportImprovementDto {
  @ApiProperty({ example: '社保参保登记材料反复补正' }) title!: string;
  @ApiProperty({ type: String, nullable: true }) hallName!: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceItemName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the hall or department that owns it' }) ownerName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-31' }) dueDate!: string | null;
  @ApiProperty({ example: '整改中' }) statusLabel!: string;
  @ApiProperty({ description: 'reviews behind it' }) reviewCount!: number;
}

export class MonthlyReportResponse {
  @ApiProperty({ enum: ['county', 'hall'] }) scope!: 'county' | 'hall';
  @ApiProperty({ type: ReportHallDto, nullable: true, description: 'the hall of a hall’s 通报' }) hall!: ReportHallDto | null;
  @ApiProperty({ example: '嘉祥县政务服务“好差评”情况通报（2026年11月）' }) title!: string;
  @ApiProperty({ example: '嘉祥县行政审批服务局' }) issuer!: string;
  @ApiProperty({ type: ResultsPeriodDto }) period!: ResultsPeriodDto;
  @ApiProperty({ example: '2026-12-07T10:00:00+08:00', description: 'when the figures were read (rates of open cases settle later)' }) generatedAt!: string;
  @ApiProperty({ type: FiguresDto, description: 'the headline figures of the county or hall over the month' }) figures!: FiguresDto;
  @ApiProperty({ type: LevelCountsDto }) levels!: LevelCountsDto;
  @ApiProperty({ type: [ResultsRowDto], description: 'county: every hall’s figures (a row per hall, by name); hall: its windows’' }) breakdown!: ResultsRowDto[];
  @ApiProperty({ type: [ReportRankingDto], description: 'county: halls by 好评率 and by 按时办结率; hall: windows and staff by 好评率' }) rankings!: ReportRankingDto[];
  @ApiProperty({ type: [ReportReasonDto], description: 'reasons given with bad reviews, most frequent first' }) badReasons!: ReportReasonDto[];
  @ApiProperty({ type: [NotAdoptedItemDto], description: 'reviews of the month that were 不予采纳 (the count is figures.notAdopted), at most 100' }) notAdopted!: NotAdoptedItemDto[];
  @ApiProperty({ type: [LateCaseItemDto], description: 'rectification cases opened in the month that count against 按时办结率, at most 100' }) lateCases!: LateCaseItemDto[];
  @ApiProperty({ description: 'all such cases (the list may be shorter)' }) lateCaseCount!: number;
  @ApiProperty({ type: [TypicalCaseDto], description: 'up to 5 adopted bad reviews with their recorded rectification, anonymised' }) typicalCases!: TypicalCaseDto[];
  @ApiProperty({ type: [ReportImprovementDto], description: '优化清单: the improvement items accepted in the month, open at its end or done in it' }) improvements!: ReportImprovementDto[];
  @ApiProperty({ type: [FigureNoteDto], description: 'how each figure is computed (the 通报’s notes)' }) notes!: FigureNoteDto[];
}
