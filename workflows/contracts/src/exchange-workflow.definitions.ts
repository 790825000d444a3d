import { defineSignal } from '@temporalio/workflow';
import { EXCHANGE_DELIVER_NOW_SIGNAL } from './exchange-reconciliation.contract';

/**
 * Tells the upward exchange's delivery loop (EXCHANGE_DELIVERY_WORKFLOW_ID) to send now rather than after its rest:
 * 上报管理 sends it after moving rows back to PENDING (a re-send), so they go at once.
 */
export const exchangeDeliverNowSignal = defineSignal(EXCHANGE_DELIVER_NOW_SIGNAL);
