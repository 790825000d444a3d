/** GET /api/praise-integrity/flags rows (apps/api/src/praise-integrity/dto/praise-integrity-flags.dto.ts). */
export interface FlagRecord {
  id: string;
  rule: 'PRAISE_BURST' | 'ONE_SOURCE_MANY_CASES' | 'HALL_NETWORK' | 'TOO_FAST_AFTER_COMPLETION';
  ruleLabel: string;
  subjectKind: 'WINDOW' | 'STAFF' | 'DEVICE' | 'ADDRESS';
  subjectKey: string;
  subjectLabel: string;
  day: string;
  hallCode: string;
  hallName: string;
  reviewCount: number;
  evidence: { summary?: string; from?: string; to?: string; network?: string; config?: Record<string, unknown> };
  status: 'OPEN' | 'CLEARED' | 'CONFIRMED';
  detectedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
}

export interface FlagReview {
  id: string;
  trackingCode: string;
  level: number;
  channel: string;
  createdAt: string;
  caseCompletedAt: string | null;
  secondsAfterCompletion: number | null;
  windowName: string | null;
  staffName: string | null;
  clientIp: string | null;
  clientDevice: string | null;
  excludedFromFiguresAt: string | null;
}

export interface FlagDetail extends FlagRecord {
  reviews: FlagReview[];
}

export interface DetectionResult {
  from: string;
  to: string;
  reviewsRead: number;
  findings: number;
  created: number;
  updated: number;
}
