/** The bare workflow's activities (workflows.ts): no database work, answers of the same kind as the real ones. */
export interface BareActivities {
  loadContext(reviewId: string): Promise<{ reviewId: string; hallCode: string; level: number; reviewedAt: string }>;
  computeDeadline(context: { reviewedAt: string }, clock: 'callback' | 'result'): Promise<string>;
  notify(reviewId: string): Promise<void>;
  project(reviewId: string, state: string): Promise<void>;
  deadlineFired(dueAt: string): Promise<void>;
}

/**
 * `heard.projected` hears each case's first projection (the moment the real case would be in the read model),
 * `heard.fired` each deadline's activity and how late it ran.
 */
export function bareActivities(heard: { projected(reviewId: string): void; fired(dueAt: string, lateMs: number): void }): BareActivities {
  return {
    loadContext: (reviewId) => Promise.resolve({ reviewId, hallCode: 'jintun', level: 1, reviewedAt: new Date().toISOString() }),
    // The 立整立改 callback (1 working hour) and result (1 working day) of the default policy, far enough not to fire.
    computeDeadline: (context, clock) => Promise.resolve(new Date(Date.parse(context.reviewedAt) + (clock === 'callback' ? 48 * 60_000 : 19 * 3_600_000)).toISOString()),
    notify: () => Promise.resolve(),
    project: (reviewId, state) => {
      if (state === 'PENDING_VERIFICATION') heard.projected(reviewId);
      return Promise.resolve();
    },
    deadlineFired: (dueAt) => {
      heard.fired(dueAt, Date.now() - Date.parse(dueAt));
      return Promise.resolve();
    },
  };
}
