import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type OrderState, type OrderView, type ShipOrderRequest } from '@tidepool/shared';
import { type DataSource, type EntityManager, type FindOptionsWhere, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { JobScheduler } from '../jobs';
import { OutboxService } from '../outbox';
import { BrandSettings } from '../brand';
import { OrderItem } from './order-item.entity';
import { Order } from './order.entity';
import { moveOrders, orderStateAfter } from './order-transitions';
import { OrdersService } from './orders.service';

/** Published in the transaction that completes an order, whoever completed it (member, system, store handover). */
export type OrderCompletedBy = 'MEMBER' | 'SYSTEM' | 'STORE';

const DAY_MS = 86_400_000;

/** What the console adds to a shipment: its store scope, and the audit entry written in the same transaction. */
export interface ShipHooks {
  where?: FindOptionsWhere<Order>;
  within?: (
    manager: EntityManager,
    before: Order,
    shipment: { carrier: string; trackingNo: string; shippedAt: Date },
  ) => Promise<unknown>;
}
/** Orders completed per transaction by the auto-confirm job. */
export const AUTO_CONFIRM_CHUNK = 200;
/** At most this many per run (the next period takes the rest). */
const AUTO_CONFIRM_MAX_PER_RUN = 20_000;

/**
 * Shipping and completion: the operator ships a paid order (carrier + tracking number, PAID → FULFILLED), the
 * member confirms receipt (FULFILLED → COMPLETED), and the `orders-auto-confirm` job completes what was shipped
 * ORDER_AUTO_CONFIRM_DAYS ago. Every completion is one conditional UPDATE plus the `order.completed` outbox event
 * (dedupe key per order) in one transaction, so however it happens — a double tap, the job on two replicas, the
 * member racing the job — the order completes once and the event is published once.
 */
@Injectable()
export class OrderFulfilmentService implements OnModuleInit {
  private readonly logger = new Logger(OrderFulfilmentService.name);
  private readonly mysql: boolean;

  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @InjectRepository(OrderItem) private readonly items: Repository<OrderItem>,
    @InjectDataSource() dataSource: DataSource,
    private readonly ordersService: OrdersService,
    private readonly outbox: OutboxService,
    private readonly transactions: Transactions,
    private readonly scheduler: JobScheduler,
    private readonly clock: Clock,
    private readonly brand: BrandSettings,
  ) {
    this.mysql = dataSource.options.type !== 'better-sqlite3';
  }

  onModuleInit(): void {
    this.scheduler.register({
      name: 'orders-auto-confirm',
      // Every 10 minutes; the runner lets one replica claim each period.
      periodOf: (now) => `${now.toISOString().slice(0, 15)}0`,
      work: async (now) => ({ confirmed: await this.autoConfirm(now) }),
    });
  }

  /** The operator ships a paid SHIP order. The same shipment again is fine; another one is refused. */
  async ship(orderId: number, request: ShipOrderRequest, hooks: ShipHooks = {}, attempt = 1): Promise<OrderView> {
    const order = await this.orders.findOneBy({ id: orderId, ...hooks.where });
    if (!order) throw new DomainException('ORDER_NOT_FOUND');
    if (order.fulfilment !== 'SHIP') {
      throw new DomainException('ORDER_STATE_CONFLICT', '自提订单请在门店核销自提，无需发货');
    }
    const carrier = request.carrier.trim();
    const trackingNo = request.trackingNo.trim();
    if (order.trackingNo !== null) {
      if (order.carrier === carrier && order.trackingNo === trackingNo) return this.ordersService.view(order);
      throw new DomainException('ORDER_ALREADY_SHIPPED', `该订单已发货（${order.carrier} ${order.trackingNo}）`);
    }
    const to = orderStateAfter(order.state, 'FULFIL');
    // Only PAID ships; a FULFILLED order marked without a number (POST …/fulfil) may get its number added.
    if (to !== 'FULFILLED') throw new DomainException('ORDER_STATE_CONFLICT', '该订单已完成，不能再发货');
    await this.assertNothingRefunding(order.id);
    const shippedAt = order.state === 'FULFILLED' && order.fulfilledAt ? order.fulfilledAt : this.clock.now();
    const moved = await this.transactions.run(async (manager) => {
      const count = await moveOrders(
        manager,
        [order.id],
        order.state,
        ['FULFIL'],
        { fulfilledAt: shippedAt, carrier, trackingNo },
        'trackingNo IS NULL',
      );
      if (count === 1 && hooks.within) await hooks.within(manager, order, { carrier, trackingNo, shippedAt });
      return count;
    });
    if (moved !== 1) {
      // Shipped by someone else meanwhile: answer as if that had been read first.
      if (attempt >= 3) throw new DomainException('ORDER_STATE_CONFLICT');
      return this.ship(orderId, request, hooks, attempt + 1);
    }
    this.logger.log({ msg: 'order shipped', orderId, carrier });
    return this.ordersService.view(await this.orders.findOneByOrFail({ id: orderId }));
  }

  /**
   * Goods are not sent or handed over while a refund of them is under way, nor when every line was refunded.
   * (Lines refunded earlier are simply not part of what is handed over.)
   */
  async assertNothingRefunding(orderId: number): Promise<void> {
    const lines = await this.items.findBy({ orderId });
    if (lines.some((l) => l.refundState === 'REFUNDING')) {
      throw new DomainException('ORDER_STATE_CONFLICT', '该订单有退款处理中，请处理完成后再发货或提货');
    }
    if (lines.length > 0 && lines.every((l) => l.refundState === 'REFUNDED')) {
      throw new DomainException('ORDER_STATE_CONFLICT', '该订单已全部退款');
    }
  }

  /**
   * Operator fulfilment without a tracking number (PAID → FULFILLED), kept for orders handed over outside the
   * system; shipped orders should use `ship`.
   */
  async fulfil(
    orderId: number,
    hooks: Omit<ShipHooks, 'within'> & { within?: (before: Order) => Promise<unknown> } = {},
  ): Promise<OrderView> {
    const order = await this.orders.findOneBy({ id: orderId, ...hooks.where });
    if (!order) throw new DomainException('ORDER_NOT_FOUND');
    if (order.state !== 'FULFILLED') {
      const now = this.clock.now();
      await this.transactions.run(async (manager) => {
        const moved = await moveOrders(manager, [order.id], order.state, ['FULFIL'], { fulfilledAt: now });
        if (moved === 1 && hooks.within) await hooks.within(order);
      });
    }
    const current = await this.orders.findOneByOrFail({ id: orderId });
    if (current.state !== 'FULFILLED') throw new DomainException('ORDER_STATE_CONFLICT');
    return this.ordersService.view(current);
  }

  /** 确认收货: FULFILLED → COMPLETED. A repeat (or the system having confirmed first) answers the order as it is. */
  async confirmReceipt(memberId: number, orderId: number): Promise<OrderView> {
    const order = await this.ordersService.ownOrder(memberId, orderId);
    if (order.state !== 'COMPLETED') {
      orderStateAfter(order.state, 'COMPLETE');
      await this.transactions.run((manager) => this.complete(manager, [order.id], 'MEMBER'));
    }
    const current = await this.orders.findOneByOrFail({ id: orderId });
    if (current.state !== 'COMPLETED') throw new DomainException('ORDER_STATE_CONFLICT');
    return this.ordersService.view(current);
  }

  /**
   * FULFILLED → COMPLETED for the given orders inside the caller's transaction, publishing `order.completed` for
   * each one this call moved (rows locked first on MySQL, so the event goes with the update that won; SQLite has
   * one writer). Answers how many it completed.
   */
  async complete(
    manager: EntityManager,
    orderIds: number[],
    by: OrderCompletedBy,
    extra: Partial<Pick<Order, 'fulfilledAt' | 'handedOverByStaffId'>> & { from?: OrderState } = {},
  ): Promise<number> {
    if (orderIds.length === 0) return 0;
    const { from = 'FULFILLED', ...columns } = extra;
    const select = manager
      .getRepository(Order)
      .createQueryBuilder('o')
      .select(['o.id'])
      .where('o.id IN (:...ids) AND o.state = :from', { ids: orderIds, from });
    const rows = await (this.mysql ? select.setLock('pessimistic_write') : select).getMany();
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    const now = this.clock.now();
    // A store handover completes a PAID order: both moves of the table at once.
    const events = from === 'PAID' ? (['FULFIL', 'COMPLETE'] as const) : (['COMPLETE'] as const);
    const moved = await moveOrders(manager, ids, from, [...events], { completedAt: now, ...columns });
    if (moved !== ids.length) throw new DomainException('ORDER_STATE_CONFLICT');
    for (const id of ids) {
      await this.outbox.publish(manager, 'order.completed', `order.completed:${id}`, {
        orderId: id,
        completedAt: now.toISOString(),
        by,
      });
    }
    return ids.length;
  }

  /**
   * Completes every order shipped at least the brand's auto-confirm days ago, in chunks of AUTO_CONFIRM_CHUNK (one
   * transaction each, walking by id). Safe to run again or on two replicas: a completed order is no longer
   * FULFILLED, and the scheduler's runner claims each period once.
   */
  async autoConfirm(now: Date = this.clock.now()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.brand.rules().orderAutoConfirmDays * DAY_MS);
    let after = 0;
    let confirmed = 0;
    while (confirmed < AUTO_CONFIRM_MAX_PER_RUN) {
      const due = await this.orders
        .createQueryBuilder('o')
        .select('o.id', 'id')
        .where("o.state = 'FULFILLED' AND o.fulfilledAt <= :cutoff AND o.id > :after", { cutoff, after })
        .orderBy('o.id', 'ASC')
        .limit(AUTO_CONFIRM_CHUNK)
        .getRawMany<{ id: number | string }>();
      if (due.length === 0) break;
      const ids = due.map((d) => Number(d.id));
      after = ids[ids.length - 1]!;
      confirmed += await this.transactions.run((manager) => this.complete(manager, ids, 'SYSTEM'));
      if (due.length < AUTO_CONFIRM_CHUNK) break;
    }
    if (confirmed > 0) {
      this.logger.log({ msg: 'orders auto-confirmed', confirmed });
      void this.outbox.dispatch().catch(() => undefined);
    }
    return confirmed;
  }
}
