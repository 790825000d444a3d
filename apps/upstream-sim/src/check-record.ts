import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { ONLINE_REVIEW_SCHEMA, RECORD_SCHEMAS, RECORD_TYPES, type RecordType } from './record-schema';

let compiled: ReturnType<typeof compile> | undefined;

function compile() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  const records = Object.fromEntries(RECORD_TYPES.map((type) => [type, ajv.compile(RECORD_SCHEMAS[type])])) as Record<RecordType, ReturnType<typeof ajv.compile>>;
  return { ...records, ONLINE_REVIEW: ajv.compile(ONLINE_REVIEW_SCHEMA) };
}

/**
 * What the simulator would say of one record (its JSON Schema, docs/EXCHANGE.md): an empty list when it would take it.
 * For the sender's unit tests, which check their records without a running simulator.
 */
export function recordErrors(record: { type?: unknown } & Record<string, unknown>): string[] {
  compiled ??= compile();
  if (!RECORD_TYPES.includes(record.type as RecordType)) return [`type must be one of ${RECORD_TYPES.join(', ')}`];
  const check = compiled[record.type as RecordType];
  return check(record) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** What the feed's schema says of one online review (ONLINE_REVIEW_SCHEMA): an empty list when it is well formed. */
export function onlineReviewErrors(item: unknown): string[] {
  compiled ??= compile();
  const check = compiled.ONLINE_REVIEW;
  return check(item) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
