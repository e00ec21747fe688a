import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ADMIN_ORDER_EXPORT_MAX_ROWS,
  type AdminOrderAction,
  type AdminOrderDetail,
  type AdminOrderRefundView,
  type AdminOrderRow,
  type AdminOrderStoreOption,
  type AdminOrderTimelineEntry,
  maskPhone,
  orderMachine,
  type Page,
  type ShipOrderRequest,
} from '@tidepool/shared';
import { In, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { Principal, StoreScope } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { toPage } from '../../common/http/pagination.dto';
import { AuditLog } from '../audit';
import { BrandSettings } from '../brand';
import { MembersService } from '../members';
import { StoresService } from '../stores';
import type { AdminOrderListQueryDto } from './dto/admin-orders.requests';
import { csvLine, exportRowCells, ORDER_CSV_HEADER } from './order-csv';
import { OrderFulfilmentService } from './order-fulfilment.service';
import { OrderItem } from './order-item.entity';
import { OrderTimelineSources } from './order-timeline-sources';
import { orderStateAfter } from './order-transitions';
import { Order } from './order.entity';
import { OrdersService } from './orders.service';
import { PaymentRefund } from './payment-refund.entity';
import { timelineOf } from './order-admin-timeline';

export type AdminOrderFilters = Omit<AdminOrderListQueryDto, 'page' | 'pageSize' | 'offset'>;

/** Rows per SQL batch of the CSV export. */
const EXPORT_BATCH = 500;

/**
 * The console's side of orders: the filtered list and its CSV export, the detail with payments, refunds and a
 * timeline, and the writes (ship, hand over a pickup order, cancel an unpaid one), each audited in the transaction
 * that makes it. An order's store is its pickup store; a store manager is confined to it in SQL, so another
 * store's order (or a shipped order, which belongs to the brand) is simply not found.
 */
@Injectable()
export class OrdersAdminService {
  private readonly logger = new Logger(OrdersAdminService.name);

  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @InjectRepository(OrderItem) private readonly items: Repository<OrderItem>,
    @InjectRepository(PaymentRefund) private readonly refunds: Repository<PaymentRefund>,
    private readonly ordersService: OrdersService,
    private readonly fulfilment: OrderFulfilmentService,
    private readonly members: MembersService,
    private readonly stores: StoresService,
    private readonly timelineSources: OrderTimelineSources,
    private readonly audit: AuditLog,
    private readonly transactions: Transactions,
    private readonly brand: BrandSettings,
    private readonly clock: Clock,
  ) {}

  async list(query: AdminOrderListQueryDto, scope: StoreScope): Promise<Page<AdminOrderRow>> {
    const qb = await this.filtered(query, scope);
    if (!qb) return toPage([], 0, query);
    const [rows, total] = await qb
      .orderBy('o.createdAt', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    return toPage(await this.rows(rows), total, query);
  }

  /**
   * The CSV of every order the filters match (newest first, at most ADMIN_ORDER_EXPORT_MAX_ROWS), read in SQL
   * batches walking (createdAt, id) downwards, so a large export never holds every row in memory at once.
   */
  async *exportCsv(query: AdminOrderFilters, scope: StoreScope): AsyncGenerator<string> {
    const timeZone = this.brand.timeZone();
    // The BOM lets Excel read the file as UTF-8 (Chinese headers and store names).
    yield `\uFEFF${csvLine(ORDER_CSV_HEADER)}`;
    let after: { createdAt: Date; id: number } | null = null;
    let written = 0;
    while (written < ADMIN_ORDER_EXPORT_MAX_ROWS) {
      const qb = await this.filtered(query, scope);
      if (!qb) return;
      if (after) {
        qb.andWhere('(o.createdAt < :afterAt OR (o.createdAt = :afterAt AND o.id < :afterId))', {
          afterAt: after.createdAt,
          afterId: after.id,
        });
      }
      const batch = await qb
        .orderBy('o.createdAt', 'DESC')
        .addOrderBy('o.id', 'DESC')
        .take(Math.min(EXPORT_BATCH, ADMIN_ORDER_EXPORT_MAX_ROWS - written))
        .getMany();
      if (batch.length === 0) return;
      const rows = await this.rows(batch);
      yield rows.map((row) => csvLine(exportRowCells(row, timeZone))).join('');
      written += batch.length;
      const last = batch[batch.length - 1];
      after = { createdAt: last.createdAt, id: last.id };
      if (batch.length < EXPORT_BATCH) return;
    }
  }

  /** `orders-YYYYMMDD.csv`, dated in the brand's zone. */
  exportFileName(): string {
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: this.brand.timeZone() }).format(this.clock.now());
    return `orders-${day.replaceAll('-', '')}.csv`;
  }

  async storeOptions(scope: StoreScope): Promise<AdminOrderStoreOption[]> {
    const stores = await this.stores.all();
    return stores
      .filter((s) => scope.storeId === null || s.id === scope.storeId)
      .map((s) => ({ id: s.id, name: s.name }));
  }

  async detail(id: number, scope: StoreScope): Promise<AdminOrderDetail> {
    return this.detailOf(await this.find(id, scope));
  }

  /** 发货: the existing ship path, confined to the caller's store and audited in its transaction. */
  async ship(
    principal: Principal,
    id: number,
    request: ShipOrderRequest,
    scope: StoreScope,
  ): Promise<AdminOrderDetail> {
    await this.fulfilment.ship(id, request, {
      where: scope.storeId === null ? {} : { pickupStoreId: scope.storeId },
      within: (_manager, before, shipment) =>
        this.audit.record({
          actor: principal,
          action: 'order.ship',
          objectType: 'order',
          objectId: before.id,
          storeId: before.pickupStoreId,
          before: { state: before.state, carrier: before.carrier, trackingNo: before.trackingNo },
          after: { state: 'FULFILLED', carrier: shipment.carrier, trackingNo: shipment.trackingNo },
        }),
    });
    return this.detail(id, scope);
  }

  /** Marked fulfilled without a tracking number (handed over outside the system), scoped and audited. */
  async fulfil(principal: Principal, id: number, scope: StoreScope): Promise<AdminOrderDetail> {
    await this.fulfilment.fulfil(id, {
      where: scope.storeId === null ? {} : { pickupStoreId: scope.storeId },
      within: (before) =>
        this.audit.record({
          actor: principal,
          action: 'order.fulfil',
          objectType: 'order',
          objectId: before.id,
          storeId: before.pickupStoreId,
          before: { state: before.state },
          after: { state: 'FULFILLED' },
        }),
    });
    return this.detail(id, scope);
  }

  /**
   * 核销自提 from the console: a paid PICKUP order is handed over (PAID → COMPLETED with `order.completed`, the
   * same move a cashier's pickup code makes), recording the staff account that did it.
   */
  async handOver(principal: Principal, id: number, scope: StoreScope): Promise<AdminOrderDetail> {
    const order = await this.find(id, scope);
    if (order.fulfilment !== 'PICKUP') {
      throw new DomainException('ORDER_STATE_CONFLICT', '快递订单请填写运单号发货');
    }
    if (order.state !== 'PAID') {
      throw new DomainException(
        'ORDER_STATE_CONFLICT',
        order.state === 'PENDING_PAYMENT' ? '该订单尚未付款' : undefined,
      );
    }
    await this.fulfilment.assertNothingRefunding(order.id);
    orderStateAfter('PAID', 'FULFIL', 'COMPLETE');
    const now = this.clock.now();
    const moved = await this.transactions.run(async (manager) => {
      const count = await this.fulfilment.complete(manager, [order.id], 'STORE', {
        from: 'PAID',
        fulfilledAt: now,
        handedOverByStaffId: principal.id,
      });
      if (count === 1) {
        await this.audit.record({
          actor: principal,
          action: 'order.hand_over',
          objectType: 'order',
          objectId: order.id,
          storeId: order.pickupStoreId,
          before: { state: order.state },
          after: { state: 'COMPLETED', handedOverByStaffId: principal.id },
        });
      }
      return count;
    });
    if (moved !== 1) throw new DomainException('ORDER_ALREADY_PICKED_UP');
    this.logger.log({ msg: 'order handed over from the console', orderId: order.id, staffId: principal.id });
    return this.detail(id, scope);
  }

  /** Cancels an unpaid order with the member-cancel/expiry release (stock, drop units, coupons), audited. */
  async cancel(principal: Principal, id: number, reason: string, scope: StoreScope): Promise<AdminOrderDetail> {
    const order = await this.find(id, scope);
    if (order.state !== 'PENDING_PAYMENT') {
      throw new DomainException('ORDER_STATE_CONFLICT', '只有待付款的订单可以取消');
    }
    const text = reason.trim();
    const cancelled = await this.ordersService.cancelByStaff(order, text, () =>
      this.audit.record({
        actor: principal,
        action: 'order.cancel',
        objectType: 'order',
        objectId: order.id,
        storeId: order.pickupStoreId,
        before: { state: order.state },
        after: { state: 'CANCELLED', cancelReason: text },
      }),
    );
    if (!cancelled) {
      const current = await this.orders.findOneByOrFail({ id: order.id });
      throw new DomainException(
        'ORDER_STATE_CONFLICT',
        current.state === 'CANCELLED' ? '该订单已取消' : '该订单已付款，不能取消',
      );
    }
    return this.detail(id, scope);
  }

  /** The order within the caller's store scope (another store's order is not found, never forbidden). */
  private async find(id: number, scope: StoreScope): Promise<Order> {
    const order = await this.orders.findOneBy(scope.storeId === null ? { id } : { id, pickupStoreId: scope.storeId });
    if (!order) throw new DomainException('ORDER_NOT_FOUND');
    return order;
  }

  /** The filtered query, or null when the phone matches no member (nothing can match). */
  private async filtered(query: AdminOrderFilters, scope: StoreScope): Promise<SelectQueryBuilder<Order> | null> {
    const qb = this.orders.createQueryBuilder('o');
    const storeId = scope.storeId ?? query.storeId;
    if (storeId !== undefined) qb.andWhere('o.pickupStoreId = :storeId', { storeId });
    if (query.state) qb.andWhere('o.state = :state', { state: query.state });
    if (query.fulfilment) qb.andWhere('o.fulfilment = :fulfilment', { fulfilment: query.fulfilment });
    if (query.from) qb.andWhere('o.createdAt >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('o.createdAt < :to', { to: new Date(query.to) });
    if (query.orderNo) qb.andWhere('o.orderNo = :orderNo', { orderNo: query.orderNo });
    if (query.phone) {
      const memberIds = await this.members.idsByPhone(query.phone);
      if (memberIds.length === 0) return null;
      qb.andWhere('o.memberId IN (:...memberIds)', { memberIds });
    }
    return qb;
  }

  private async rows(orders: Order[]): Promise<AdminOrderRow[]> {
    if (orders.length === 0) return [];
    const ids = orders.map((o) => o.id);
    const [counts, members, storeNames] = await Promise.all([
      this.items
        .createQueryBuilder('i')
        .select('i.orderId', 'orderId')
        .addSelect('SUM(i.quantity)', 'units')
        .where({ orderId: In(ids) })
        .groupBy('i.orderId')
        .getRawMany<{ orderId: number | string; units: number | string }>(),
      this.members.byIds(orders.map((o) => o.memberId)),
      this.stores.namesById(orders.flatMap((o) => (o.pickupStoreId === null ? [] : [o.pickupStoreId]))),
    ]);
    const units = new Map(counts.map((c) => [Number(c.orderId), Number(c.units)]));
    return orders.map((o) => ({
      id: o.id,
      orderNo: o.orderNo,
      memberId: o.memberId,
      memberPhoneMasked: maskPhone(members.get(o.memberId)?.phone),
      storeId: o.pickupStoreId,
      storeName: o.pickupStoreId === null ? null : (storeNames.get(o.pickupStoreId) ?? null),
      channel: o.dropId === null ? 'MALL' : 'DROP',
      state: o.state,
      fulfilment: o.fulfilment,
      payableFen: o.payableFen,
      itemCount: units.get(o.id) ?? 0,
      createdAt: o.createdAt.toISOString(),
      paidAt: o.paidAt?.toISOString() ?? null,
    }));
  }

  private async detailOf(order: Order): Promise<AdminOrderDetail> {
    const [[row], lines, refunds, extra] = await Promise.all([
      this.rows([order]),
      this.items.find({ where: { orderId: order.id }, order: { id: 'ASC' } }),
      this.refunds.find({ where: { orderId: order.id }, order: { id: 'ASC' } }),
      this.timelineSources.entriesOf(order.id),
    ]);
    const refundViews: AdminOrderRefundView[] = refunds.map((r) => ({
      id: r.id,
      outRefundNo: r.outRefundNo,
      wechatRefundId: r.wechatRefundId,
      transactionId: r.transactionId,
      kind: r.kind,
      amountFen: r.amountFen,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      settledAt: r.settledAt?.toISOString() ?? null,
    }));
    // By the second: WeChat reports payment times to the second, so a payment can read a few milliseconds before
    // the order it pays; the sort is stable, so same-second entries keep their lifecycle order.
    const timeline: AdminOrderTimelineEntry[] = [...timelineOf(order, refundViews), ...extra].sort((a, b) =>
      a.at.slice(0, 19).localeCompare(b.at.slice(0, 19)),
    );
    return {
      ...row,
      actions: actionsOf(order),
      subtotalFen: order.subtotalFen,
      totalDiscountFen: order.totalDiscountFen,
      discounts: order.discounts,
      ruleVersions: order.ruleVersions,
      couponIds: order.couponIds,
      remark: order.remark,
      address: order.address,
      payBefore: order.state === 'PENDING_PAYMENT' ? order.reservationExpiresAt.toISOString() : null,
      cancelledAt: order.cancelledAt?.toISOString() ?? null,
      cancelReason: order.cancelReason,
      fulfilledAt: order.fulfilledAt?.toISOString() ?? null,
      completedAt: order.completedAt?.toISOString() ?? null,
      lines: lines.map((l) => ({
        id: l.id,
        skuId: l.skuId,
        productId: l.productId,
        productName: l.productName,
        specText: l.specText,
        imageUrl: l.imageUrl,
        unitPriceFen: l.unitPriceFen,
        quantity: l.quantity,
        originalFen: l.originalFen,
        itemDiscountFen: l.itemDiscountFen,
        orderDiscountFen: l.orderDiscountFen,
        paidFen: l.paidFen,
        refundState: l.refundState,
        refundedQuantity: l.refundedQuantity,
        refundedFen: l.refundedFen,
      })),
      payment:
        order.transactionId && order.paidAt
          ? { transactionId: order.transactionId, amountFen: order.payableFen, paidAt: order.paidAt.toISOString() }
          : null,
      refunds: refundViews,
      shipment:
        order.carrier && order.trackingNo && order.fulfilledAt
          ? { carrier: order.carrier, trackingNo: order.trackingNo, shippedAt: order.fulfilledAt.toISOString() }
          : null,
      pickup:
        order.fulfilment === 'PICKUP' && order.pickupStoreId !== null
          ? {
              storeId: order.pickupStoreId,
              storeName: row.storeName,
              handedOverAt: order.handedOverByStaffId !== null ? (order.fulfilledAt?.toISOString() ?? null) : null,
              handedOverByStaffId: order.handedOverByStaffId,
            }
          : null,
      timeline,
    };
  }
}

/** The console's buttons, read from the shared order machine and the order's fulfilment. */
export function actionsOf(order: Pick<Order, 'state' | 'fulfilment'>): AdminOrderAction[] {
  const actions: AdminOrderAction[] = [];
  const canFulfil = orderMachine.canTransition(order.state, 'FULFIL') && order.state === 'PAID';
  if (canFulfil) actions.push(order.fulfilment === 'SHIP' ? 'SHIP' : 'HAND_OVER');
  if (orderMachine.canTransition(order.state, 'CANCEL')) actions.push('CANCEL');
  return actions;
}
