import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { CampaignFact, DomainEvents } from '@tidepool/shared';
import { localCalendar } from '@tidepool/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { BrandSettings } from '../brand';
import { CatalogScopeReader } from '../catalog';
import { JobScheduler } from '../jobs';
import { MembersService } from '../members';
import { OrderReadsService } from '../orders';
import { OutboxService } from '../outbox';
import { TillReadsService } from '../pos';
import { CampaignEngine } from './campaign-engine.service';

/** Birthdays are evaluated shortly after local midnight, like the birthday coupon job. */
const BIRTHDAY_DUE_AFTER_MINUTES = 10;
const BATCH = 500;

/**
 * Turns the domain events campaigns react to into campaign facts and hands them to the engine inside the handler's
 * unit of work (so a grant commits with the handler's "done" row). Handler names are identities in
 * `outbox_handled`: never rename one.
 */
@Injectable()
export class CampaignTriggersConsumer implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxService,
    private readonly engine: CampaignEngine,
    private readonly orders: OrderReadsService,
    private readonly tills: TillReadsService,
    private readonly catalog: CatalogScopeReader,
    private readonly members: MembersService,
    private readonly scheduler: JobScheduler,
    private readonly brand: BrandSettings,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.outbox.subscribe('order.paid', 'campaigns.order-paid', (e, { manager }) => this.orderPaid(e, manager));
    this.outbox.subscribe('till.sale.recorded', 'campaigns.till-sale', (e, { manager }) => this.tillSale(e, manager));
    this.outbox.subscribe('member.signed-up', 'campaigns.signed-up', (e) => this.signedUp(e));
    this.outbox.subscribe('member.stage-entered', 'campaigns.stage-entered', (e) => this.stageEntered(e));
    this.scheduler.register({
      name: 'campaign-birthdays',
      periodOf: (now) => {
        const local = localCalendar(now, this.brand.timeZone());
        return local.hour * 60 + local.minute >= BIRTHDAY_DUE_AFTER_MINUTES ? local.date : null;
      },
      work: (now) => this.birthdays(now),
    });
  }

  async orderPaid(event: DomainEvents['order.paid'], manager: EntityManager): Promise<void> {
    if ((await this.engine.live('ORDER_PAID', manager)).length === 0) return;
    const order = await this.orders.byId(event.orderId, manager);
    if (!order?.paidAt || order.memberId === null || order.memberId === undefined) return;
    const lines = await this.orders.lines(order.id, manager);
    const categories = await this.catalog.categoriesOf(lines.map((l) => l.productId));
    const categoryItems: Record<number, number> = {};
    for (const line of lines) {
      const category = categories.get(line.productId);
      if (category !== undefined) categoryItems[category] = (categoryItems[category] ?? 0) + line.quantity;
    }
    await this.engine.evaluate(
      order.memberId,
      {
        kind: 'ORDER_PAID',
        paidAt: order.paidAt,
        paidFen: event.paidFen ?? order.payableFen,
        // Online orders are paid through WeChat Pay.
        paymentMethod: 'WECHAT_PAY',
        firstPurchaseAt: await this.firstPurchaseAt(order.memberId, manager),
        categoryItems,
      },
      `order:${order.id}`,
    );
  }

  async tillSale(event: DomainEvents['till.sale.recorded'], manager: EntityManager): Promise<void> {
    if ((await this.engine.live('ORDER_PAID', manager)).length === 0) return;
    const sale = await this.tills.saleById(event.saleId, manager);
    if (!sale) return;
    await this.engine.evaluate(
      sale.memberId,
      {
        kind: 'ORDER_PAID',
        paidAt: sale.createdAt,
        paidFen: sale.payableFen,
        paymentMethod: event.paymentMethod ?? sale.paymentMethod,
        firstPurchaseAt: await this.firstPurchaseAt(sale.memberId, manager),
        // The till records no products, so a category condition never holds for a till sale.
        categoryItems: null,
      },
      `till:${sale.id}`,
    );
  }

  async signedUp(event: DomainEvents['member.signed-up']): Promise<void> {
    await this.engine.evaluate(event.memberId, { kind: 'SIGNED_UP', at: this.clock.now() }, 'signup');
  }

  async stageEntered(event: DomainEvents['member.stage-entered']): Promise<void> {
    const fact: CampaignFact = { kind: 'STAGE_ENTERED', stage: event.to, at: new Date(event.enteredAt) };
    await this.engine.evaluate(event.memberId, fact, `stage:${event.kind}:${event.to}:${event.enteredAt}`);
  }

  /**
   * The BIRTHDAY trigger: today's birthdays (brand zone), each evaluated in its own unit of work with the trigger
   * key `birthday:<year>`, so a rerun or a second replica grants nobody twice. 02-29 birthdays count on 02-28 in
   * common years, as for the birthday coupon.
   */
  async birthdays(now: Date): Promise<{ date: string; birthdays: number; granted: number }> {
    const local = localCalendar(now, this.brand.timeZone());
    if ((await this.engine.live('BIRTHDAY')).length === 0) return { date: local.date, birthdays: 0, granted: 0 };
    const leap = (local.year % 4 === 0 && local.year % 100 !== 0) || local.year % 400 === 0;
    const days = local.monthDay === '02-28' && !leap ? ['02-28', '02-29'] : [local.monthDay];
    let birthdays = 0;
    let granted = 0;
    for (const monthDay of days) {
      for (let lastId = 0; ;) {
        const batch = await this.members.birthdayMemberIds(monthDay, lastId, BATCH);
        if (batch.length === 0) break;
        lastId = batch[batch.length - 1];
        for (const memberId of batch) {
          birthdays++;
          const records = await this.engine.evaluate(memberId, { kind: 'BIRTHDAY', at: now }, `birthday:${local.year}`);
          granted += records.filter((r) => r.outcome === 'GRANTED').length;
        }
      }
    }
    return { date: local.date, birthdays, granted };
  }

  /** The member's first paid purchase, online or at a till (the purchase being judged included). */
  private async firstPurchaseAt(memberId: number, manager: EntityManager): Promise<Date | null> {
    const order = await this.orders.firstPaidAt([memberId], manager);
    const sale = await this.tills.firstSaleAt([memberId], manager);
    const times = [order.get(memberId), sale.get(memberId)].filter((d): d is Date => d !== undefined);
    return times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null;
  }
}
