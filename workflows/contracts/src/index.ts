// The pure entry of @haochaping/contracts: the shared model (states, categories, obligations, action rules, level and
// channel labels, the actor), with no runtime dependency, so the console bundles it for the browser as the API, the
// worker and the workflows use it. Temporal's query and update definitions are in the server entry (`./server`).
export * from './task-queues';
export * from './failures';
export * from './actor.contract';
export * from './review.contract';
export * from './sla-policy.contract';
export * from './rectification.contract';
export * from './rectification-commands.contract';
export * from './activities.contract';
export * from './outbox.contract';
export * from './exchange.contract';
export * from './case-projection.contract';
export * from './results.contract';
export * from './read-model-reconciliation.contract';
export * from './exchange-reconciliation.contract';
