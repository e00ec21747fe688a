import type { MemberSignedUpEvent } from '../contracts/members.contract';
import type { MessageTemplateKey } from '../contracts/messages.contract';
import type { TillPaymentMethod } from '../contracts/pos.contract';

/**
 * The catalogue of domain events: each event's name and payload, declared once. The server's outbox is generic
 * over this map, so publishing an unknown name or a payload of the wrong shape is a compile error, and "find all
 * references" on a name (e.g. `'order.paid'`) lists its publisher and every handler.
 *
 * Payloads are JSON: ids and integer fen, times as ISO-8601 UTC strings. A payload only grows: a field is added
 * as optional first, because events written by an older build may still be waiting for delivery.
 */
export interface DomainEvents {
  /** An order's payment was confirmed (the order moved to PAID in the same transaction). */
  'order.paid': { orderId: number; memberId?: number; paidFen?: number };
  /** A refund of an online order succeeded at WeChat Pay. */
  'order.refunded': { orderId: number; refundId: number; amountFen: number };
  /** An online order completed (receipt confirmed, picked up, or auto-completed). */
  'order.completed': { orderId: number; completedAt: string; by: string };
  /** A visitor became a member; `gifts` is what the signup rule gave. */
  'member.signed-up': MemberSignedUpEvent;
  /** A till sale was recorded; its points and growth are what the sale earns. */
  'till.sale.recorded': {
    saleId: number;
    memberId: number;
    storeId: number;
    payableFen: number;
    /** Optional: events recorded before the till asked for it lack it. */
    paymentMethod?: TillPaymentMethod;
  };
  /** A till sale was refunded; what it earned is taken back. */
  'till.sale.refunded': { saleId: number; memberId: number; storeId: number };
  /** A gift redemption took its unit of stock; settling spends the points and issues the voucher or shipment. */
  'gift.redemption.started': { redemptionId: number; memberId: number; giftId: number; points: number };
  /**
   * A member entered a lifecycle stage (LifecycleStage) or a relationship level (RelationshipLevel), as recorded
   * in the stage history; `from` is null for the member's first stage of that kind.
   */
  'member.stage-entered': {
    memberId: number;
    kind: 'LIFECYCLE' | 'RELATIONSHIP';
    from: string | null;
    to: string;
    enteredAt: string;
  };
  /**
   * A module asked for a subscribe message to a member (MessagesService.request); the messages module sends it
   * if the member has a consent left, within the weekly cap and outside quiet hours. `dedupeKey` is the
   * caller's: one message per key, ever. `data` is the template's keywords (WeChat checks their types).
   */
  'message.requested': {
    memberId: number;
    templateKey: MessageTemplateKey;
    data: Record<string, string>;
    page?: string;
    dedupeKey: string;
    requestedAt: string;
  };
}

export type DomainEventName = keyof DomainEvents;

/** Every event name, in catalogue order (for checks that a stored name is known). */
export const DOMAIN_EVENT_NAMES = [
  'order.paid',
  'order.refunded',
  'order.completed',
  'member.signed-up',
  'till.sale.recorded',
  'till.sale.refunded',
  'gift.redemption.started',
  'member.stage-entered',
  'message.requested',
] as const satisfies readonly DomainEventName[];

// The list above and the catalogue's keys must be the same set: a name missing from the list fails here.
type Missing = Exclude<DomainEventName, (typeof DOMAIN_EVENT_NAMES)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

export function isDomainEventName(name: string): name is DomainEventName {
  return (DOMAIN_EVENT_NAMES as readonly string[]).includes(name);
}
