import type { ReviewAdoption, ReviewChannel, ServiceNature } from '@haochaping/db';

/** 一级评价: what each level means to a citizen. */
export const LEVEL_LABELS: Readonly<Record<number, string>> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

export const CHANNEL_LABELS: Readonly<Record<ReviewChannel, string>> = {
  WINDOW_QR: '窗口二维码',
  CASE_INVITATION: '办件评价邀请',
  ONLINE_PORTAL: '山东政务服务网',
  PUBLIC_FORM: '随时可评',
  FAULT_WINDOW: '找茬窗口',
  MAILBOX: '意见箱',
  HOTLINE: '服务热线',
  SUPERVISION_PLATFORM: '监督平台',
  EMAIL: '电子邮箱',
};

export const NATURE_LABELS: Readonly<Record<ServiceNature, string>> = { OFFLINE: '线下窗口', ONLINE: '网上办事' };

export const ADOPTION_LABELS: Readonly<Record<ReviewAdoption, string>> = { ADOPTED: '已采纳', NOT_ADOPTED: '不予采纳' };

/** The county's service hotline (DOMAIN.md), shown on the window page. */
export const SERVICE_HOTLINE = '0537-6851890';

const SHANGHAI_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026年3月9日 09:30`: an instant as a citizen reads it in a message (Asia/Shanghai). */
export function chineseDateTime(instant: Date): string {
  const parts: Record<string, string> = {};
  for (const part of SHANGHAI_PARTS.formatToParts(instant)) parts[part.type] = part.value;
  return `${parts.year}年${Number(parts.month)}月${Number(parts.day)}日 ${parts.hour}:${parts.minute}`;
}

/** `SB2026****0123`: enough of a case number for its applicant to recognise it, not to read it out to others. */
export function maskCaseNumber(caseNumber: string): string {
  const chars = Array.from(caseNumber);
  if (chars.length <= 4) return '*'.repeat(chars.length);
  const keepStart = chars.length > 8 ? 4 : 0;
  return chars.slice(0, keepStart).join('') + '*'.repeat(chars.length - keepStart - 4) + chars.slice(-4).join('');
}
