import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, Not, type Repository } from 'typeorm';
import type { AdminOrderRefundView, OrderView } from '@tidepool/shared';
import { rawInstant, rawQuery } from '../../common/database/raw-query';
import { dayBucketSql, type DayBucket, type RawFigures, toNumber } from '../../common/reports/day-buckets';
import { OrderItem } from './order-item.entity';
import { Order } from './order.entity';
import { OrdersService } from './orders.service';
import { PaymentRefund } from './payment-refund.entity';

export type { PaymentRefundStatus } from './payment-refund.entity';

/** An order as other modules read it (drops, distribution); the entity stays inside this module. */
export type OrderRead = Pick<
  Order,
  | 'id'
  | 'orderNo'
  | 'memberId'
  | 'state'
  | 'fulfilment'
  | 'payableFen'
  | 'dropId'
  | 'createdAt'
  | 'paidAt'
  | 'completedAt'
>;

/** Paid orders in one day bucket, pickup store (null = shipped) and channel (a drop's or not). */
export interface PaidOrderFigures {
  bucket: number;
  storeId: number | null;
  drop: boolean;
  orders: number;
  gmvFen: number;
}

/**
 * One member's purchases online in one pickup store (null = shipped) and channel (a drop's or not), aggregated in
 * SQL: a purchase is a paid order (PAID, FULFILLED or COMPLETED) not wholly refunded, worth what it paid less its
 * successful line refunds. Member facts (growth) read these.
 */
export interface MemberOrderPurchases {
  memberId: number;
  storeId: number | null;
  drop: boolean;
  purchases: number;
  purchasesSince: number;
  /** Net of refunds, of the purchases since the window start. */
  spendSinceFen: number;
  firstAt: Date;
  lastAt: Date;
}

/** An order line as other modules read it. */
export type OrderLineRead = Pick<
  OrderItem,
  'id' | 'orderId' | 'skuId' | 'productId' | 'productName' | 'imageUrl' | 'quantity' | 'paidFen' | 'dropItemId'
>;

/** A payment refund as other modules read it (commission reversal, after-sales). */
export type PaymentRefundRead = Pick<PaymentRefund, 'id' | 'orderId' | 'kind' | 'status' | 'lineIds' | 'lines'>;

/**
 * Read API of the orders module for the modules that follow orders (drops, distribution). Methods that take an
 * EntityManager read inside the caller's transaction, which the orders module itself opened (reservations).
 */
