export * from './task-queues';
export * from './failures';
export * from './rectification.contract';
export * from './activities.contract';
export * from './outbox.contract';
