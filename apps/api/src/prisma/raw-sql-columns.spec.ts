import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Prisma } from '@haochaping/db';
import { RATED_CASE_COLUMNS, RATED_CASE_SELECT, SERVICE_CASE_COLUMNS_NOT_RATED } from '../review-intake/rating-cases.service';
import { HIT_RATE_LIMITS, RATE_LIMIT_COLUMNS_NOT_UPDATED } from '../rate-limit/rate-limiter';
import { EXCHANGE_COLUMNS_LEFT_TO_DEFAULTS, INSERT_REVIEW, REVIEW_COLUMNS_LEFT_TO_DEFAULTS } from '../review-intake/review-insert';

/**
 * The hot paths write and read their tables in hand-written SQL (Prisma's query compiler cost more than the
 * statements), so their column lists are copies of the Prisma schema. Here each copy is held against the schema:
 * every column of the table is either named by the statement or listed, with the reason, among the columns it leaves
 * out. A column added to the schema fails this test until someone decides which it is.
 */

/** The columns of a model's table as the generated client maps them (scalar and enum fields; relations have none). */
function schemaColumns(model: Prisma.ModelName): string[] {
  const found = Prisma.dmmf.datamodel.models.find((candidate) => candidate.name === model);
  if (!found) throw new Error(`no model ${model} in the Prisma schema`);
  return found.fields.filter((field) => field.kind === 'scalar' || field.kind === 'enum').map((field) => field.dbName ?? field.name);
}

function tableOf(model: Prisma.ModelName): string {
  const found = Prisma.dmmf.datamodel.models.find((candidate) => candidate.name === model);
  return found?.dbName ?? model;
}

