import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { JobRun } from '../../src/modules/jobs/job-run.entity';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler.service';
import { dailyPeriod } from '../../src/modules/loyalty/loyalty-jobs';
import { LoyaltyService } from '../../src/modules/loyalty/loyalty.service';
import { PointsAccount } from '../../src/modules/loyalty/points-account.entity';
import { PointsEntry } from '../../src/modules/loyalty/points-entry.entity';
import { twoReplicas } from '../support/replicas';
import { usingMysql } from '../support/test-app';

/** The nightly loyalty jobs, driven through the scheduler's tick on two application instances on one database. */
const clock = new TestClock(new Date('2026-03-05T02:00:00Z')); // 10:00 Shanghai
const replicas = twoReplicas({ clock });

const ds = () => replicas.a.app.get<DataSource>(getDataSourceToken());
const runs = (job: string) =>
  ds()
    .getRepository(JobRun)
    .find({ where: { job }, order: { id: 'ASC' } });
/**
 * On MariaDB both replicas tick at the same instant. On SQLite two application instances are two connections to
 * one file, which SQLite answers with "database is locked" when their write transactions overlap (the embedded
 * database is single-process by design, ADR 0001), so there they tick one after the other.
 */
const tickBoth = async () => {
  const [a, b] = [replicas.a.app.get(JobScheduler), replicas.b.app.get(JobScheduler)];
  if (usingMysql) await Promise.all([a.tick(), b.tick()]);
  else for (const scheduler of [a, b]) await scheduler.tick();
};

describe('dailyPeriod', () => {
  it('is the Shanghai date once the local time has reached the due minute', () => {
    expect(dailyPeriod(new Date('2026-03-05T16:29:00Z'), 'Asia/Shanghai', 30)).toBeNull(); // 00:29 on the 6th
    expect(dailyPeriod(new Date('2026-03-05T16:30:00Z'), 'Asia/Shanghai', 30)).toBe('2026-03-06');
    expect(dailyPeriod(new Date('2026-03-05T18:59:00Z'), 'Asia/Shanghai', 180)).toBeNull();
    expect(dailyPeriod(new Date('2026-03-06T15:59:00Z'), 'Asia/Shanghai', 180)).toBe('2026-03-06'); // 23:59
  });
});

describe('points-expiry and loyalty-reconcile', () => {
  it('expire each due lot once across two replicas, only after 00:30 local, once per night', async () => {
    const loyalty = replicas.a.app.get(LoyaltyService);
    const midnight = new Date('2026-03-06T16:00:00Z'); // 2026-03-07 00:00 in Shanghai
    const members = [901, 902, 903, 904, 905];
    for (const m of members) {
      await loyalty.earn(m, {
        sourceType: 'order',
        sourceId: `job-${m}-a`,
        points: 50,
        reason: '购物',
        expiresAt: midnight,
      });
      await loyalty.earn(m, { sourceType: 'order', sourceId: `job-${m}-b`, points: 70, reason: '购物' });
    }

    clock.set(new Date('2026-03-06T16:20:00Z')); // 00:20: lots are due but the job is not yet
    await tickBoth();
    expect(await runs('points-expiry')).toEqual([]);

    clock.set(new Date('2026-03-06T16:35:00Z')); // 00:35
    await tickBoth();
    const [run] = await runs('points-expiry');
    expect(run).toMatchObject({ runKey: '2026-03-07', status: 'DONE', attempts: 1 });
    expect(JSON.parse(run.outcome)).toEqual({ members: 5, lots: 5, points: 250 });
    const expired = await ds().getRepository(PointsEntry).findBy({ kind: 'EXPIRE' });
    expect(expired).toHaveLength(5);
    expect(new Set(expired.map((e) => e.sourceId)).size).toBe(5);
    for (const m of members) expect((await loyalty.summary(m)).points).toBe(70);

    // Later ticks the same night do nothing more.
    clock.set(new Date('2026-03-06T17:35:00Z'));
    await tickBoth();
    expect(await runs('points-expiry')).toHaveLength(1);
    expect(await ds().getRepository(PointsEntry).countBy({ kind: 'EXPIRE' })).toBe(5);
  });

  it('reconcile runs after 03:00 and reports a hand-edited balance', async () => {
    clock.set(new Date('2026-03-06T18:50:00Z')); // 02:50
    await tickBoth();
    expect(await runs('loyalty-reconcile')).toEqual([]);

    await ds().getRepository(PointsAccount).update({ memberId: 903 }, { available: 71 });
    clock.set(new Date('2026-03-06T19:05:00Z')); // 03:05
    await tickBoth();
    const all = await runs('loyalty-reconcile');
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ runKey: '2026-03-07', status: 'DONE' });
    expect(JSON.parse(all[0].outcome)).toEqual({ pointsAccounts: 5, growthAccounts: 0, mismatches: 2 });
    await ds().getRepository(PointsAccount).update({ memberId: 903 }, { available: 70 });
  });
});
