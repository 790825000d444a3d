/** GET /api/calendar-years/:year */
export interface CalendarYearRecord {
  id: number;
  year: number;
  source: 'OFFICIAL' | 'PROVISIONAL';
  provisional: boolean;
  stored: boolean;
  holidays: string[];
  makeUpWorkdays: string[];
  notice: string | null;
  updatedAt: string | null;
}

/** POST /api/calendar-years/:year/notice */
export interface NoticeImportResult {
  dryRun: boolean;
  calendar: CalendarYearRecord;
  spans: Array<{ line: number; from: string; to: string; kind: 'HOLIDAY' | 'MAKE_UP_WORKDAY'; label?: string }>;
  warnings: string[];
}
