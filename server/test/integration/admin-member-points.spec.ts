import type { AdminPointsAdjustmentResponse, AdminPointsEntryView, AuditEntryView, Page } from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffLogin, type Actor } from '../support/actors';
import { createMember, type MemberActor } from '../factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let operator: Actor;
let member: MemberActor;

beforeAll(async () => {
  t = await createTestApp();
  operator = await staffLogin(t, 'operator');
  member = await createMember(t);
});
afterAll(() => t.close());

const adjust = (points: number, reason: string, requestId: string, who = operator) =>
  t.inject({
    method: 'POST',
    url: `/api/admin/members/${member.id}/points-adjustments`,
    headers: who.headers,
    payload: { points, reason, requestId },
  });

const balance = async () =>
  (await t.inject({ method: 'GET', url: `/api/admin/members/${member.id}`, headers: operator.headers })).json<{
    points: number;
  }>().points;

describe('an operator’s points correction', () => {
  it('adds points with a reason through the ledger, once per request id, audited', async () => {
    const first = await adjust(120, '补发门店活动积分', 'adjust-req-0001');
    expect(first.statusCode).toBe(200);
    expect(first.json<AdminPointsAdjustmentResponse>()).toMatchObject({ points: 120, available: 120 });
    const again = await adjust(120, '补发门店活动积分', 'adjust-req-0001');
    expect(again.json<AdminPointsAdjustmentResponse>().available).toBe(120);
    expect(await balance()).toBe(120);

    const mine = await t.inject({ method: 'GET', url: '/api/loyalty/me/points/history', headers: member.headers });
    expect(mine.statusCode).toBe(200);
    expect(JSON.stringify(mine.json())).toContain('补发门店活动积分');
    const ledger = await t.inject({
      method: 'GET',
      url: `/api/admin/members/${member.id}/points`,
      headers: operator.headers,
    });
    expect(ledger.json<Page<AdminPointsEntryView>>().items[0]).toMatchObject({
      points: 120,
      reason: '补发门店活动积分',
      availableAfter: 120,
    });

    const audit = await t.inject({
      method: 'GET',
      url: `/api/admin/audit?objectType=member&objectId=${member.id}`,
      headers: operator.headers,
    });
    const entries = audit.json<Page<AuditEntryView>>().items;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'member.points_adjust', before: { points: 0 }, after: { points: 120 } });
  });

  it('refuses a deduction below zero and changes nothing', async () => {
    const res = await adjust(-121, '误操作扣减', 'adjust-req-0002');
    expect(res.statusCode).toBe(409);
    expect(res.json<{ code: string }>().code).toBe('POINTS_ADJUSTMENT_BELOW_ZERO');
    expect(await balance()).toBe(120);
    const ok = await adjust(-20, '扣回重复发放', 'adjust-req-0003');
    expect(ok.json<AdminPointsAdjustmentResponse>().available).toBe(100);
  });

  it('names the field it cannot read, and is the operator’s alone', async () => {
    const zero = await adjust(0, '无效', 'adjust-req-0004');
    expect(zero.statusCode).toBe(400);
    expect(zero.json<{ details: { field: string }[] }>().details[0]?.field).toBe('points');
    const noReason = await adjust(5, '', 'adjust-req-0005');
    expect(noReason.json<{ details: { field: string }[] }>().details[0]?.field).toBe('reason');
    const manager = await staffLogin(t, 'manager.sh001');
    expect((await adjust(5, '店长加分', 'adjust-req-0006', manager)).statusCode).toBe(403);
    const missing = await t.inject({
      method: 'POST',
      url: '/api/admin/members/999999/points-adjustments',
      headers: operator.headers,
      payload: { points: 5, reason: '不存在', requestId: 'adjust-req-0007' },
    });
    expect(missing.statusCode).toBe(404);
    expect(await balance()).toBe(100);
  });
});
