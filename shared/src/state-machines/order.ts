/**
 * The order lifecycle and the per-line refund lifecycle, as data (see machine.ts for why and for idempotency).
 *
 *   PENDING_PAYMENT --PAY--> PAID --FULFIL--> FULFILLED --COMPLETE--> COMPLETED
 *          \--CANCEL--> CANCELLED                (shipped or picked up)   (receipt confirmed, or auto-confirmed)
 *
 * - PAY comes from the verified payment notification, never from the client. A repeated PAY on a PAID, FULFILLED
 *   or COMPLETED order is a no-op; a PAY on a CANCELLED order is a conflict the server must resolve by refunding
 *   that payment (the member paid after the payment window closed).
 * - CANCEL is only possible before payment (by the member, or by the system when the payment window closes).
 *   After payment, money goes back through line refunds.
 * - Refunds are per line, so a partial refund is a refund of some lines: NONE --REQUEST_REFUND--> REFUNDING
 *   --REFUND_SUCCEEDED--> REFUNDED, or back to NONE when staff reject it. A line may be refunded while its order is
 *   PAID, FULFILLED or COMPLETED; the return window after completion is the server's check (it knows the time).
 */
import { type Actor, defineMachine } from './machine';

export const ORDER_STATES = ['PENDING_PAYMENT', 'PAID', 'FULFILLED', 'COMPLETED', 'CANCELLED'] as const;
export type OrderState = (typeof ORDER_STATES)[number];
export type OrderEvent = 'PAY' | 'CANCEL' | 'FULFIL' | 'COMPLETE';
export type OrderAction = 'PAY' | 'CANCEL' | 'CONFIRM_RECEIPT' | 'APPLY_REFUND' | 'FULFIL';

export const ORDER_TRANSITIONS = [
  { from: 'PENDING_PAYMENT', event: 'PAY', to: 'PAID' },
  { from: 'PENDING_PAYMENT', event: 'CANCEL', to: 'CANCELLED' },
  { from: 'PAID', event: 'FULFIL', to: 'FULFILLED' },
  { from: 'FULFILLED', event: 'COMPLETE', to: 'COMPLETED' },
] as const satisfies readonly { from: OrderState; event: OrderEvent; to: OrderState }[];

/** Order states in which a member may ask for a line to be refunded. */
export const REFUNDABLE_ORDER_STATES: readonly OrderState[] = ['PAID', 'FULFILLED', 'COMPLETED'];

export const orderMachine = defineMachine<OrderState, OrderEvent, OrderAction>({
  name: 'order',
  states: ORDER_STATES,
  transitions: ORDER_TRANSITIONS,
  actions: [
    // Opens WeChat Pay; the order becomes PAID when the notification arrives.
    { action: 'PAY', actor: 'MEMBER', states: ['PENDING_PAYMENT'], event: null },
    { action: 'CANCEL', actor: 'MEMBER', states: ['PENDING_PAYMENT'], event: 'CANCEL' },
    { action: 'CONFIRM_RECEIPT', actor: 'MEMBER', states: ['FULFILLED'], event: 'COMPLETE' },
    // Leads to choosing lines; each line then follows lineRefundMachine.
    { action: 'APPLY_REFUND', actor: 'MEMBER', states: REFUNDABLE_ORDER_STATES, event: null },
    { action: 'FULFIL', actor: 'STAFF', states: ['PAID'], event: 'FULFIL' },
  ],
  conflictCode: 'ORDER_STATE_CONFLICT',
});

export const LINE_REFUND_STATES = ['NONE', 'REFUNDING', 'REFUNDED'] as const;
export type LineRefundState = (typeof LINE_REFUND_STATES)[number];
export type LineRefundEvent = 'REQUEST_REFUND' | 'REFUND_SUCCEEDED' | 'REFUND_REJECTED';
export type LineRefundAction = 'APPLY_REFUND' | 'APPROVE_REFUND' | 'REJECT_REFUND';

export const LINE_REFUND_TRANSITIONS = [
  { from: 'NONE', event: 'REQUEST_REFUND', to: 'REFUNDING' },
  { from: 'REFUNDING', event: 'REFUND_SUCCEEDED', to: 'REFUNDED' },
  { from: 'REFUNDING', event: 'REFUND_REJECTED', to: 'NONE' },
] as const satisfies readonly { from: LineRefundState; event: LineRefundEvent; to: LineRefundState }[];

export const lineRefundMachine = defineMachine<LineRefundState, LineRefundEvent, LineRefundAction>({
  name: 'line refund',
  states: LINE_REFUND_STATES,
  transitions: LINE_REFUND_TRANSITIONS,
  actions: [
    { action: 'APPLY_REFUND', actor: 'MEMBER', states: ['NONE'], event: 'REQUEST_REFUND' },
    // Submits the WeChat refund (idempotent by refund number); REFUND_SUCCEEDED comes from its notification.
    { action: 'APPROVE_REFUND', actor: 'STAFF', states: ['REFUNDING'], event: null },
    { action: 'REJECT_REFUND', actor: 'STAFF', states: ['REFUNDING'], event: 'REFUND_REJECTED' },
  ],
  conflictCode: 'REFUND_STATE_CONFLICT',
});

/** The server's guard for a refund request: the order must be refundable and the line not already in one. */
export function canRequestLineRefund(order: OrderState, line: LineRefundState): boolean {
  return REFUNDABLE_ORDER_STATES.includes(order) && lineRefundMachine.canTransition(line, 'REQUEST_REFUND');
}

/** The buttons of one line: the line's own actions, with APPLY_REFUND only while the order is refundable. */
export function allowedLineActions(
  order: OrderState,
  line: LineRefundState,
  actor: Actor = 'MEMBER',
): LineRefundAction[] {
  return lineRefundMachine
    .allowedActions(line, actor)
    .filter((action) => action !== 'APPLY_REFUND' || canRequestLineRefund(order, line));
}
