import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { JobRun } from './job-run.entity';

export type JobOutcome = Record<string, number | string | boolean>;

export type JobRunResult =
  { ran: true; outcome: JobOutcome } | { ran: false; reason: 'already-done' | 'running-elsewhere' };

const DEFAULT_LEASE_MS = 10 * 60_000;

/** Claims and runs one period of a job so that several replicas never run it at the same time. */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);

  constructor(
    @InjectRepository(JobRun) private readonly runs: Repository<JobRun>,
    private readonly clock: Clock,
  ) {}

  async run(job: string, runKey: string, work: () => Promise<JobOutcome>, leaseMs = DEFAULT_LEASE_MS) {
    const claim = await this.claim(job, runKey, leaseMs);
    if (claim.ran === false) return claim;
    const started = Date.now();
    try {
      const outcome = await work();
      await this.runs.update(
        { id: claim.id },
        { status: 'DONE', finishedAt: this.clock.now(), outcome: JSON.stringify(outcome).slice(0, 1000) },
      );
      this.logger.log({ msg: 'job done', job, runKey, ms: Date.now() - started, ...outcome });
      return { ran: true, outcome } satisfies JobRunResult;
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      await this.runs.update(
        { id: claim.id },
        { status: 'FAILED', finishedAt: this.clock.now(), outcome: message.slice(0, 1000) },
      );
      this.logger.error({ msg: 'job failed', job, runKey, error: message });
      throw error;
    }
  }

  private async claim(
    job: string,
    runKey: string,
    leaseMs: number,
  ): Promise<{ ran: true; id: number } | Extract<JobRunResult, { ran: false }>> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + leaseMs);
    try {
      const result = await this.runs.insert({
        job,
        runKey,
        status: 'RUNNING',
        attempts: 1,
        startedAt: now,
        leaseUntil,
        finishedAt: null,
        outcome: '',
      });
      return { ran: true, id: Number((result.identifiers[0] as { id: number }).id) };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    // Someone has (or had) this period. Take it over only if it failed or its runner's lease lapsed.
    const taken = await this.runs
      .createQueryBuilder()
      .update(JobRun)
      .set({ status: 'RUNNING', startedAt: now, leaseUntil, finishedAt: null, attempts: () => 'attempts + 1' })
      .where('job = :job AND runKey = :runKey', { job, runKey })
      .andWhere("(status = 'FAILED' OR (status = 'RUNNING' AND leaseUntil < :now))", { now })
      .execute();
    if (affectedRows(taken) === 1) {
      const row = await this.runs.findOneByOrFail({ job, runKey });
      return { ran: true, id: row.id };
    }
    const row = await this.runs.findOneBy({ job, runKey });
    return { ran: false, reason: row?.status === 'DONE' ? 'already-done' : 'running-elsewhere' };
  }
}
