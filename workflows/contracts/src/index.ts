export * from './task-queues';
export * from './failures';
export * from './actor.contract';
export * from './sla-policy.contract';
export * from './rectification.contract';
export * from './rectification-updates.contract';
export * from './activities.contract';
export * from './outbox.contract';
