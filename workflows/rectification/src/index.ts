// Entry point the worker bundles: every workflow function the rectification task queue runs.
export { rectificationWorkflow } from './rectification.workflow';
export { exchangeDeliveryWorkflow } from './exchange/exchange-delivery.workflow';
export { readModelReconciliationWorkflow } from './read-model/read-model-reconciliation.workflow';
export { exchangeReconciliationWorkflow } from './exchange/exchange-reconciliation.workflow';
