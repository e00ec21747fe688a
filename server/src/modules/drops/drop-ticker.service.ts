import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.service';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { OrdersService } from '../orders';
import { DropRemindersService } from './drop-reminders.service';

const TICK_MS = 5_000;

/**
 * The drop's own short tick, on every replica: unpaid drop orders are closed at WeChat and their units put back
 * within seconds of expiring (the general order expiry runs once a minute), and reminders go out at opening. Safe on several replicas because
 * every step is a conditional UPDATE; it keeps no job-run rows since it runs 17,280 times a day.
 */
@Injectable()
export class DropTicker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DropTicker.name);
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;

  constructor(
    private readonly orders: OrdersService,
    private readonly reminders: DropRemindersService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async tick(): Promise<{ expired: number; reminded: number }> {
    if (this.ticking) return { expired: 0, reminded: 0 };
    this.ticking = true;
    let expired = 0;
    let reminded = 0;
    try {
      expired = await this.orders.expireUnpaid(this.clock.now(), { dropOrders: true });
      reminded = (await this.reminders.sendDue(this.clock.now())).sent;
    } catch (error) {
      this.logger.warn({ msg: 'drop tick failed', error: (error as Error).message });
    } finally {
      this.ticking = false;
    }
    return { expired, reminded };
  }
}
