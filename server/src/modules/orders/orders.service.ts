import { Inject, Injectable, Logger, type OnModuleInit, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type CreateOrderRequest,
  formatFen,
  fen,
  orderMachine,
  type OrderSummaryView,
  type OrderView,
  type Page,
} from '@tidepool/shared';
import { type EntityManager, In, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { Transactions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { type PageQueryDto, toPage } from '../../common/http/pagination.dto';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { CartService } from '../cart';
import { SkusService } from '../catalog';
import { CouponsService } from '../coupons';
import { JobScheduler } from '../jobs';
import { StoresService } from '../stores';
import { BrandSettings } from '../brand';
import { CheckoutService, specText } from './checkout.service';
import { OrderItem } from './order-item.entity';
import { Order } from './order.entity';
import { walkOldestFirst } from './oldest-first-walk';
import { moveOrders } from './order-transitions';
import type { OrderDraft } from './order-draft';
import { newOrderNo, newOrderPickupCode } from './order-number';
import { OrderLineRefundsService } from './order-line-refunds.service';
import { OrderReservations } from './order-reservations';

/**
 * What must happen at WeChat Pay before an unpaid order's stock is released: close the WeChat order, or learn
 * that it was paid after all. Provided by the payments integration; without it (no payment was ever opened) the
 * order is simply cancelled.
 */
export abstract class PaymentCloser {
  /** 'closed' when the WeChat order can no longer be paid; 'paid' when it was paid (then it must not be cancelled). */
  abstract closeBeforeRelease(order: Order): Promise<'closed' | 'paid'>;
}

/** Orders: creation with stock reserved, member views, cancellation (member or timeout) releasing stock and coupons. */
const EXPIRY_BATCH = 100;
const EXPIRY_MAX_PER_RUN = 1000;

@Injectable()
export class OrdersService implements OnModuleInit {
  private readonly logger = new Logger(OrdersService.name);
  /**
   * Where the expiry walk resumes (per replica, in memory): orders WeChat could not close yet stay behind the
   * cursor, so they never hold back the ones that expired after them.
   */
  private readonly expiryCursors = new Map<'drop' | 'all', { expiresAt: Date; id: number }>();

  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @InjectRepository(OrderItem) private readonly items: Repository<OrderItem>,
    private readonly stores: StoresService,
    private readonly skus: SkusService,
    private readonly checkout: CheckoutService,
    private readonly coupons: CouponsService,
    private readonly cart: CartService,
    private readonly transactions: Transactions,
    private readonly reservations: OrderReservations,
    private readonly lineRefunds: OrderLineRefundsService,
    private readonly scheduler: JobScheduler,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly brand: BrandSettings,
    @Optional() private readonly closer?: PaymentCloser,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'orders-expire-unpaid',
      periodOf: (now) => String(Math.floor(now.getTime() / 60_000)),
      work: async (now) => ({ cancelled: await this.expireUnpaid(now) }),
    });
  }

  async create(memberId: number, request: CreateOrderRequest): Promise<OrderView> {
    const existing = await this.orders.findOneBy({ clientKey: `${memberId}:${request.clientOrderId}` });
    if (existing) return this.view(existing);
    await this.checkFulfilment(request);
    const priced = await this.checkout.price(memberId, request.lines, request.couponIds);
    if (priced.result.payableFen !== request.expectedPayableFen) {
      throw new DomainException(
        'PRICE_CHANGED',
        `商品价格或优惠已变化，当前应付 ${formatFen(fen(priced.result.payableFen))}，请确认后重新提交`,
        [{ field: 'expectedPayableFen', reason: `current payable is ${priced.result.payableFen}` }],
      );
    }
    const draft: OrderDraft = {
      clientOrderId: request.clientOrderId,
      fulfilment: request.fulfilment,
      address: request.address,
      pickupStoreId: request.pickupStoreId,
      remark: request.remark,
      subtotalFen: priced.result.subtotalFen,
      totalDiscountFen: priced.result.totalDiscountFen,
      payableFen: priced.result.payableFen,
      discounts: priced.result.discounts.map((d) => ({ key: d.key, label: d.label, amountFen: d.amountFen })),
      ruleVersions: { ...priced.result.ruleVersions },
      couponIds: priced.couponIds,
      pointsToAward: priced.points,
      reservationSeconds: this.config.orderPaymentWindowSeconds,
      dropId: null,
      lines: priced.lines.map(({ sku, product, quantity }, i) => {
        const line = priced.result.lines[i];
        return {
          skuId: sku.id,
          productId: product.id,
          productName: product.name,
          specText: specText(sku.specs),
          imageUrl: product.coverUrl,
          unitPriceFen: sku.priceFen,
          quantity,
          originalFen: line.originalFen,
          itemDiscountFen: line.itemDiscountFen,
          orderDiscountFen: line.orderDiscountFen,
          paidFen: line.paidFen,
          dropItemId: null,
        };
      }),
    };
    // Reserve SKU stock line by line; the conditional UPDATE is the whole check (never read-then-write).
    const reserveStock = async (manager: EntityManager) => {
      for (const { sku, product, quantity } of priced.lines) {
        if (!(await this.skus.takeStock(manager, sku.id, quantity))) {
          throw new DomainException('STOCK_INSUFFICIENT', `「${product.name} ${specText(sku.specs)}」库存不足`, [
            { field: `skuId:${sku.id}`, reason: 'not enough stock' },
          ]);
        }
      }
    };
    // The ordered units leave the cart in the same transaction (a line of 3 with 2 ordered keeps 1).
    const reserveAndTakeFromCart = async (manager: EntityManager) => {
      await reserveStock(manager);
      await this.cart.takeOrdered(manager, memberId, request.lines);
    };
    return this.view(await this.place(memberId, draft, reserveAndTakeFromCart));
  }

  /** A shipping address when shipping, an existing store when picking up; else nothing is created. */
  async checkFulfilment(request: Pick<CreateOrderRequest, 'fulfilment' | 'address' | 'pickupStoreId'>) {
    if (request.fulfilment === 'SHIP' && !request.address) {
      throw new DomainException('VALIDATION_FAILED', '请填写收货地址', [
        { field: 'address', reason: 'required to ship' },
      ]);
    }
    if (request.fulfilment === 'PICKUP' && !(await this.stores.findById(request.pickupStoreId ?? 0))) {
      throw new DomainException('STORE_NOT_FOUND', '请选择自提门店');
    }
  }

  /**
   * Writes a priced order and reserves what it sells, in one transaction: the order row first (its unique
   * clientKey makes a concurrent duplicate submit wait here and then answer the existing order instead of
   * competing for stock), then the lines and coupons, and the reservation last, so the contended stock row is
   * locked only for the end of the transaction. `reserve` throws to refuse; then nothing is kept.
   */
  async place(
    memberId: number,
    draft: OrderDraft,
    reserve: (manager: EntityManager, orderId: number) => Promise<void>,
  ): Promise<Order> {
    const clientKey = `${memberId}:${draft.clientOrderId}`;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.placeOnce(memberId, clientKey, draft, reserve);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // The same submit twice at once: the other request made the order.
        const made = await this.orders.findOneBy({ clientKey });
        if (made) return made;
        // Otherwise a random order number or pickup code clashed (rare): draw again.
        if (attempt >= 3) throw error;
      }
    }
  }

  private async placeOnce(
    memberId: number,
    clientKey: string,
    draft: OrderDraft,
    reserve: (manager: EntityManager, orderId: number) => Promise<void>,
  ): Promise<Order> {
    const now = this.clock.now();
    const order = await this.transactions.run(async (manager) => {
      const saved = await manager.getRepository(Order).save(
        manager.getRepository(Order).create({
          orderNo: newOrderNo(now, this.brand.timeZone()),
          memberId,
          clientKey,
          state: 'PENDING_PAYMENT',
          subtotalFen: draft.subtotalFen,
          totalDiscountFen: draft.totalDiscountFen,
          payableFen: draft.payableFen,
          discounts: draft.discounts,
          ruleVersions: draft.ruleVersions,
          couponIds: draft.couponIds,
          fulfilment: draft.fulfilment,
          address: draft.fulfilment === 'SHIP' ? (draft.address ?? null) : null,
          pickupStoreId: draft.fulfilment === 'PICKUP' ? (draft.pickupStoreId ?? null) : null,
          remark: draft.remark ?? '',
          pointsToAward: draft.pointsToAward,
          createdAt: now,
          reservationExpiresAt: new Date(now.getTime() + draft.reservationSeconds * 1000),
          prepayOpened: false,
          paidAt: null,
          transactionId: null,
          cancelledAt: null,
          cancelReason: null,
          fulfilledAt: null,
          completedAt: null,
          carrier: null,
          trackingNo: null,
          pickupCode: draft.fulfilment === 'PICKUP' ? newOrderPickupCode() : null,
          handedOverByStaffId: null,
          dropId: draft.dropId,
        }),
      );
      await manager
        .getRepository(OrderItem)
        .insert(draft.lines.map((line) => ({ ...line, orderId: saved.id, refundState: 'NONE' as const })));
      await this.coupons.use(manager, memberId, draft.couponIds, `order:${saved.id}`);
      await reserve(manager, saved.id);
      return saved;
    });
    this.logger.log({ msg: 'order created', orderId: order.id, payableFen: order.payableFen });
    return order;
  }

  async detail(memberId: number, orderId: number): Promise<OrderView> {
    return this.view(await this.ownOrder(memberId, orderId));
  }

  async list(memberId: number, query: PageQueryDto & { state?: string }): Promise<Page<OrderSummaryView>> {
    const where = { memberId, ...(query.state ? { state: query.state as Order['state'] } : {}) };
    const [rows, total] = await this.orders.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const items = rows.length ? await this.items.findBy({ orderId: In(rows.map((r) => r.id)) }) : [];
    return toPage(
      rows.map((order) => {
        const lines = items.filter((i) => i.orderId === order.id);
        return {
          id: order.id,
          orderNo: order.orderNo,
          state: order.state,
          createdAt: order.createdAt.toISOString(),
          payableFen: order.payableFen,
          itemCount: lines.reduce((n, l) => n + l.quantity, 0),
          firstImageUrl: lines[0]?.imageUrl ?? '',
          title: lines.length > 1 ? `${lines[0].productName} 等${lines.length}件商品` : (lines[0]?.productName ?? ''),
          fulfilment: order.fulfilment,
          actions: this.lineRefunds.memberActions(order, lines),
        };
      }),
      total,
      query,
    );
  }

  /** The member cancels an unpaid order. */
  async cancelByMember(memberId: number, orderId: number): Promise<OrderView> {
    const order = await this.ownOrder(memberId, orderId);
    if (order.state === 'CANCELLED') return this.view(order);
    await this.cancel(order, '用户取消');
    return this.view(await this.orders.findOneByOrFail({ id: order.id }));
  }

  /**
   * Staff cancel an unpaid order: the very release the member's cancel and the expiry use (stock, drop units,
   * coupons), with `within` (the audit entry) in the same transaction. False when it was not this call that
   * cancelled it (already cancelled, or WeChat says it was paid meanwhile).
   */
  cancelByStaff(order: Order, reason: string, within: (manager: EntityManager) => Promise<unknown>): Promise<boolean> {
    return this.cancel(order, reason, within);
  }

  /**
   * Cancels the unpaid orders whose payment window has closed, oldest expiry first, up to EXPIRY_MAX_PER_RUN a
   * run (several replicas: each order is claimed once by its conditional move).
   */
  async expireUnpaid(now: Date = this.clock.now(), only: { dropOrders?: boolean } = {}): Promise<number> {
    const cursorKey = only.dropOrders ? 'drop' : 'all';
    let cancelled = 0;
    const { resumeFrom } = await walkOldestFirst({
      from: this.expiryCursors.get(cursorKey) ?? null,
      batch: EXPIRY_BATCH,
      maxPerRun: EXPIRY_MAX_PER_RUN,
      page: (after: { expiresAt: Date; id: number } | null, limit) => {
        const query = this.orders
          .createQueryBuilder('o')
          .where("o.state = 'PENDING_PAYMENT' AND o.reservationExpiresAt < :now", { now });
        if (only.dropOrders) query.andWhere('o.dropId IS NOT NULL');
        if (after) {
          query.andWhere(
            '(o.reservationExpiresAt > :afterAt OR (o.reservationExpiresAt = :afterAt AND o.id > :afterId))',
            { afterAt: after.expiresAt, afterId: after.id },
          );
        }
        return query.orderBy('o.reservationExpiresAt', 'ASC').addOrderBy('o.id', 'ASC').take(limit).getMany();
      },
      cursorOf: (order) => ({ expiresAt: order.reservationExpiresAt, id: order.id }),
      visit: async (order) => {
        try {
          if (await this.cancel(order, '超时未支付')) cancelled++;
        } catch (error) {
          // WeChat Pay cannot be asked to close: end this run; the order comes round again on the next pass.
          if (error instanceof DomainException && error.code === 'PAYMENT_UNAVAILABLE') return 'pause';
          this.logger.warn({ msg: 'expiring order failed', orderId: order.id, error: (error as Error).message });
        }
        return 'next';
      },
    });
    if (resumeFrom) this.expiryCursors.set(cursorKey, resumeFrom);
    else this.expiryCursors.delete(cursorKey);
    return cancelled;
  }

  /**
   * PENDING_PAYMENT → CANCELLED, then the stock and coupons go back, in one transaction. If a WeChat order was
   * opened it is closed first: releasing stock for an order that can still be paid would sell it twice.
   */
  private async cancel(
    order: Order,
    reason: string,
    within?: (manager: EntityManager) => Promise<unknown>,
  ): Promise<boolean> {
    if (!orderMachine.canTransition(order.state, 'CANCEL')) throw new DomainException('ORDER_STATE_CONFLICT');
    if (order.prepayOpened && this.closer && (await this.closer.closeBeforeRelease(order)) === 'paid') return false;
    const now = this.clock.now();
    const done = await this.transactions.run(async (manager) => {
      const moved = await moveOrders(manager, [order.id], 'PENDING_PAYMENT', ['CANCEL'], {
        cancelledAt: now,
        cancelReason: reason,
      });
      if (moved !== 1) return false;
      await this.releaseStock(manager, order.id);
      await this.reservations.release(manager, order.id);
      await this.coupons.release(manager, `order:${order.id}`);
      if (within) await within(manager);
      return true;
    });
    if (done) {
      this.reservations.afterRelease(order.id);
      this.logger.log({ msg: 'order cancelled', orderId: order.id, reason });
    } else if ((await this.orders.findOneByOrFail({ id: order.id })).state !== 'CANCELLED') {
      throw new DomainException('ORDER_STATE_CONFLICT');
    }
    return done;
  }

  private async releaseStock(manager: EntityManager, orderId: number): Promise<void> {
    const lines = await manager.getRepository(OrderItem).findBy({ orderId });
    for (const line of lines) {
      if (line.dropItemId !== null) continue; // a drop's units go back to the drop (OrderReservations)
      await this.skus.returnStock(manager, line.skuId, line.quantity);
    }
  }

  async ownOrder(memberId: number, orderId: number): Promise<Order> {
    const order = await this.orders.findOneBy({ id: orderId, memberId });
    // Another member's order is "not found", never "someone else's".
    if (!order) throw new DomainException('ORDER_NOT_FOUND');
    return order;
  }

  async view(order: Order): Promise<OrderView> {
    const [lines, store] = await Promise.all([
      this.items.find({ where: { orderId: order.id }, order: { id: 'ASC' } }),
      order.pickupStoreId ? this.stores.findById(order.pickupStoreId) : Promise.resolve(null),
    ]);
    return {
      id: order.id,
      orderNo: order.orderNo,
      state: order.state,
      actions: this.lineRefunds.memberActions(order, lines),
      createdAt: order.createdAt.toISOString(),
      payBefore: order.state === 'PENDING_PAYMENT' ? order.reservationExpiresAt.toISOString() : null,
      paidAt: order.paidAt?.toISOString() ?? null,
      cancelledAt: order.cancelledAt?.toISOString() ?? null,
      cancelReason: order.cancelReason,
      lines: lines.map((l) => ({
        id: l.id,
        skuId: l.skuId,
        productId: l.productId,
        productName: l.productName,
        specText: l.specText,
        imageUrl: l.imageUrl,
        unitPriceFen: l.unitPriceFen,
        quantity: l.quantity,
        paidFen: l.paidFen,
        refundState: l.refundState,
      })),
      discounts: order.discounts,
      subtotalFen: order.subtotalFen,
      totalDiscountFen: order.totalDiscountFen,
      payableFen: order.payableFen,
      fulfilment: order.fulfilment,
      address: order.address,
      pickupStoreName: store?.name ?? null,
      pointsAwarded: order.paidAt ? order.pointsToAward : 0,
      fulfilledAt: order.fulfilledAt?.toISOString() ?? null,
      completedAt: order.completedAt?.toISOString() ?? null,
      shipment:
        order.carrier && order.trackingNo && order.fulfilledAt
          ? {
              carrier: order.carrier,
              trackingNo: order.trackingNo,
              shippedAt: order.fulfilledAt.toISOString(),
              autoConfirmAt:
                order.state === 'FULFILLED'
                  ? new Date(
                      order.fulfilledAt.getTime() + this.brand.rules().orderAutoConfirmDays * 86_400_000,
                    ).toISOString()
                  : null,
            }
          : null,
      // Shown only while the goods wait at the store: the code is the credential a cashier hands them over with.
      pickupCode: order.state === 'PAID' ? order.pickupCode : null,
    };
  }
}
