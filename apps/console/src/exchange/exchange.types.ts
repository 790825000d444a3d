/** The API's answers of /api/exchange (apps/api/src/exchange-admin/dto). */
export interface ExchangeOverview {
  pending: number;
  deliveredToday: number;
  dead: number;
  oldestPendingSeconds: number | null;
  lagP50Seconds: number | null;
  lagP95Seconds: number | null;
  lastDeliveredAt: string | null;
  lastAttempt: { startedAt: string; records: number; httpStatus: number | null; accepted: number; duplicates: number; rejected: number; error: string | null } | null;
}

export interface ExchangeDeadLetter {
  id: string;
  recordId: string;
  trackingCode: string | null;
  type: string;
  typeLabel: string;
  reviewId: string;
  hallCode: string | null;
  hallName: string | null;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: string | null;
  createdAt: string;
}

export interface ExchangeDeadLetters {
  total: number;
  items: ExchangeDeadLetter[];
}

export interface ExchangeCountDifference {
  day: string;
  hallCode: string;
  hallName: string | null;
  type: string;
  typeLabel: string;
  ours: number;
  theirs: number;
  difference: number;
  checkedAt: string;
  resentAt: string | null;
  resentBy: string | null;
}

export interface ExchangeReconciliation {
  lastCheckedAt: string | null;
  compared: number;
  differences: ExchangeCountDifference[];
}

export interface ExchangeReconciliationRun {
  finished: boolean;
  days: string[];
  differences: number | null;
}
