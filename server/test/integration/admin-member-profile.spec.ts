import type {
  AdminGrowthAdjustmentResponse,
  AdminGrowthEntryView,
  AdminMemberConsentsView,
  AdminMemberDeletionRequestView,
  AdminPointsLotView,
  AuditEntryView,
  OperatorMemberView,
  Page,
  PersonalDataExport,
  VoucherView,
} from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoyaltyService } from '../../src/modules/loyalty';
import { staffLogin, signupToken, type Actor } from '../support/actors';
import { createMember, type MemberActor } from '../factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let operator: Actor;
let manager: Actor;
/** Signed up at store 1 (the manager's store). */
let local: MemberActor;
/** Signed up at store 2: another store's member for the store manager. */
let other: MemberActor;

beforeAll(async () => {
  t = await createTestApp();
  operator = await staffLogin(t, 'operator');
  manager = await staffLogin(t, 'manager.sh001');
  const cashier1 = await staffLogin(t, 'cashier.sh001');
  const cashier2 = await staffLogin(t, 'cashier.sh002');
  local = await createMember(t, { signupToken: await signupToken(t, cashier1, 1), growth: 300 });
  other = await createMember(t, { signupToken: await signupToken(t, cashier2, 2) });
});
afterAll(() => t.close());

const get = (url: string, who: Actor = operator) => t.inject({ method: 'GET', url, headers: who.headers });
const adjustGrowth = (memberId: number, growth: number, reason: string, requestId: string, who = operator) =>
  t.inject({
    method: 'POST',
    url: `/api/admin/members/${memberId}/growth-adjustments`,
    headers: who.headers,
    payload: { growth, reason, requestId },
  });

describe('the member profile tabs', () => {
  it('shows the growth ledger, points lots, vouchers and consents to an operator', async () => {
    await t.app.get(LoyaltyService).earn(local.id, {
      sourceType: 'test',
      sourceId: 'profile-lot-1',
      points: 80,
      reason: '测试积分',
      expiresAt: new Date('2099-01-01T00:00:00Z'),
    });
    const growth = await get(`/api/admin/members/${local.id}/growth`);
    expect(growth.statusCode).toBe(200);
    expect(growth.json<Page<AdminGrowthEntryView>>().items[0]).toMatchObject({
      kind: 'EARN',
      growth: 300,
      growthAfter: 300,
      tierAfter: 'NORMAL',
      tierAfterName: '普卡',
    });

    const lots = await get(`/api/admin/members/${local.id}/points-lots`);
    expect(lots.statusCode).toBe(200);
    expect(lots.json<Page<AdminPointsLotView>>().items).toEqual([
      expect.objectContaining({ points: 80, remaining: 80, status: 'ACTIVE', expiresAt: '2099-01-01T00:00:00.000Z' }),
    ]);

    const vouchers = await get(`/api/admin/members/${local.id}/vouchers`);
    expect(vouchers.statusCode).toBe(200);
    expect(Array.isArray(vouchers.json<{ items: VoucherView[] }>().items)).toBe(true);

    const consents = await get(`/api/admin/members/${local.id}/consents`);
    expect(consents.statusCode).toBe(200);
    const view = consents.json<AdminMemberConsentsView>();
    expect(view.privacyConsentVersion).toBeTruthy();
    expect(view.privacyConsentedAt).toMatch(/Z$/);
    expect(view.deletionRequestedAt).toBeNull();
  });

  it('lets a store manager see their store’s members and no other store’s (404)', async () => {
    for (const tab of ['', '/growth', '/points-lots', '/vouchers', '/consents']) {
      const mine = await get(`/api/admin/members/${local.id}${tab}`, manager);
      expect(mine.statusCode, `own ${tab}`).toBe(200);
      const theirs = await get(`/api/admin/members/${other.id}${tab}`, manager);
      expect(theirs.statusCode, `other ${tab}`).toBe(404);
      expect(theirs.json<{ code: string }>().code).toBe('MEMBER_NOT_FOUND');
    }
    const header = (await get(`/api/admin/members/${local.id}`, manager)).json<OperatorMemberView>();
    expect(header.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    // The export carries the full phone: brand operators only.
    expect((await get(`/api/admin/members/${local.id}/personal-data`, manager)).statusCode).toBe(403);
    expect((await get('/api/admin/members/deletion-requests', manager)).statusCode).toBe(403);
  });
});

describe('an operator’s growth correction', () => {
  it('goes through the growth ledger once per request id, moves the tier, and is audited', async () => {
    const first = await adjustGrowth(local.id, 50, '补记门店消费成长值', 'growth-req-0001');
    expect(first.statusCode).toBe(200);
    expect(first.json<AdminGrowthAdjustmentResponse>()).toMatchObject({ growth: 50, growthAfter: 350 });
    const again = await adjustGrowth(local.id, 50, '补记门店消费成长值', 'growth-req-0001');
    expect(again.statusCode).toBe(200);
    expect(again.json<AdminGrowthAdjustmentResponse>().entryId).toBe(
      first.json<AdminGrowthAdjustmentResponse>().entryId,
    );
    expect((await get(`/api/admin/members/${local.id}`)).json<OperatorMemberView>().growth).toBe(350);

    const ledger = (await get(`/api/admin/members/${local.id}/growth`)).json<Page<AdminGrowthEntryView>>();
    expect(ledger.total).toBe(2);
    expect(ledger.items[0]).toMatchObject({ kind: 'ADJUST', growth: 50, reason: '补记门店消费成长值' });

    const audit = (await get(`/api/admin/audit?objectType=member&objectId=${local.id}`)).json<Page<AuditEntryView>>()
      .items;
    expect(audit.filter((e) => e.action === 'member.growth_adjust')).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ growth: 300 }),
        after: expect.objectContaining({ growth: 350, change: 50 }),
      }),
    ]);
  });

  it('refuses below zero, names bad fields, and is the brand operator’s alone', async () => {
    const below = await adjustGrowth(local.id, -351, '误操作扣减', 'growth-req-0002');
    expect(below.statusCode).toBe(409);
    expect(below.json<{ code: string }>().code).toBe('GROWTH_ADJUSTMENT_BELOW_ZERO');
    const down = await adjustGrowth(local.id, -350, '扣回误发成长值', 'growth-req-0003');
    expect(down.json<AdminGrowthAdjustmentResponse>()).toMatchObject({ growthAfter: 0, tier: { code: 'NORMAL' } });

    const zero = await adjustGrowth(local.id, 0, '无效', 'growth-req-0004');
    expect(zero.statusCode).toBe(400);
    expect(zero.json<{ details: { field: string }[] }>().details[0]?.field).toBe('growth');
    const noReason = await adjustGrowth(local.id, 5, '', 'growth-req-0005');
    expect(noReason.json<{ details: { field: string }[] }>().details[0]?.field).toBe('reason');
    expect((await adjustGrowth(local.id, 5, '店长加成长值', 'growth-req-0006', manager)).statusCode).toBe(403);
    expect((await adjustGrowth(999999, 5, '不存在', 'growth-req-0007')).statusCode).toBe(404);
    expect((await get(`/api/admin/members/${local.id}`)).json<OperatorMemberView>().growth).toBe(0);
  });
});

