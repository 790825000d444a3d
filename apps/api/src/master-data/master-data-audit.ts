import type { Actor } from '@haochaping/contracts';
import { appendAudit, Prisma } from '@haochaping/db';
import type { RequestContext } from '../auth/request-context';
import { DomainHttpException, type ApiFieldError } from '../common/api-error';

/** Who changes master data and from where: what every write of this module hands its service. */
export interface MasterDataChange {
  actor: Actor;
  context: RequestContext;
}

/** One audit line of a master-data change (`hall.update`, `window.disable`, …), inside the transaction that makes it. */
export function auditMasterData(
  tx: Prisma.TransactionClient,
  { actor, context }: MasterDataChange,
  action: string,
  entity: { type: string; id: string },
  details: Prisma.InputJsonObject,
): Promise<void> {
  return appendAudit(tx, { actorId: actor.userId, actorRole: actor.role, action, entityType: entity.type, entityId: entity.id, details, requestId: context.requestId, ip: context.ip });
}

/** 422 with the field errors, the first one as the message (as users.service does). */
export function invalid(errors: ApiFieldError[]): DomainHttpException {
  return new DomainHttpException(422, 'VALIDATION_FAILED', errors[0]?.message ?? '提交的内容有误，请检查后重试', errors);
}

/** What an edit changes, for its audit line; undefined when it changes nothing (then nothing is written). */
export interface FieldChanges {
  changed: string[];
  before: Prisma.InputJsonObject;
  after: Prisma.InputJsonObject;
}

/** JSON with object keys sorted, so `{ start, end }` equals PostgreSQL's jsonb `{ end, start }`. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    typeof entry === 'object' && entry !== null && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : entry,
  );
}

/** Compares the fields `patch` gives (undefined: left out) with the stored ones, as JSON. */
export function fieldChanges<T extends Record<string, unknown>>(stored: T, patch: { [K in keyof T]?: T[K] | undefined }): FieldChanges | undefined {
  const changed = (Object.keys(patch) as Array<keyof T & string>).filter((key) => patch[key] !== undefined && canonicalJson(patch[key]) !== canonicalJson(stored[key]));
  if (changed.length === 0) return undefined;
  const json = (value: unknown) => (value ?? null) as Prisma.InputJsonValue;
  return {
    changed,
    before: Object.fromEntries(changed.map((key) => [key, json(stored[key])])),
    after: Object.fromEntries(changed.map((key) => [key, json(patch[key])])),
  };
}
