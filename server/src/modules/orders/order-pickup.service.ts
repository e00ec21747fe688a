import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { localCalendar, maskPhone, normaliseOrderPickupCode, type OrderPickupView } from '@tidepool/shared';
import type { Repository } from 'typeorm';
import { cashierStoreId, type Principal } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { MembersService } from '../members';
import { type StoreView, StoresService } from '../stores';
import { OrderFulfilmentService } from './order-fulfilment.service';
import { orderStateAfter } from './order-transitions';
import { OrderItem } from './order-item.entity';
import { Order } from './order.entity';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * 核销自提: a cashier types or scans a PICKUP order's code, sees what to hand over, and hands it over once. Only a
 * cashier of the order's chosen store may (another store is told which store it belongs to). The handover is
 * FULFIL then COMPLETE on the shared order machine — the member takes the goods in front of the cashier, so there
 * is no receipt to wait for — written as one conditional UPDATE (PAID → COMPLETED) with the `order.completed`
 * event, so two tills entering the code at the same instant hand it over once.
 */
@Injectable()
export class OrderPickupService {
  private readonly logger = new Logger('OrderPickups');

  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @InjectRepository(OrderItem) private readonly items: Repository<OrderItem>,
    private readonly stores: StoresService,
    private readonly fulfilment: OrderFulfilmentService,
    private readonly members: MembersService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** What the code hands over (nothing changes). */
  async lookUp(cashier: Principal, typed: string): Promise<OrderPickupView> {
    const { order, store } = await this.find(cashier, typed);
    return this.view(order, store);
  }

  async handOver(cashier: Principal, typed: string): Promise<OrderPickupView> {
    const { order, store } = await this.find(cashier, typed);
    if (order.state !== 'PAID') throw this.notWaiting(order, store);
    await this.fulfilment.assertNothingRefunding(order.id);
    // The machine decides where a handover ends: PAID --FULFIL--> FULFILLED --COMPLETE--> COMPLETED.
    const to = orderStateAfter('PAID', 'FULFIL', 'COMPLETE');
    if (to !== 'COMPLETED') throw new DomainException('ORDER_STATE_CONFLICT');
    const now = this.clock.now();
    const moved = await this.transactions.run((manager) =>
      this.fulfilment.complete(manager, [order.id], 'STORE', {
        from: 'PAID',
        fulfilledAt: now,
        handedOverByStaffId: cashier.id,
      }),
    );
    const current = await this.orders.findOneByOrFail({ id: order.id });
    if (moved !== 1) throw this.notWaiting(current, store);
    this.logger.log({ msg: 'order picked up', orderId: order.id, storeId: store.id, staffId: cashier.id });
    return this.view(current, store);
  }

  private async find(cashier: Principal, typed: string): Promise<{ order: Order; store: StoreView }> {
    const storeId = cashierStoreId(cashier);
    const code = normaliseOrderPickupCode(typed);
    if (!code) {
      throw new DomainException('VALIDATION_FAILED', '请输入 12 位自提码', [
        { field: 'pickupCode', reason: 'must be 12 digits' },
      ]);
    }
    const order = await this.orders.findOneBy({ pickupCode: code });
    if (!order || order.fulfilment !== 'PICKUP' || order.pickupStoreId === null) {
      this.logger.warn({ msg: 'unknown order pickup code', storeId, staffId: cashier.id });
      throw new DomainException('ORDER_PICKUP_NOT_FOUND');
    }
    const store = await this.stores.requireById(order.pickupStoreId);
    if (store.id !== storeId) throw new DomainException('ORDER_PICKUP_WRONG_STORE', `该订单需在${store.name}自提`);
    return { order, store };
  }

  private notWaiting(order: Order, store: StoreView): DomainException {
    switch (order.state) {
      case 'PENDING_PAYMENT':
        return new DomainException('ORDER_STATE_CONFLICT', '该订单尚未付款，付款后才能提货');
      case 'CANCELLED':
        return new DomainException('ORDER_STATE_CONFLICT', '该订单已取消');
      default: {
        const at = order.fulfilledAt ? localCalendar(order.fulfilledAt, store.timeZone) : null;
        return new DomainException(
          'ORDER_ALREADY_PICKED_UP',
          at ? `该订单已于 ${at.date} ${pad(at.hour)}:${pad(at.minute)} 在${store.name}提货` : undefined,
        );
      }
    }
  }

  private async view(order: Order, store: StoreView): Promise<OrderPickupView> {
    const [lines, member] = await Promise.all([
      this.items.find({ where: { orderId: order.id }, order: { id: 'ASC' } }),
      this.members.findById(order.memberId),
    ]);
    return {
      orderId: order.id,
      orderNo: order.orderNo,
      state: order.state,
      storeName: store.name,
      memberPhoneMasked: maskPhone(member?.phone),
      payableFen: order.payableFen,
      lines: lines.map((l) => ({
        productName: l.productName,
        specText: l.specText,
        imageUrl: l.imageUrl,
        quantity: l.quantity,
        refundState: l.refundState,
      })),
      pickedUpAt:
        order.state === 'COMPLETED' || order.state === 'FULFILLED' ? (order.fulfilledAt?.toISOString() ?? null) : null,
    };
  }
}