describe('PIPL requests', () => {
  it('exports the member’s personal data as the shopper’s own export does, audited', async () => {
    const res = await get(`/api/admin/members/${other.id}/personal-data`);
    expect(res.statusCode).toBe(200);
    const data = res.json<PersonalDataExport>();
    const own = (
      await t.inject({ method: 'GET', url: '/api/members/me/export', headers: other.headers })
    ).json<PersonalDataExport>();
    expect(data.member).toEqual(own.member);
    const audit = (await get(`/api/admin/audit?objectType=member&objectId=${other.id}`)).json<Page<AuditEntryView>>()
      .items;
    expect(audit.map((e) => e.action)).toContain('member.personal_data_export');
  });

  it('queues a shopper’s deletion request and processes it with a confirmation, audited', async () => {
    const asked = await t.inject({ method: 'POST', url: '/api/members/me/deletion-request', headers: other.headers });
    expect(asked.statusCode).toBe(200);
    const twice = await t.inject({ method: 'POST', url: '/api/members/me/deletion-request', headers: other.headers });
    expect(twice.json()).toEqual(asked.json());
    expect(
      (await get(`/api/admin/members/${other.id}/consents`)).json<AdminMemberConsentsView>().deletionRequestedAt,
    ).toBe(asked.json<{ requestedAt: string }>().requestedAt);

    const queue = (await get('/api/admin/members/deletion-requests')).json<Page<AdminMemberDeletionRequestView>>();
    const request = queue.items.find((r) => r.memberId === other.id);
    expect(request).toMatchObject({ status: 'PENDING', processedAt: null });
    expect(request?.phoneMasked).toMatch(/\*{4}/);

    const process = (confirmMemberId: number, who = operator) =>
      t.inject({
        method: 'POST',
        url: `/api/admin/members/deletion-requests/${request!.id}/process`,
        headers: who.headers,
        payload: { confirmMemberId },
      });
    expect((await process(other.id, manager)).statusCode).toBe(403);
    const wrong = await process(other.id + 1000);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ details: { field: string }[] }>().details[0]?.field).toBe('confirmMemberId');
    expect((await get(`/api/admin/members/${other.id}`)).statusCode).toBe(200);

    const done = await process(other.id);
    expect(done.statusCode).toBe(200);
    expect(done.json<AdminMemberDeletionRequestView>()).toMatchObject({ status: 'DONE', phoneMasked: null });
    expect(done.json<AdminMemberDeletionRequestView>().processedBy).toBeTruthy();
    expect((await process(other.id)).json<AdminMemberDeletionRequestView>().status).toBe('DONE');
    // Anonymised: the member is gone from the console, and the queue is empty of them.
    expect((await get(`/api/admin/members/${other.id}`)).statusCode).toBe(404);
    const pending = (await get('/api/admin/members/deletion-requests')).json<Page<AdminMemberDeletionRequestView>>();
    expect(pending.items.some((r) => r.memberId === other.id)).toBe(false);
    const doneList = (await get('/api/admin/members/deletion-requests?status=DONE')).json<
      Page<AdminMemberDeletionRequestView>
    >();
    expect(doneList.items[0]).toMatchObject({ id: request!.id, status: 'DONE' });
    const audit = (await get(`/api/admin/audit?objectType=member&objectId=${other.id}`)).json<Page<AuditEntryView>>()
      .items;
    expect(audit.map((e) => e.action)).toContain('member.delete_request_process');
    expect((await process(other.id)).statusCode).toBe(200);
    const missing = await t.inject({
      method: 'POST',
      url: '/api/admin/members/deletion-requests/999999/process',
      headers: operator.headers,
      payload: { confirmMemberId: 1 },
    });
    expect(missing.statusCode).toBe(404);
  });
});
