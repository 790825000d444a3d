// The workflow bundle of this worker: the rectification workflow, the exchange delivery and the read model's
// reconciler (@haochaping/workflows), and the scheduled SMS invitations to rate.
export * from '@haochaping/workflows';
export { ratingInvitationRemindersWorkflow } from '../invitation-reminders/rating-invitation-reminders.workflow';
export { onlineReviewPullWorkflow } from '../exchange/online-review-pull.workflow';