@Injectable()
export class OrderReadsService {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @InjectRepository(OrderItem) private readonly items: Repository<OrderItem>,
    @InjectRepository(PaymentRefund) private readonly refunds: Repository<PaymentRefund>,
    private readonly ordersService: OrdersService,
  ) {}

  byId(id: number, manager?: EntityManager): Promise<OrderRead | null> {
    return (manager ? manager.getRepository(Order) : this.orders).findOneBy({ id });
  }

  async byIds(ids: readonly number[]): Promise<Map<number, OrderRead>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.orders.findBy({ id: In(unique) }) : [];
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * Paid orders per day bucket, pickup store (null = shipped) and drop-or-not, counted and summed in SQL by the
   * instant of payment: the dashboard's online and drop channels. GMV is what was paid, before any refund.
   */
  async paidFigures(days: readonly DayBucket[], storeId: number | null): Promise<PaidOrderFigures[]> {
    if (days.length === 0) return [];
    const bucket = dayBucketSql('o.paidAt', days);
    const isDrop = 'CASE WHEN o.dropId IS NULL THEN 0 ELSE 1 END';
    const qb = this.orders
      .createQueryBuilder('o')
      .select(bucket.expression, 'bucket')
      .addSelect('o.pickupStoreId', 'storeId')
      .addSelect(isDrop, 'isDrop')
      .addSelect('COUNT(*)', 'orders')
      .addSelect('SUM(o.payableFen)', 'gmvFen')
      .where('o.paidAt >= :from AND o.paidAt < :to', { from: days[0].from, to: days[days.length - 1].to })
      .setParameters(bucket.params);
    if (storeId !== null) qb.andWhere('o.pickupStoreId = :storeId', { storeId });
    const rows = await qb.groupBy('bucket').addGroupBy('o.pickupStoreId').addGroupBy('isDrop').getRawMany<RawFigures>();
    return rows.map((row) => ({
      bucket: toNumber(row.bucket),
      storeId: row.storeId === null ? null : toNumber(row.storeId),
      drop: toNumber(row.isDrop) === 1,
      orders: toNumber(row.orders),
      gmvFen: toNumber(row.gmvFen),
    }));
  }

  /** How many of these orders were paid and what they paid (fen, before refunds), summed in SQL. */
  async paidTotals(orderIds: readonly number[]): Promise<{ orders: number; gmvFen: number }> {
    const unique = [...new Set(orderIds)];
    if (unique.length === 0) return { orders: 0, gmvFen: 0 };
    const row = await this.orders
      .createQueryBuilder('o')
      .select('COUNT(*)', 'orders')
      .addSelect('SUM(o.payableFen)', 'gmvFen')
      .where({ id: In(unique), paidAt: Not(IsNull()) })
      .getRawOne<RawFigures>();
    return { orders: toNumber(row?.orders), gmvFen: toNumber(row?.gmvFen) };
  }

  /** Refunds as the console shows them (WeChat's ids and status), by refund id: an after-sale names its refund. */
  async refundViews(ids: readonly number[]): Promise<Map<number, AdminOrderRefundView>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.refunds.findBy({ id: In(unique) }) : [];
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          outRefundNo: r.outRefundNo,
          wechatRefundId: r.wechatRefundId,
          transactionId: r.transactionId,
          kind: r.kind,
          amountFen: r.amountFen,
          status: r.status,
          createdAt: r.createdAt.toISOString(),
          settledAt: r.settledAt?.toISOString() ?? null,
        },
      ]),
    );
  }

  /** The member's view of the order a checkout request (`<member>:<clientOrderId>`) created, if it did. */
  async viewByClientKey(clientKey: string): Promise<OrderView | null> {
    const order = await this.orders.findOneBy({ clientKey });
    return order ? this.ordersService.view(order) : null;
  }

  /** The order's lines in id order. */
  lines(orderId: number, manager?: EntityManager): Promise<OrderLineRead[]> {
    return (manager ? manager.getRepository(OrderItem) : this.items).find({ where: { orderId }, order: { id: 'ASC' } });
  }

  /** A member's drop orders, newest first, each with its lines. */
  async dropOrdersPage(
    memberId: number,
    offset: number,
    take: number,
  ): Promise<{ rows: (OrderRead & { lines: OrderLineRead[] })[]; total: number }> {
    const [rows, total] = await this.orders.findAndCount({
      where: { memberId, dropId: Not(IsNull()) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: offset,
      take,
    });
    const lines = rows.length ? await this.items.findBy({ orderId: In(rows.map((r) => r.id)) }) : [];
    return { rows: rows.map((order) => ({ ...order, lines: lines.filter((l) => l.orderId === order.id) })), total };
  }

  /** Of these orders, those completed at or before the cutoff (past their return window). */
  async completedBy(orderIds: readonly number[], cutoff: Date): Promise<Set<number>> {
    const unique = [...new Set(orderIds)];
    if (unique.length === 0) return new Set();
    const rows = await this.orders
      .createQueryBuilder('o')
      .select('o.id', 'id')
      .where('o.id IN (:...ids)', { ids: unique })
      .andWhere("o.state = 'COMPLETED' AND o.completedAt <= :cutoff", { cutoff })
      .getRawMany<{ id: number | string }>();
    return new Set(rows.map((row) => Number(row.id)));
  }

  refundById(id: number): Promise<PaymentRefundRead | null> {
    return this.refunds.findOneBy({ id });
  }

  /** The order's successful refunds, in id order. */
  successfulRefunds(orderId: number): Promise<PaymentRefundRead[]> {
    return this.refunds.find({ where: { orderId, status: 'SUCCESS' }, order: { id: 'ASC' } });
  }

  /**
   * Each member's first payment of an online order (campaigns' golden window), found in SQL. Members who never
   * paid an order are absent.
   */
  async firstPaidAt(memberIds: readonly number[], manager?: EntityManager): Promise<Map<number, Date>> {
    const unique = [...new Set(memberIds)];
    if (unique.length === 0) return new Map();
    const rows = await (manager ? manager.getRepository(Order) : this.orders)
      .createQueryBuilder('o')
      .select('o.memberId', 'memberId')
      .addSelect('MIN(o.paidAt)', 'first')
      .where('o.memberId IN (:...ids) AND o.paidAt IS NOT NULL', { ids: unique })
      .groupBy('o.memberId')
      .getRawMany<{ memberId: number | string; first: Date | string }>();
    return new Map(rows.map((r) => [Number(r.memberId), rawInstant(r.first)]));
  }

  /** Orders paid in [from, to), oldest first, with their lines: what a campaign's dry run replays. */
  async paidBetween(from: Date, to: Date, limit: number): Promise<(OrderRead & { lines: OrderLineRead[] })[]> {
    const orders = await this.orders
      .createQueryBuilder('o')
      .where('o.paidAt >= :from AND o.paidAt < :to', { from, to })
      .orderBy('o.paidAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .take(limit)
      .getMany();
    const lines = orders.length ? await this.items.findBy({ orderId: In(orders.map((o) => o.id)) }) : [];
    return orders.map((o) => ({ ...o, lines: lines.filter((l) => l.orderId === o.id) }));
  }

  /**
   * Purchases (see MemberOrderPurchases) of the members with ids in [fromMemberId, toMemberId] paid by `now`,
   * grouped by member, pickup store and channel; `since` starts the window the *Since figures count.
   */
  async memberPurchases(
    fromMemberId: number,
    toMemberId: number,
    since: Date,
    now: Date,
    manager: EntityManager = this.orders.manager,
  ): Promise<MemberOrderPurchases[]> {
    const sql = `SELECT p.memberId AS memberId, p.storeId AS storeId, p.isDrop AS isDrop, COUNT(*) AS purchases,
        SUM(CASE WHEN p.paidAt >= :since THEN 1 ELSE 0 END) AS purchasesSince,
        SUM(CASE WHEN p.paidAt >= :since THEN p.netFen ELSE 0 END) AS spendSinceFen,
        MIN(p.paidAt) AS firstAt, MAX(p.paidAt) AS lastAt
      FROM (${PURCHASES_SQL}) p WHERE p.netFen > 0 GROUP BY p.memberId, p.storeId, p.isDrop`;
    const rows = await rawQuery(manager, sql, { lo: fromMemberId, hi: toMemberId, since, now });
    return rows.map((row) => ({
      memberId: toNumber(row.memberId as number),
      storeId: row.storeId === null ? null : toNumber(row.storeId as number),
      drop: toNumber(row.isDrop as number) === 1,
      purchases: toNumber(row.purchases as number),
      purchasesSince: toNumber(row.purchasesSince as number),
      spendSinceFen: toNumber(row.spendSinceFen as number),
      firstAt: rawInstant(row.firstAt),
      lastAt: rawInstant(row.lastAt),
    }));
  }

  /** The instants of the same purchases, one row each (for gaps between purchases), in one query. */
  async memberPurchaseTimes(
    fromMemberId: number,
    toMemberId: number,
    now: Date,
    manager: EntityManager = this.orders.manager,
  ): Promise<{ memberId: number; at: Date }[]> {
    const sql = `SELECT p.memberId AS memberId, p.paidAt AS paidAt FROM (${PURCHASES_SQL}) p WHERE p.netFen > 0`;
    const rows = await rawQuery(manager, sql, { lo: fromMemberId, hi: toMemberId, now });
    return rows.map((row) => ({ memberId: toNumber(row.memberId as number), at: rawInstant(row.paidAt) }));
  }
}

/** Paid orders of a member-id range with what they kept after successful line refunds (late payments excluded). */
const PURCHASES_SQL = `SELECT o.memberId AS memberId, o.paidAt AS paidAt, o.pickupStoreId AS storeId,
    CASE WHEN o.dropId IS NULL THEN 0 ELSE 1 END AS isDrop,
    o.payableFen - COALESCE((SELECT SUM(r.amountFen) FROM payment_refunds r
      WHERE r.orderId = o.id AND r.status = 'SUCCESS' AND r.kind = 'LINES'), 0) AS netFen
  FROM orders o
  WHERE o.memberId >= :lo AND o.memberId <= :hi AND o.paidAt IS NOT NULL AND o.paidAt <= :now
    AND o.state IN ('PAID', 'FULFILLED', 'COMPLETED')`;
