import type { ReviewChannelCode } from '@haochaping/contracts';
import type { ReviewAdoption, ReviewChannel, ServiceNature } from '@haochaping/db';

/**
 * The database's channel enum (`review_channel`) and the shared model's channels (`REVIEW_CHANNEL_LABELS`, which staff
 * screens and the status page label them by) are one list: this stops compiling when the two part.
 */
export const REVIEW_CHANNELS_MATCH: [ReviewChannel] extends [ReviewChannelCode] ? ([ReviewChannelCode] extends [ReviewChannel] ? true : false) : false = true;

export const NATURE_LABELS: Readonly<Record<ServiceNature, string>> = { OFFLINE: '线下窗口', ONLINE: '网上办事' };

export const ADOPTION_LABELS: Readonly<Record<ReviewAdoption, string>> = { ADOPTED: '已采纳', NOT_ADOPTED: '不予采纳' };


/** `SB2026****0123`: enough of a case number for its applicant to recognise it, not to read it out to others. */
export function maskCaseNumber(caseNumber: string): string {
  const chars = Array.from(caseNumber);
  if (chars.length <= 4) return '*'.repeat(chars.length);
  const keepStart = chars.length > 8 ? 4 : 0;
  return chars.slice(0, keepStart).join('') + '*'.repeat(chars.length - keepStart - 4) + chars.slice(-4).join('');
}
