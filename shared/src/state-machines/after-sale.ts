/**
 * The after-sale (售后) lifecycle, as data (see machine.ts). One after-sale is one order line and a quantity of
 * its units; its amount is fixed when it is applied for (the units are reserved on the line then).
 *
 *   PENDING_REVIEW --APPROVE_REFUND--> REFUNDING --REFUND_SUCCEEDED--> REFUNDED        (仅退款)
 *   PENDING_REVIEW --APPROVE_RETURN--> AWAITING_RETURN --RECEIVE_RETURN--> REFUNDING   (退货退款)
 *   PENDING_REVIEW --CANCEL--> CANCELLED            (the shopper withdraws it)
 *   PENDING_REVIEW / AWAITING_RETURN --REJECT--> REJECTED   (the operator refuses, with a reason)
 *   REFUNDING --REFUND_CLOSED--> REJECTED           (WeChat Pay closed the refund: the units are free again)
 *
 * - APPROVE is one staff action; which event it fires depends on the type (`approveEventFor`).
 * - Entering the return parcel (carrier + tracking) in AWAITING_RETURN is a member action without a state change.
 * - REFUND_SUCCEEDED and REFUND_CLOSED come from WeChat Pay's refund result, never from a client.
 * - Leaving PENDING_REVIEW/AWAITING_RETURN for CANCELLED or REJECTED gives the reserved units back to the line.
 */
import { type Actor, defineMachine } from './machine';

export const AFTER_SALE_TYPES = ['REFUND_ONLY', 'RETURN_REFUND'] as const;
export type AfterSaleType = (typeof AFTER_SALE_TYPES)[number];

export const AFTER_SALE_STATES = [
  'PENDING_REVIEW',
  'AWAITING_RETURN',
  'REFUNDING',
  'REFUNDED',
  'REJECTED',
  'CANCELLED',
] as const;
export type AfterSaleState = (typeof AFTER_SALE_STATES)[number];
export type AfterSaleEvent =
  'APPROVE_REFUND' | 'APPROVE_RETURN' | 'RECEIVE_RETURN' | 'REJECT' | 'CANCEL' | 'REFUND_SUCCEEDED' | 'REFUND_CLOSED';
export type AfterSaleAction = 'CANCEL' | 'SUBMIT_RETURN' | 'APPROVE' | 'REJECT' | 'CONFIRM_RETURN';

export const AFTER_SALE_TRANSITIONS = [
  { from: 'PENDING_REVIEW', event: 'APPROVE_REFUND', to: 'REFUNDING' },
  { from: 'PENDING_REVIEW', event: 'APPROVE_RETURN', to: 'AWAITING_RETURN' },
  { from: 'PENDING_REVIEW', event: 'REJECT', to: 'REJECTED' },
  { from: 'PENDING_REVIEW', event: 'CANCEL', to: 'CANCELLED' },
  { from: 'AWAITING_RETURN', event: 'RECEIVE_RETURN', to: 'REFUNDING' },
  { from: 'AWAITING_RETURN', event: 'REJECT', to: 'REJECTED' },
  { from: 'REFUNDING', event: 'REFUND_SUCCEEDED', to: 'REFUNDED' },
  { from: 'REFUNDING', event: 'REFUND_CLOSED', to: 'REJECTED' },
] as const satisfies readonly { from: AfterSaleState; event: AfterSaleEvent; to: AfterSaleState }[];

export const afterSaleMachine = defineMachine<AfterSaleState, AfterSaleEvent, AfterSaleAction>({
  name: 'after-sale',
  states: AFTER_SALE_STATES,
  transitions: AFTER_SALE_TRANSITIONS,
  actions: [
    { action: 'CANCEL', actor: 'MEMBER', states: ['PENDING_REVIEW'], event: 'CANCEL' },
    // Carrier and tracking number of the return parcel; may be entered (or corrected) until the goods arrive.
    { action: 'SUBMIT_RETURN', actor: 'MEMBER', states: ['AWAITING_RETURN'], event: null },
    // Fires APPROVE_REFUND or APPROVE_RETURN by type (approveEventFor).
    { action: 'APPROVE', actor: 'STAFF', states: ['PENDING_REVIEW'], event: null },
    { action: 'REJECT', actor: 'STAFF', states: ['PENDING_REVIEW', 'AWAITING_RETURN'], event: 'REJECT' },
    { action: 'CONFIRM_RETURN', actor: 'STAFF', states: ['AWAITING_RETURN'], event: 'RECEIVE_RETURN' },
  ],
  conflictCode: 'AFTER_SALE_STATE_CONFLICT',
});

/** 仅退款 refunds on approval; 退货退款 waits for the goods to come back first. */
export function approveEventFor(type: AfterSaleType): 'APPROVE_REFUND' | 'APPROVE_RETURN' {
  return type === 'REFUND_ONLY' ? 'APPROVE_REFUND' : 'APPROVE_RETURN';
}

/** States in which the after-sale still holds units of its line (they count against what may be applied for). */
export const OPEN_AFTER_SALE_STATES: readonly AfterSaleState[] = ['PENDING_REVIEW', 'AWAITING_RETURN', 'REFUNDING'];

/** The buttons of one after-sale for `actor` (the same table the server enforces). */
export function afterSaleActions(state: AfterSaleState, actor: Actor = 'MEMBER'): AfterSaleAction[] {
  return afterSaleMachine.allowedActions(state, actor);
}

/** Order states in which a return can be asked for: the goods have left the shop. */
export const RETURNABLE_ORDER_STATES = ['FULFILLED', 'COMPLETED'] as const;

export const AFTER_SALE_TYPE_LABELS: Record<AfterSaleType, string> = {
  REFUND_ONLY: '仅退款',
  RETURN_REFUND: '退货退款',
};

export const AFTER_SALE_STATE_LABELS: Record<AfterSaleState, string> = {
  PENDING_REVIEW: '待审核',
  AWAITING_RETURN: '待退货',
  REFUNDING: '退款中',
  REFUNDED: '已退款',
  REJECTED: '已拒绝',
  CANCELLED: '已撤销',
};
