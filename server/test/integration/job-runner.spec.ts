import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { JobRun } from '../../src/modules/jobs/job-run.entity';
import { JobRunner } from '../../src/modules/jobs/job-runner.service';
import { twoReplicas } from '../support/replicas';

const clock = new TestClock(new Date('2026-11-25T16:00:00Z'));
const replicas = twoReplicas({ clock });

const runs = () => replicas.a.app.get<DataSource>(getDataSourceToken()).getRepository(JobRun);

describe('JobRunner', () => {
  it('runs one period once across two replicas ticking at the same time', async () => {
    let executions = 0;
    const work = async () => {
      executions++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { issued: 3 };
    };
    const results = await Promise.all([
      replicas.a.app.get(JobRunner).run('demo-job', '2026-11-26', work),
      replicas.b.app.get(JobRunner).run('demo-job', '2026-11-26', work),
      replicas.a.app.get(JobRunner).run('demo-job', '2026-11-26', work),
    ]);
    expect(executions).toBe(1);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    const again = await replicas.b.app.get(JobRunner).run('demo-job', '2026-11-26', work);
    expect(again).toEqual({ ran: false, reason: 'already-done' });
    expect(await runs().findOneByOrFail({ job: 'demo-job', runKey: '2026-11-26' })).toMatchObject({
      status: 'DONE',
      outcome: '{"issued":3}',
    });
    // The next period is a new run.
    expect((await replicas.b.app.get(JobRunner).run('demo-job', '2026-11-27', work)).ran).toBe(true);
  });

  it('lets a failed run be retried, and a lapsed lease be taken over, but not a live one', async () => {
    const runner = replicas.a.app.get(JobRunner);
    await expect(runner.run('flaky', 'p1', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await runs().findOneByOrFail({ job: 'flaky', runKey: 'p1' })).status).toBe('FAILED');
    expect(await runner.run('flaky', 'p1', () => Promise.resolve({ ok: true }))).toEqual({
      ran: true,
      outcome: { ok: true },
    });
    expect((await runs().findOneByOrFail({ job: 'flaky', runKey: 'p1' })).attempts).toBe(2);

    // A replica that died mid-run: its row stays RUNNING until the lease lapses.
    await runs().insert({
      job: 'orphan',
      runKey: 'p1',
      status: 'RUNNING',
      attempts: 1,
      startedAt: clock.now(),
      leaseUntil: new Date(clock.now().getTime() + 60_000),
      finishedAt: null,
      outcome: '',
    });
    expect(await runner.run('orphan', 'p1', () => Promise.resolve({}))).toEqual({
      ran: false,
      reason: 'running-elsewhere',
    });
    clock.advance(61_000);
    expect((await runner.run('orphan', 'p1', () => Promise.resolve({}))).ran).toBe(true);
  });
});
