import type { PrismaClient } from '@prisma/client';
import { isRectificationCategory, RECTIFICATION_CATEGORIES, type SlaClock, type SlaPolicy } from '@haochaping/contracts';

const UNITS = new Set(['WORKING_HOURS', 'WORKING_DAYS', 'CALENDAR_HOURS', 'CALENDAR_DAYS']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clock(value: unknown, where: string): SlaClock {
  if (!isRecord(value) || typeof value.amount !== 'number' || !(value.amount > 0) || typeof value.unit !== 'string' || !UNITS.has(value.unit)) {
    throw new Error(`SLA policy: ${where} must be { amount > 0, unit: ${[...UNITS].join(' | ')} }`);
  }
  return { amount: value.amount, unit: value.unit as SlaClock['unit'] };
}

/**
 * Checks a stored policy (JSON an admin wrote) clock by clock: a workflow must never start under a policy it
 * cannot compute. Throws an Error naming the first field that is wrong.
 */
export function parseSlaPolicy(value: unknown): SlaPolicy {
  if (!isRecord(value) || !Number.isInteger(value.version) || !isRecord(value.categories)) throw new Error('SLA policy: version and categories are required');
  const categories = {} as SlaPolicy['categories'];
  for (const category of Object.keys(RECTIFICATION_CATEGORIES)) {
    if (!isRectificationCategory(category)) continue;
    const clocks = value.categories[category];
    if (!isRecord(clocks)) throw new Error(`SLA policy: categories.${category} is missing`);
    categories[category] = { callback: clock(clocks.callback, `${category}.callback`), result: clock(clocks.result, `${category}.result`) };
  }
  const ratio = value.reminderRatio;
  if (typeof ratio !== 'number' || !(ratio > 0 && ratio < 1)) throw new Error('SLA policy: reminderRatio must be between 0 and 1');
  return {
    version: value.version as number,
    categories,
    escalationAfter: clock(value.escalationAfter, 'escalationAfter'),
    reminderRatio: ratio,
    confirmationWindow: clock(value.confirmationWindow, 'confirmationWindow'),
    rejectionDecision: clock(value.rejectionDecision, 'rejectionDecision'),
    ...(value.extensionDecision === undefined ? {} : { extensionDecision: clock(value.extensionDecision, 'extensionDecision') }),
  };
}

/** The policy new cases start under: the newest version admins saved (seeded: version 1, DOMAIN.md's clocks). */
export async function loadCurrentSlaPolicy(prisma: PrismaClient): Promise<SlaPolicy> {
  return slaPolicyOfRow(await prisma.slaPolicyVersion.findFirst({ orderBy: { version: 'desc' } }));
}

/** The policy of the newest `sla_policy_version` row however it was read (Prisma, or the worker's SQL), checked. */
export function slaPolicyOfRow(row: { version: number; policy: unknown } | null): SlaPolicy {
  if (!row) throw new Error('no SLA policy in the database (the reference seed writes version 1)');
  const policy = parseSlaPolicy(row.policy);
  if (policy.version !== row.version) throw new Error(`SLA policy row ${row.version} carries version ${policy.version}`);
  return policy;
}
