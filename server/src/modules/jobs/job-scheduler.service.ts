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

/**
 * A job that runs every few seconds on every replica, without a job-run row (one a period would be thousands of
 * rows a day). Its work must be safe to run on several replicas at once (conditional UPDATEs); the scheduler only
 * keeps one process from overlapping itself.
 */
export interface FrequentJob {
  name: string;
  everyMs: number;
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
  private readonly frequent = new Map<string, FrequentJob>();
  private readonly running = new Set<string>();
  private readonly timers: NodeJS.Timeout[] = [];
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

  registerFrequent(job: FrequentJob): void {
    if (this.frequent.has(job.name)) throw new Error(`frequent job ${job.name} registered twice`);
    this.frequent.set(job.name, job);
  }

  /** The frequent jobs and their intervals (what an operator or a test can see is scheduled). */
  frequentJobs(): { name: string; everyMs: number }[] {
    return [...this.frequent.values()].map(({ name, everyMs }) => ({ name, everyMs }));
  }

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
    setTimeout(() => void this.tick(), 5_000).unref();
    for (const job of this.frequent.values()) {
      const timer = setInterval(() => void this.runFrequent(job.name), job.everyMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    for (const timer of this.timers) clearInterval(timer);
  }

  /**
   * One run of a frequent job; null when this process is still running the previous one. Errors are logged, not
   * thrown: the next interval tries again.
   */
  async runFrequent(name: string): Promise<JobOutcome | null> {
    const job = this.frequent.get(name);
    if (!job) throw new Error(`no frequent job ${name}`);
    if (this.running.has(name)) return null;
    this.running.add(name);
    try {
      return await job.work(this.clock.now());
    } catch (error) {
      this.logger.warn({ msg: 'frequent job failed', job: name, error: (error as Error).message });
      return null;
    } finally {
      this.running.delete(name);
    }
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
