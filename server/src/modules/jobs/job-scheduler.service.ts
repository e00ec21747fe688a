import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.service';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { type JobOutcome, JobRunner } from './job-runner.service';

export interface ScheduledJob {
  name: string;
  /**
   * The period a moment belongs to (e.g. the store-zone date for a daily job). A job runs once per period;
   * returning null means "not due yet" (e.g. before 02:00 local time).
   */
  periodOf(now: Date): string | null;
  work(now: Date): Promise<JobOutcome>;
}

const TICK_MS = 60_000;

/**
 * Ticks every minute on every replica and runs each registered job for the current period through JobRunner,
 * which lets one replica claim it. Off in tests (they call the jobs directly with a fake clock) and when
 * JOBS_ENABLED=false.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobScheduler.name);
  private readonly jobs: ScheduledJob[] = [];
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;

  constructor(
    private readonly runner: JobRunner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(job: ScheduledJob): void {
    this.jobs.push(job);
  }

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
    setTimeout(() => void this.tick(), 5_000).unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass over every job; public so an operator endpoint or a test can trigger it. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      for (const job of this.jobs) {
        const now = this.clock.now();
        const period = job.periodOf(now);
        if (period === null) continue;
        try {
          await this.runner.run(job.name, period, () => job.work(now));
        } catch (error) {
          this.logger.error({ msg: 'scheduled job failed', job: job.name, error: (error as Error).message });
        }
      }
    } finally {
      this.ticking = false;
    }
  }
}
