import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type JobRunStatus = 'RUNNING' | 'DONE' | 'FAILED';

/**
 * One run of a scheduled job for one period (e.g. `birthday-coupons` for `2026-11-25`). The unique (job, runKey)
 * row is the claim: of several replicas ticking at once, one inserts it and runs; a run whose lease lapsed (the
 * replica died) or that failed can be taken over. The work itself must still be idempotent per item.
 */
@Entity('job_runs')
@Index(['job', 'runKey'], { unique: true })
export class JobRun {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  job: string;

  @Column({ type: 'varchar', length: 64 })
  runKey: string;

  @Column({ type: 'varchar', length: 16 })
  status: JobRunStatus;

  @Column({ type: 'int', default: 1 })
  attempts: number;

  @Column({ type: 'datetime', precision: 3 })
  startedAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  leaseUntil: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  finishedAt: Date | null;

  /** A short JSON summary (counts) or the error message. */
  @Column({ type: 'varchar', length: 1000, default: '' })
  outcome: string;
}
