/** One hall's figures (GET /api/statistics/halls): the period's reviews and cases, and its open cases now. */
export interface HallStatistics {
  hallCode: string;
  hallName: string;
  reviews: number;
  badReviews: number;
  notAdoptedReviews: number;
  adoptedReviews: number;
  goodReviews: number;
  /** 好评率 as a fraction; null without adopted reviews. */
  goodRate: number | null;
  casesOpened: number;
  casesOpen: number;
  casesClosed: number;
  onTimeCases: number;
  lateCases: number;
  /** 按时办结率 as a fraction; null when no case is counted yet. */
  onTimeRate: number | null;
  openNow: number;
  overdueNow: number;
  escalatedLevel1: number;
  escalatedLevel2: number;
  /** Open cases overdue or escalated, each once. */
  inTroubleNow: number;
}

export interface HallStatisticsReport {
  from: string;
  to: string;
  halls: HallStatistics[];
}

export interface DepartmentSupervision {
  departmentCode: string | null;
  departmentName: string | null;
  overdue: number;
  escalatedLevel1: number;
  escalatedLevel2: number;
  total: number;
}

export interface SupervisionReport {
  byDepartment: DepartmentSupervision[];
  byLevel: Array<{ escalationLevel: number; cases: number; overdue: number }>;
  overdueNow: number;
}
