import { ApiProperty } from '@nestjs/swagger';

/** One hall's figures: the period's reviews and cases, and its open cases as they are now. */
export class HallStatisticsRow {
  @ApiProperty({ example: 'jintun' }) hallCode!: string;
  @ApiProperty({ example: '金屯镇' }) hallName!: string;
  @ApiProperty({ description: 'reviews received in the period (不予采纳 included)' }) reviews!: number;
  @ApiProperty({ description: 'reviews of levels 1 and 2 (差评) in the period, 不予采纳 included' }) badReviews!: number;
  @ApiProperty({ description: 'reviews the county ruled 不予采纳' }) notAdoptedReviews!: number;
  @ApiProperty({ description: 'adopted reviews: the denominator of 好评率' }) adoptedReviews!: number;
  @ApiProperty({ description: 'adopted reviews of levels 5, 4, 3' }) goodReviews!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.9231, description: '好评率 = good / adopted (不予采纳 excluded); null without adopted reviews' })
  goodRate!: number | null;
  @ApiProperty({ description: 'rectification cases opened in the period' }) casesOpened!: number;
  @ApiProperty({ description: 'of those, still open' }) casesOpen!: number;
  @ApiProperty({ description: 'of those, closed' }) casesClosed!: number;
  @ApiProperty({ description: 'of those, closed with every duty met by its due time' }) onTimeCases!: number;
  @ApiProperty({ description: 'of those, late (escalated, overdue now, or the result after the original due time of an extension)' }) lateCases!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.875, description: '按时办结率 = on time / (on time + late); null when none is counted' })
  onTimeRate!: number | null;
  @ApiProperty({ description: 'open cases now (any period)' }) openNow!: number;
  @ApiProperty({ description: 'open cases with an obligation past its due time now' }) overdueNow!: number;
  @ApiProperty({ description: 'open cases escalated to the town leader (level 1) and not further' }) escalatedLevel1!: number;
  @ApiProperty({ description: 'open cases escalated to the county (level 2)' }) escalatedLevel2!: number;
  @ApiProperty({ description: 'open cases overdue or escalated (each once): what 超期督办 follows up' }) inTroubleNow!: number;
}

export class HallStatisticsResponse {
  @ApiProperty({ example: '2026-03-01T00:00:00+08:00' }) from!: string;
  @ApiProperty({ example: '2026-04-01T00:00:00+08:00', description: 'exclusive' }) to!: string;
  @ApiProperty({ type: [HallStatisticsRow], description: 'every hall the caller sees, by code' }) halls!: HallStatisticsRow[];
}

/** Open cases in trouble now, for one department (the owner of the rated service item) or none. */
export class DepartmentSupervisionRow {
  @ApiProperty({ type: String, nullable: true, example: 'yibao', description: 'null: reviews without a service item (general feedback)' }) departmentCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '县医保局' }) departmentName!: string | null;
  @ApiProperty() overdue!: number;
  @ApiProperty() escalatedLevel1!: number;
  @ApiProperty() escalatedLevel2!: number;
  @ApiProperty({ description: 'open cases overdue or escalated' }) total!: number;
}

export class LevelSupervisionRow {
  @ApiProperty({ example: 1, description: '1 town leader, 2 county' }) escalationLevel!: number;
  @ApiProperty({ description: 'open cases at this level' }) cases!: number;
  @ApiProperty({ description: 'of those, overdue now' }) overdue!: number;
}

export class SupervisionStatisticsResponse {
  @ApiProperty({ type: [DepartmentSupervisionRow], description: 'departments with open overdue or escalated cases, most at level 2 first' })
  byDepartment!: DepartmentSupervisionRow[];
  @ApiProperty({ type: [LevelSupervisionRow], description: 'levels 1 and 2' }) byLevel!: LevelSupervisionRow[];
  @ApiProperty({ description: 'open cases overdue now' }) overdueNow!: number;
}
