// The workflow bundle of this worker: the rectification workflow, the exchange delivery and the read model's
// reconciler (@haochaping/workflows), the scheduled SMS invitations to rate and the results' daily aggregates.
export * from '@haochaping/workflows';
export { ratingInvitationRemindersWorkflow } from '../invitation-reminders/rating-invitation-reminders.workflow';
export { onlineReviewPullWorkflow } from '../exchange/online-review-pull.workflow';
export { figureDaysWorkflow } from '../figure-days/figure-days.workflow';
