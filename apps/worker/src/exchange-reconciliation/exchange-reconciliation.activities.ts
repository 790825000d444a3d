import { ApplicationFailure } from '@temporalio/activity';
import { ERR_EXCHANGE_NOT_CONFIGURED, type ExchangeCountComparison, type ExchangeDayResult, type ExchangeReconciliationActivities } from '@haochaping/contracts';
import { OUR_COUNTS_OF_DAY, shanghaiDayBounds, type Pool } from '@haochaping/db';
import type { UpstreamCount } from './upstream-counts.client';

export interface ExchangeReconciliationDeps {
  pool: Pool;
  /** The upstream's counts of a day; null when no upstream is configured (UPSTREAM_URL unset). */
  upstreamCounts: ((day: string) => Promise<UpstreamCount[]>) | null;
  now?: () => Date;
}

/** Our counts and the upstream's, side by side, one row per hall and type found on either side (sorted). */
export function compareCounts(day: string, ours: ReadonlyArray<{ hallCode: string; type: string; count: number }>, theirs: readonly UpstreamCount[]): ExchangeCountComparison[] {
  const rows = new Map<string, ExchangeCountComparison>();
  const row = (hallCode: string, type: string) => {
    const key = `${hallCode}\u0000${type}`;
    const found = rows.get(key) ?? { day, hallCode, type, ours: 0, theirs: 0, difference: 0 };
    rows.set(key, found);
    return found;
  };
  for (const count of ours) row(count.hallCode, count.type).ours += count.count;
  for (const count of theirs) row(count.orgCode, count.type).theirs += count.count;
  return [...rows.values()]
    .map((found) => ({ ...found, difference: found.ours - found.theirs }))
    .sort((a, b) => a.hallCode.localeCompare(b.hallCode) || a.type.localeCompare(b.type));
}

const STORE_DAY = `
  INSERT INTO "exchange_reconciliation" ("day", "hall_code", "type", "ours", "theirs", "difference", "checked_at")
  SELECT $1::date, u."hall_code", u."type", u."ours", u."theirs", u."ours" - u."theirs", $6
  FROM unnest($2::text[], $3::text[], $4::int[], $5::int[]) AS u("hall_code", "type", "ours", "theirs")
  ON CONFLICT ("day", "hall_code", "type") DO UPDATE
  SET "ours" = EXCLUDED."ours", "theirs" = EXCLUDED."theirs", "difference" = EXCLUDED."difference", "checked_at" = EXCLUDED."checked_at"`;

/** What this check did not find any more (on neither side) leaves the day's comparison. */
const DROP_STALE = `DELETE FROM "exchange_reconciliation" WHERE "day" = $1::date AND "checked_at" <> $2`;

/**
 * The count reconciliation's activity (exchange-reconciliation.contract.ts): the upstream's counts of the day first
 * (outside any transaction), then ours and the day's comparison stored in one transaction, so the table never holds
 * half a day.
 */
export function createExchangeReconciliationActivities(deps: ExchangeReconciliationDeps): ExchangeReconciliationActivities {
  const now = deps.now ?? (() => new Date());
  return {
    async reconcileExchangeDay(day: string): Promise<ExchangeDayResult> {
      if (!deps.upstreamCounts) throw ApplicationFailure.nonRetryable('no upstream configured (UPSTREAM_URL): nothing to reconcile with', ERR_EXCHANGE_NOT_CONFIGURED);
      const bounds = shanghaiDayBounds(day);
      const theirs = await deps.upstreamCounts(day);
      const client = await deps.pool.connect();
      try {
        await client.query('BEGIN');
        const ours = (await client.query<{ hall_code: string; type: string; count: number }>(OUR_COUNTS_OF_DAY, bounds)).rows;
        const compared = compareCounts(
          day,
          ours.map((count) => ({ hallCode: count.hall_code, type: count.type, count: count.count })),
          theirs,
        );
        const checkedAt = now();
        await client.query(STORE_DAY, [day, compared.map((c) => c.hallCode), compared.map((c) => c.type), compared.map((c) => c.ours), compared.map((c) => c.theirs), checkedAt]);
        await client.query(DROP_STALE, [day, checkedAt]);
        await client.query('COMMIT');
        return { day, compared: compared.length, differences: compared.filter((c) => c.difference !== 0) };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
