import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { OrderReadsService } from '../orders';
import { type EventContext, OutboxService } from '../outbox';
import { MemberFactsService } from './member-facts.service';

/**
 * Keeps a member's facts current from the events that change them: each handler recomputes that member's row
 * exactly from the raw purchases (never adds or subtracts a delta), so a redelivered or reordered event leaves the
 * same row; the outbox's (event id, handler) row lets each delivery in once, in the handler's transaction.
 */
@Injectable()
export class MemberFactsConsumer implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxService,
    private readonly facts: MemberFactsService,
    private readonly orders: OrderReadsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.outbox.subscribe('member.signed-up', 'member-facts.on-signed-up', (e, c) => this.refresh(e.memberId, c));
    this.outbox.subscribe('order.paid', 'member-facts.on-order-paid', (e, c) =>
      this.refreshOrder(e.orderId, e.memberId, c),
    );
    this.outbox.subscribe('order.refunded', 'member-facts.on-order-refunded', (e, c) =>
      this.refreshOrder(e.orderId, undefined, c),
    );
    this.outbox.subscribe('till.sale.recorded', 'member-facts.on-till-sale', (e, c) => this.refresh(e.memberId, c));
    this.outbox.subscribe('till.sale.refunded', 'member-facts.on-till-refund', (e, c) => this.refresh(e.memberId, c));
  }

  private async refreshOrder(orderId: number, memberId: number | undefined, context: EventContext): Promise<void> {
    const owner = memberId ?? (await this.orders.byId(orderId, context.manager))?.memberId;
    if (owner !== undefined) await this.refresh(owner, context);
  }

  private async refresh(memberId: number, { manager }: { manager: EntityManager }): Promise<void> {
    await this.facts.refreshMember(memberId, this.clock.now(), manager);
  }
}
