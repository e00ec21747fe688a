import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type ErrorCode,
  type OrderAction,
  orderMachine,
  refundableQuantity,
  refundAmountFor,
  REFUNDABLE_ORDER_STATES,
} from '@tidepool/shared';
import { type EntityManager, In, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { BrandSettings } from '../brand';
import { OrderItem } from './order-item.entity';
import { settleLineRefundState } from './order-transitions';
import type { Order } from './order.entity';
import { PaymentRefund, type PaymentRefundStatus, type RefundLinePart } from './payment-refund.entity';

const DAY_MS = 86_400_000;

/** A line as the after-sales module sees it (no entity crosses the module boundary). */
export interface RefundableLine {
  lineId: number;
  orderId: number;
  productName: string;
  specText: string;
  imageUrl: string;
  unitPriceFen: number;
  quantity: number;
  paidFen: number;
  usedQuantity: number;
  usedFen: number;
  refundableQuantity: number;
}

/** Another writer moved the line's counters between our read and our UPDATE: run the unit of work again. */
export class LineChangedError extends Error {
  override readonly name = 'LineChangedError';
}

/** Called inside the transaction that records WeChat's final word on a line refund. */
export type RefundSettledListener = (
  manager: EntityManager,
  refund: PaymentRefund,
  status: Exclude<PaymentRefundStatus, 'PROCESSING'>,
) => Promise<void>;

/**
 * Units of order lines held by and given back through refunds. Each line counts refunded and in-progress units
 * and their amounts; every change is a conditional UPDATE on those counters, so two applications for the last
 * unit cannot both hold it. The refund row (`payment_refunds.lines`) says which units of which line it pays.
 */
@Injectable()
export class OrderLineRefundsService {
  private readonly listeners: RefundSettledListener[] = [];

  constructor(
    @InjectRepository(OrderItem) private readonly items: Repository<OrderItem>,
    private readonly clock: Clock,
    private readonly brand: BrandSettings,
  ) {}

  /** Another module follows line refunds to their end (after-sales moves its own state in the same transaction). */
  onSettled(listener: RefundSettledListener): void {
    this.listeners.push(listener);
  }

  async notifySettled(
    manager: EntityManager,
    refund: PaymentRefund,
    status: Exclude<PaymentRefundStatus, 'PROCESSING'>,
  ): Promise<void> {
    for (const listener of this.listeners) await listener(manager, refund, status);
  }

  /** The return window: completion + the brand's return window days (commissions settle after the same window). */
  deadlineOf(order: Order): Date | null {
    if (!order.completedAt) return null;
    return new Date(order.completedAt.getTime() + this.brand.rules().returnWindowDays * DAY_MS);
  }

  /** Why no refund can be asked for on this order now, or null. */
  blockedBy(order: Order): ErrorCode | null {
    if (order.state === 'PENDING_PAYMENT' || order.state === 'CANCELLED' || !order.transactionId) {
      return 'ORDER_NOT_PAID';
    }
    if (!REFUNDABLE_ORDER_STATES.includes(order.state)) return 'ORDER_STATE_CONFLICT';
    const deadline = this.deadlineOf(order);
    if (deadline && this.clock.now().getTime() > deadline.getTime()) return 'RETURN_WINDOW_CLOSED';
    return null;
  }

  /** The order machine's member buttons, without 申请售后 once the return window closed or no unit is left to refund. */
  memberActions(order: Order, lines: readonly OrderItem[]): OrderAction[] {
    const actions = orderMachine.allowedActions(order.state, 'MEMBER');
    const open = this.blockedBy(order) === null && lines.some((line) => toRefundable(line).refundableQuantity > 0);
    return open ? actions : actions.filter((action) => action !== 'APPLY_REFUND');
  }

  assertRefundable(order: Order): void {
    const blocked = this.blockedBy(order);
    if (blocked) throw new DomainException(blocked);
  }

  async lines(orderId: number, manager?: EntityManager): Promise<RefundableLine[]> {
    const repo = manager ? manager.getRepository(OrderItem) : this.items;
    const rows = await repo.find({ where: { orderId }, order: { id: 'ASC' } });
    return rows.map(toRefundable);
  }

  /**
   * Holds `quantity` more units of a line for a refund and answers their amount (largest remainder over the
   * units left). Conditional on the counters read, so a concurrent change makes it throw LineChangedError (the
   * caller runs its transaction again) and more units than are left throw AFTER_SALE_QUANTITY_EXCEEDED.
   */
  async reserve(manager: EntityManager, orderId: number, lineId: number, quantity: number): Promise<RefundLinePart> {
    const row = await manager.getRepository(OrderItem).findOneBy({ id: lineId, orderId });
    if (!row) {
      throw new DomainException('AFTER_SALE_LINE_NOT_FOUND', undefined, [
        { field: 'lines.lineId', reason: `${lineId}` },
      ]);
    }
    const line = toRefundable(row);
    if (quantity > line.refundableQuantity) {
      const message =
        line.refundableQuantity === 0
          ? `「${row.productName}」已全部申请售后，不能再申请`
          : `「${row.productName}」最多还可申请 ${line.refundableQuantity} 件`;
      throw new DomainException('AFTER_SALE_QUANTITY_EXCEEDED', message, [
        { field: 'lines.quantity', reason: `at most ${line.refundableQuantity} for line ${lineId}` },
      ]);
    }
    const amountFen = refundAmountFor(line, quantity);
    const result = await manager
      .createQueryBuilder()
      .update(OrderItem)
      .set({
        refundingQuantity: () => `refundingQuantity + ${quantity}`,
        refundingFen: () => `refundingFen + ${amountFen}`,
      })
      .where('id = :id AND refundedQuantity = :rq AND refundingQuantity = :gq', {
        id: lineId,
        rq: row.refundedQuantity,
        gq: row.refundingQuantity,
      })
      .andWhere('refundedFen = :rf AND refundingFen = :gf', { rf: row.refundedFen, gf: row.refundingFen })
      .andWhere('refundedQuantity + refundingQuantity + :q <= quantity', { q: quantity })
      .execute();
    if (affectedRows(result) !== 1) throw new LineChangedError(`line ${lineId} changed`);
    await settleLineRefundState(manager, lineId);
    return { lineId, quantity, amountFen };
  }

  /** Gives held units back (an after-sale cancelled, refused or its refund closed). */
  async release(manager: EntityManager, part: RefundLinePart): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(OrderItem)
      .set({
        refundingQuantity: () => `refundingQuantity - ${part.quantity}`,
        refundingFen: () => `refundingFen - ${part.amountFen}`,
      })
      .where('id = :id AND refundingQuantity >= :q AND refundingFen >= :f', {
        id: part.lineId,
        q: part.quantity,
        f: part.amountFen,
      })
      .execute();
    if (affectedRows(result) !== 1) throw new Error(`line ${part.lineId} does not hold ${part.quantity} units`);
    await settleLineRefundState(manager, part.lineId);
  }

  /** Held units become refunded (WeChat confirmed the money went back). */
  async markRefunded(manager: EntityManager, part: RefundLinePart): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(OrderItem)
      .set({
        refundingQuantity: () => `refundingQuantity - ${part.quantity}`,
        refundingFen: () => `refundingFen - ${part.amountFen}`,
        refundedQuantity: () => `refundedQuantity + ${part.quantity}`,
        refundedFen: () => `refundedFen + ${part.amountFen}`,
      })
      .where('id = :id AND refundingQuantity >= :q AND refundingFen >= :f', {
        id: part.lineId,
        q: part.quantity,
        f: part.amountFen,
      })
      .execute();
    if (affectedRows(result) !== 1) throw new Error(`line ${part.lineId} does not hold ${part.quantity} units`);
    await settleLineRefundState(manager, part.lineId);
  }

  /** The units a refund row pays (older rows refund whole lines). */
  async partsOf(manager: EntityManager, refund: PaymentRefund): Promise<RefundLinePart[]> {
    if (refund.lines) return refund.lines;
    const rows = refund.lineIds.length ? await manager.getRepository(OrderItem).findBy({ id: In(refund.lineIds) }) : [];
    return rows.map((r) => ({ lineId: r.id, quantity: r.quantity, amountFen: r.paidFen }));
  }

  /** Writes the refund row (PROCESSING) for these units; WeChat is asked after the transaction commits. */
  async createRefund(manager: EntityManager, order: Order, parts: RefundLinePart[]): Promise<PaymentRefund> {
    const refund = manager.getRepository(PaymentRefund).create({
      orderId: order.id,
      outRefundNo: newRefundNo(order.orderNo),
      kind: 'LINES',
      transactionId: order.transactionId!,
      amountFen: parts.reduce((sum, p) => sum + p.amountFen, 0),
      totalFen: order.payableFen,
      lineIds: [...new Set(parts.map((p) => p.lineId))],
      lines: parts,
      status: 'PROCESSING',
      createdAt: this.clock.now(),
      settledAt: null,
    });
    return manager.getRepository(PaymentRefund).save(refund);
  }
}

function toRefundable(row: OrderItem): RefundableLine {
  const usage = {
    quantity: row.quantity,
    paidFen: row.paidFen,
    usedQuantity: row.refundedQuantity + row.refundingQuantity,
    usedFen: row.refundedFen + row.refundingFen,
  };
  return {
    lineId: row.id,
    orderId: row.orderId,
    productName: row.productName,
    specText: row.specText,
    imageUrl: row.imageUrl,
    unitPriceFen: row.unitPriceFen,
    quantity: row.quantity,
    paidFen: row.paidFen,
    usedQuantity: usage.usedQuantity,
    usedFen: usage.usedFen,
    refundableQuantity: refundableQuantity(usage),
  };
}

/** ≤ 64 chars (WeChat's out_refund_no): R + the order number + 6 random digits; the unique index catches a clash. */
export function newRefundNo(orderNo: string): string {
  return `R${orderNo}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}
