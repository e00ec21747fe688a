import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../jobs';
import { RedemptionService } from './redemption.service';

/** Every 10 minutes (UTC slot), one replica finishes redemptions a client left between steps. */
export function tenMinuteSlot(now: Date): string {
  const iso = now.toISOString();
  return `${iso.slice(0, 15)}0`; // 2026-11-25T10:40
}

@Injectable()
export class PointsMallJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly redemptions: RedemptionService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'gift-redemption-sweep',
      periodOf: tenMinuteSlot,
      work: async (now) => ({ ...(await this.redemptions.resumeStale(now)) }),
    });
  }
}
