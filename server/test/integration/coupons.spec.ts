import { getDataSourceToken } from '@nestjs/typeorm';
import type { CouponWalletResponse } from '@tidepool/shared';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { BirthdayCouponsJob } from '../../src/modules/coupons/birthday-coupons.job';
import { MemberCoupon } from '../../src/modules/coupons/member-coupon.entity';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler.service';
import { type Actor, memberLogin, signedUpMember, staffLogin } from '../support/actors';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase, usingMysql } from '../support/test-app';

// 2026-05-20 00:30 in Shanghai.
const clock = new TestClock(new Date('2026-05-19T16:30:00Z'));
let db: TestDatabase;
let t: TestApp;
let replica: TestApp;
beforeAll(async () => {
  db = await createTestDatabase();
  t = await createTestApp({}, db, { clock });
  replica = await createTestApp({ seedDemo: false }, db, { clock });
});
afterAll(async () => {
  await replica.close();
  await t.close();
  await db.drop();
});

const coupons = () => t.app.get<DataSource>(getDataSourceToken()).getRepository(MemberCoupon);
const wallet = async (member: Actor, status?: string) =>
  (
    await t.inject({
      method: 'GET',
      url: `/api/coupons/me${status ? `?status=${status}` : ''}`,
      headers: member.headers,
    })
  ).json<CouponWalletResponse>();
const idOf = async (member: Actor) =>
  (await t.inject({ method: 'GET', url: '/api/me', headers: member.headers })).json<{ id: number }>().id;

describe('birthday coupons', () => {
  it('issues the ¥8 birthday coupon once per member per year, even with two replicas ticking at once', async () => {
    const today = await signedUpMember(t, 'bday-today', '13600000001', { birthday: '05-20' });
    const tomorrow = await signedUpMember(t, 'bday-tomorrow', '13600000002', { birthday: '05-21' });
    // At once on MySQL. The embedded SQLite file belongs to one process, and two app instances on it in one test
    // process block each other's event loop on its write lock (every due job's transactions queue behind it), so
    // there they tick one after the other: the period is still claimed once.
    const both = async (run: (app: TestApp) => Promise<unknown>) => {
      if (usingMysql) await Promise.all([run(t), run(replica)]);
      else for (const app of [t, replica]) await run(app);
    };
    await both((app) => app.app.get(JobScheduler).tick());
    await both((app) => app.app.get(BirthdayCouponsJob).run(clock.now()));
    const w = await wallet(today);
    expect(w.counts).toEqual({ AVAILABLE: 1, USED: 0, EXPIRED: 0 });
    expect(w.items[0]).toMatchObject({
      name: '生日专享8元无门槛券',
      kind: 'AMOUNT_OFF',
      amountOffFen: 800,
      thresholdFen: 0,
      status: 'AVAILABLE',
      validFrom: '2026-05-19T16:00:00.000Z', // local midnight of the birthday
      validUntil: '2026-05-26T16:00:00.000Z',
    });
    expect((await wallet(tomorrow)).counts.AVAILABLE).toBe(0);
    expect(await coupons().countBy({ memberId: await idOf(today) })).toBe(1);
    const card = await t.inject({ method: 'GET', url: '/api/members/me', headers: today.headers });
    expect(card.json()).toMatchObject({ couponCount: 1 });
  });

  it('is not due before 00:10 local time, and a 02-29 birthday is celebrated on 02-28 in a common year', async () => {
    // Joined the day before (joining on the birthday itself gives the coupon at once: shopper-defects.spec.ts).
    clock.set(new Date('2027-02-26T16:05:00Z'));
    const leapling = await signedUpMember(t, 'leapling', '13600000003', { birthday: '02-29' });
    clock.set(new Date('2027-02-27T16:05:00Z')); // 2027-02-28 00:05 Shanghai
    await t.app.get(JobScheduler).tick();
    expect((await wallet(leapling)).counts.AVAILABLE).toBe(0);
    clock.set(new Date('2027-02-27T16:15:00Z'));
    await t.app.get(JobScheduler).tick();
    expect((await wallet(leapling)).counts.AVAILABLE).toBe(1);
  });

  it('shows an unused coupon as expired after its window', async () => {
    clock.set(new Date('2027-02-28T17:00:00Z')); // 2027-03-01 01:00 Shanghai
    const member = await signedUpMember(t, 'bday-late', '13600000004', { birthday: '03-01' });
    await t.app.get(BirthdayCouponsJob).run(clock.now());
    clock.set(new Date('2027-03-09T00:00:00Z'));
    const back = await memberLogin(t, 'bday-late'); // a week later: a fresh login
    expect(back).toBeDefined();
    expect((await wallet(back)).counts).toEqual({ AVAILABLE: 0, USED: 0, EXPIRED: 1 });
    expect((await wallet(back, 'EXPIRED')).items).toHaveLength(1);
    void member;
  });
});

describe('operator coupons', () => {
  it('creates a template, issues a batch idempotently, and validates the template', async () => {
    clock.set(new Date('2027-03-10T02:00:00Z'));
    const op = await staffLogin(t, 'operator');
    const member = await signedUpMember(t, 'batch-member', '13600000005');
    const create = await t.inject({
      method: 'POST',
      url: '/api/admin/coupon-templates',
      headers: op.headers,
      payload: {
        code: 'ZHE_88',
        name: '88折券',
        kind: 'PERCENT',
        payRateBp: 8800,
        maxDiscountFen: 5000,
        thresholdFen: 0,
        scope: { kind: 'ALL' },
        stacking: 'EXCLUSIVE',
        validDays: 14,
      },
    });
    expect(create.statusCode).toBe(201);
    const empty = await t.inject({
      method: 'POST',
      url: '/api/admin/coupon-templates/ZHE_88/issue',
      headers: op.headers,
      payload: { memberIds: [], batch: 'x' },
    });
    expect(empty.statusCode).toBe(400);
    const memberId = await idOf(member);
    const send = () =>
      t.inject({
        method: 'POST',
        url: '/api/admin/coupon-templates/ZHE_88/issue',
        headers: op.headers,
        payload: { memberIds: [memberId], batch: 'spring' },
      });
    expect((await send()).json()).toEqual({ issued: 1, alreadyHad: 0, unknownPhones: [] });
    expect((await send()).json()).toEqual({ issued: 0, alreadyHad: 1, unknownPhones: [] });
    expect((await wallet(member)).items[0]).toMatchObject({
      label: '88折（最高减50）',
      kind: 'PERCENT',
      payRateBp: 8800,
    });
    const bad = await t.inject({
      method: 'POST',
      url: '/api/admin/coupon-templates',
      headers: op.headers,
      payload: {
        code: 'BAD',
        name: 'x',
        kind: 'AMOUNT_OFF',
        amountOffFen: 100,
        thresholdFen: 0,
        scope: { kind: 'CATEGORIES', categoryIds: [] },
        stacking: 'EXCLUSIVE',
        validDays: 1,
      },
    });
    expect(bad.statusCode).toBe(400);
    const asMember = await t.inject({
      method: 'POST',
      url: '/api/admin/coupon-templates/ZHE_88/issue',
      headers: member.headers,
      payload: {},
    });
    expect(asMember.statusCode).toBe(403);
  });
});
