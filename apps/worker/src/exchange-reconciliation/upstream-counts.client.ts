import type { UpstreamSettings } from '../exchange/upstream-http.driver';

/** One row of the upstream's daily counts (GET /api/v1/counts, docs/EXCHANGE.md). */
export interface UpstreamCount {
  orgCode: string;
  type: string;
  count: number;
}

const ANSWER_EXCERPT = 200;

/**
 * The upstream's count endpoint: the records it holds per hall (`orgCode`) and type whose time falls on an
 * Asia/Shanghai day. Throws when it does not answer in time or not in the documented shape: the reconciliation's
 * activity is retried, and a day is never compared with counts it did not get.
 */
export async function fetchUpstreamCounts(settings: UpstreamSettings, day: string): Promise<UpstreamCount[]> {
  const response = await fetch(`${settings.url.replace(/\/+$/, '')}/api/v1/counts?date=${encodeURIComponent(day)}`, {
    headers: { 'x-app-key': settings.appKey },
    signal: AbortSignal.timeout(settings.timeoutMs),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`upstream counts of ${day}: HTTP ${response.status}: ${text.slice(0, ANSWER_EXCERPT)}`);
  const counts = (JSON.parse(text) as { counts?: unknown }).counts;
  const valid =
    Array.isArray(counts) &&
    counts.every((row: unknown) => {
      const count = row as Partial<UpstreamCount> | null;
      return typeof count?.orgCode === 'string' && typeof count.type === 'string' && Number.isInteger(count.count) && (count.count ?? -1) >= 0;
    });
  if (!valid) throw new Error(`upstream counts of ${day}: not the documented shape: ${text.slice(0, ANSWER_EXCERPT)}`);
  return counts as UpstreamCount[];
}