/** `INSERT INTO "table" ("a", "b", …)` → ['a', 'b', …] */
function insertColumns(sql: string, table: string): string[] {
  const list = new RegExp(`INSERT INTO "?${table}"?\\s*\\(([^)]*)\\)`).exec(sql)?.[1];
  if (list === undefined) throw new Error(`no INSERT INTO ${table} in the statement`);
  return list.split(',').map((column) => column.trim().replace(/"/g, ''));
}

/** `… DO UPDATE SET a = EXCLUDED.a, b = now() RETURNING …` → ['a', 'b'] */
function updatedColumns(sql: string): string[] {
  const list = /DO UPDATE SET([\s\S]*?)RETURNING/.exec(sql)?.[1];
  if (list === undefined) throw new Error('no DO UPDATE SET … RETURNING in the statement');
  return list.split(',').map((assignment) => (assignment.split('=')[0] ?? '').trim().replace(/"/g, ''));
}

/** `"id"::text, "case_number", …` → ['id', 'case_number', …] */
function quotedColumns(list: string): string[] {
  return [...list.matchAll(/"(\w+)"/g)].map((match) => match[1] ?? '');
}

/** The columns a Prisma `select` names, as the schema maps them. */
function selectedColumns(model: Prisma.ModelName, select: Record<string, boolean>): string[] {
  const fields = Prisma.dmmf.datamodel.models.find((candidate) => candidate.name === model)?.fields ?? [];
  return Object.keys(select).map((name) => fields.find((field) => field.name === name)?.dbName ?? name);
}

interface Coverage {
  /** In the table, but neither named by the statement nor left out on purpose. */
  forgotten: string[];
  /** Named by the statement or left out, but not in the table (renamed or dropped from the schema). */
  unknown: string[];
  /** Named by the statement and left out at once, or named twice. */
  twice: string[];
}

function coverage(tableColumns: readonly string[], named: readonly string[], leftOut: Readonly<Record<string, string>>): Coverage {
  const accounted = [...named, ...Object.keys(leftOut)];
  return {
    forgotten: tableColumns.filter((column) => !accounted.includes(column)),
    unknown: accounted.filter((column) => !tableColumns.includes(column)),
    twice: accounted.filter((column, index) => accounted.indexOf(column) !== index),
  };
}

// The worker's read-model write (not exported: read from its source, the statement is one template literal).
const CASE_PROJECTION_SQL = readFileSync(join(__dirname, '../../../worker/src/activities/case-projection.sql.ts'), 'utf8');

/** What a projection leaves to the database, and why (kept here while case-projection.sql.ts exports no list). */
const CASE_COLUMNS_NOT_REPROJECTED: Record<string, string> = {
  review_id: 'the conflict key itself',
  workflow_id: "a function of the review id: the case's first projection wrote it",
  opened_at: 'when the workflow opened the case, written once by its first projection',
};
/** The projection's outbox rows of results and decisions (exchange/case-records.ts) name their timeline entry instead. */
const CASE_FACT_EXCHANGE_COLUMNS_LEFT_TO_DEFAULTS: Record<string, string> = Object.fromEntries(
  Object.entries({ ...EXCHANGE_COLUMNS_LEFT_TO_DEFAULTS, channel_raw: 'a channel is a review’s, not a result’s', created_at: 'now(): when the fact was stored' }).filter(
    ([column]) => column !== 'timeline_seq',
  ),
);
const TIMELINE_COLUMNS_LEFT_TO_DEFAULTS: Record<string, string> = {
  id: 'a sequence (autoincrement); an entry is identified by (review_id, seq)',
};

describe('hand-written SQL names every column of its table, or says why it leaves one out', () => {
  // [statement (file), model, the columns it names, the columns it leaves out with the reason]
  const hotPaths: Array<[string, Prisma.ModelName, string[], Readonly<Record<string, string>>]> = [
    ['the review INSERT (review-intake/review-insert.ts)', 'Review', insertColumns(INSERT_REVIEW, tableOf('Review')), REVIEW_COLUMNS_LEFT_TO_DEFAULTS],
    ["the review INSERT's exchange outbox row (review-insert.ts)", 'ExchangeDelivery', insertColumns(INSERT_REVIEW, tableOf('ExchangeDelivery')), EXCHANGE_COLUMNS_LEFT_TO_DEFAULTS],
    ['the rated case SELECT (review-intake/rating-cases.service.ts)', 'ServiceCase', quotedColumns(RATED_CASE_COLUMNS), SERVICE_CASE_COLUMNS_NOT_RATED],
    ["the invitation's Prisma select of a rated case (RATED_CASE_SELECT)", 'ServiceCase', selectedColumns('ServiceCase', RATED_CASE_SELECT), SERVICE_CASE_COLUMNS_NOT_RATED],
    ["the case projection's INSERT (apps/worker/src/activities/case-projection.sql.ts)", 'RectificationCase', insertColumns(CASE_PROJECTION_SQL, tableOf('RectificationCase')), {}],
    ["the case projection's ON CONFLICT update of an existing case", 'RectificationCase', updatedColumns(CASE_PROJECTION_SQL), CASE_COLUMNS_NOT_REPROJECTED],
    [
      "the case projection's timeline INSERT",
      'RectificationTimelineEntry',
      insertColumns(CASE_PROJECTION_SQL, tableOf('RectificationTimelineEntry')),
      TIMELINE_COLUMNS_LEFT_TO_DEFAULTS,
    ],
    ["the case projection's exchange outbox rows of results and decisions", 'ExchangeDelivery', insertColumns(CASE_PROJECTION_SQL, tableOf('ExchangeDelivery')), CASE_FACT_EXCHANGE_COLUMNS_LEFT_TO_DEFAULTS],
    ["the rate limiter's upsert (rate-limit/rate-limiter.ts)", 'RateLimitCounter', insertColumns(HIT_RATE_LIMITS, tableOf('RateLimitCounter')), {}],
    ["the rate limiter's ON CONFLICT update of a window's count", 'RateLimitCounter', updatedColumns(HIT_RATE_LIMITS), RATE_LIMIT_COLUMNS_NOT_UPDATED],
  ];

  it.each(hotPaths)('%s', (_statement, model, named, leftOut) => {
    expect(coverage(schemaColumns(model), named, leftOut)).toEqual({ forgotten: [], unknown: [], twice: [] });
  });

  describe('the check itself (a small table of its own, not the schema)', () => {
    const table = ['id', 'level', 'comment', 'adoption'];
    const insert = 'INSERT INTO "review" ("id", "level", "comment") VALUES ($1, $2, $3)';
    const leftOut = { adoption: 'the default' };

    it('passes a statement that names every column or leaves it out with a reason', () => {
      expect(coverage(table, insertColumns(insert, 'review'), leftOut)).toEqual({ forgotten: [], unknown: [], twice: [] });
    });

    it('reports a column added to the table that the statement neither names nor leaves out', () => {
      expect(coverage([...table, 'reviewer_wechat'], insertColumns(insert, 'review'), leftOut)).toEqual({ forgotten: ['reviewer_wechat'], unknown: [], twice: [] });
    });

    it('reports a column the table no longer has, and one both named and left out', () => {
      const withoutComment = table.filter((column) => column !== 'comment');
      expect(coverage(withoutComment, insertColumns(insert, 'review'), { ...leftOut, level: 'by mistake' })).toEqual({ forgotten: [], unknown: ['comment'], twice: ['level'] });
    });
  });
});
