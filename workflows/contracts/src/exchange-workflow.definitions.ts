import { defineSignal } from '@temporalio/workflow';

/**
 * Tells the upward exchange's delivery loop (EXCHANGE_DELIVERY_WORKFLOW_ID) to send now rather than after its rest:
 * 上报管理 sends it after moving rows back to PENDING (a re-send), so they go at once.
 */
export const exchangeDeliverNowSignal = defineSignal('exchangeDeliverNow');
