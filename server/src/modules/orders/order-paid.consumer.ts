import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { formatFen, fen, growthForPaidFen } from '@tidepool/shared';
import type { Repository } from 'typeorm';
import { LoyaltyService } from '../loyalty';
import { OutboxService } from '../outbox';
import { Order } from './order.entity';

/**
 * Points and growth for a paid order, from the `order.paid` event. The ledger writes join the handler's
 * transaction; they are keyed by the order id as well, so even a replayed award changes nothing.
 */
@Injectable()
export class OrderPaidConsumer implements OnModuleInit {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    private readonly outbox: OutboxService,
    private readonly loyalty: LoyaltyService,
  ) {}

  onModuleInit(): void {
    this.outbox.subscribe('order.paid', 'loyalty.order-rewards', (event) => this.apply(event.orderId));
  }

  async apply(orderId: number): Promise<void> {
    const order = await this.orders.findOneByOrFail({ id: orderId });
    const source = { sourceType: 'order', sourceId: order.id };
    const reason = `线上订单 ${formatFen(fen(order.payableFen))}${order.discounts.length ? `（${order.discounts.map((d) => d.label).join('、')}）` : ''}`;
    if (order.pointsToAward > 0) {
      await this.loyalty.earn(order.memberId, { ...source, points: order.pointsToAward, reason: reason.slice(0, 255) });
    }
    const growth = growthForPaidFen(order.payableFen);
    if (growth > 0) await this.loyalty.addGrowth(order.memberId, { ...source, growth, reason: reason.slice(0, 255) });
  }
}
