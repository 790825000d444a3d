/**
 * The pull driver of online reviews (docs/EXCHANGE.md, "Online reviews come down"): the worker's
 * onlineReviewPullWorkflow reads 山东政务服务网's feed for the county page by page, each page one activity call.
 * Types only: the workflow bundle imports them.
 */

/** The one pull loop's workflow id: starting it again while it runs keeps the running one. */
export const ONLINE_REVIEW_PULL_WORKFLOW_ID = 'online-review-pull';

export interface OnlineReviewPullSettings {
  /** Reviews asked per page (EXCHANGE_PULL_PAGE_SIZE, 1–500). */
  pageSize: number;
  /** Rest after a page that was not full: the feed has nothing more for now (EXCHANGE_PULL_INTERVAL_MS). */
  intervalMs: number;
  /** Pages before the workflow continues as new, which keeps its history short. */
  pagesPerRun: number;
}

export interface OnlineReviewPullInput {
  settings: OnlineReviewPullSettings;
}

/** What one page did. */
export interface OnlineReviewPageResult {
  /** Reviews on the page. */
  items: number;
  /** Stored by the intake (new), or found already stored (pushed before, or pulled before a crash). */
  created: number;
  alreadyStored: number;
  /** Refused by the intake's rules (kept in exchange_pull_refusal). */
  refused: number;
  /** The cursor the page was asked from, and the one stored after it. */
  cursor: string;
  nextCursor: string;
}

export interface OnlineReviewPullActivities {
  /** Reads one page from the stored cursor, hands every review to the intake, then stores the page's next cursor. */
  pullOnlineReviews(pageSize: number): Promise<OnlineReviewPageResult>;
}
