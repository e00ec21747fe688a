import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../jobs';
import { OrdersService } from '../orders';
import { DropRemindersService } from './drop-reminders.service';

export const DROP_TICK_MS = 5_000;

/**
 * The drop's short tick, a frequent job of the scheduler on every replica: unpaid drop orders are closed at
 * WeChat and their units put back within seconds of expiring (the general order expiry runs once a minute), and
 * reminders go out at opening. Safe on several replicas because every step is a conditional UPDATE.
 */
@Injectable()
export class DropTicker implements OnModuleInit {
  constructor(
    private readonly orders: OrdersService,
    private readonly reminders: DropRemindersService,
    private readonly scheduler: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.registerFrequent({ name: 'drop-tick', everyMs: DROP_TICK_MS, work: (now) => this.tick(now) });
  }

  async tick(now: Date): Promise<{ expired: number; reminded: number }> {
    const expired = await this.orders.expireUnpaid(now, { dropOrders: true });
    const reminded = (await this.reminders.sendDue(now)).sent;
    return { expired, reminded };
  }
}
