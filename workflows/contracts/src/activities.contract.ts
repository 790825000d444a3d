import type { RectificationCaseState } from './rectification.contract';

/** Review context the workflow needs when it starts (who owns the case). */
export interface ReviewContext {
  reviewId: string;
  hallCode: string;
  hallName: string;
}

/**
 * Activities the rectification workflow calls. The worker implements them
 * (apps/worker/src/activities/rectification.activities.ts); the workflow only imports this type.
 */
export interface RectificationActivities {
  // Function-typed properties, not methods: activities are free functions and are passed around unbound.
  loadReviewContext: (reviewId: string) => Promise<ReviewContext>;
  /** Writes the case's current state to the read model; idempotent on (reviewId, timeline index). */
  projectCase: (state: RectificationCaseState) => Promise<void>;
}
