/**
 * The five levels of a rating (一级评价), as the citizen sees them. Levels 1 and 2 are 差评: each starts a
 * rectification workflow.
 */
export const REVIEW_LEVEL_LABELS = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
} as const;

export type ReviewLevel = keyof typeof REVIEW_LEVEL_LABELS;

/** Highest level first: the order the citizen pages offer them in. */
export const REVIEW_LEVELS: readonly ReviewLevel[] = [5, 4, 3, 2, 1];

/** Bad reviews are levels 1 (非常不满意) and 2 (不满意). */
export function isBadReview(level: number): level is 1 | 2 {
  return level === 1 || level === 2;
}

/** The label of a level, or the number itself for a value that is no level (never thrown at a reader). */
export function reviewLevelLabel(level: number): string {
  return (REVIEW_LEVEL_LABELS as Record<number, string>)[level] ?? String(level);
}

/**
 * Where a rating came in (the database enum `review_channel`; a test in the API keeps the two equal). Labels are what
 * staff, exports and the status page show.
 */
export const REVIEW_CHANNEL_LABELS = {
  WINDOW_QR: '窗口二维码',
  CASE_INVITATION: '办件评价邀请',
  ONLINE_PORTAL: '山东政务服务网',
  PUBLIC_FORM: '随时可评',
  FAULT_WINDOW: '找茬窗口',
  MAILBOX: '意见箱',
  HOTLINE: '服务热线',
  SUPERVISION_PLATFORM: '监督平台',
  EMAIL: '电子邮箱',
} as const;

export type ReviewChannelCode = keyof typeof REVIEW_CHANNEL_LABELS;

/** The county's service hotline (DOMAIN.md): printed on window posters, the window page and messages to citizens. */
export const SERVICE_HOTLINE = '0537-6851890';
