import { getDataSourceToken } from '@nestjs/typeorm';
import { memberCodeAt, type StoreMemberSummary } from '@tidepool/shared';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { MemberVoucher } from '../../src/modules/members/voucher.entity';
import { MemberCodeScan } from '../../src/modules/store-mode/member-code-scan.entity';
import { type Actor, codeCredential, memberLogin, signedUpMember, signupToken, staffLogin } from '../support/actors';
import { createTestApp, type TestApp } from '../support/test-app';

const STEP = 30_000;
// Wednesday 2026-11-25 10:00:00 in Shanghai, on a 30-second step boundary.
const start = new Date('2026-11-25T02:00:00Z');
const clock = new TestClock(start);
let t: TestApp;
let cashier1: Actor;
let cashier2: Actor;
let phoneCounter = 0;
let phoneSerial = 0;
beforeAll(async () => {
  t = await createTestApp({}, undefined, { clock });
  cashier1 = await staffLogin(t, 'cashier.sh001');
  cashier2 = await staffLogin(t, 'cashier.sh002');
});
afterAll(() => t.close());
beforeEach(() => {
  // Each test starts a few minutes later, so per-cashier scan budgets (one-minute windows) start fresh.
  clock.set(new Date(start.getTime() + ++phoneCounter * 5 * 60_000));
});

const ds = () => t.app.get<DataSource>(getDataSourceToken());
const scan = (cashier: Actor, code: string) =>
  t.inject({ method: 'POST', url: '/api/store-mode/scans', headers: cashier.headers, payload: { code } });
const redeem = (cashier: Actor, voucherId: number, scanId: number) =>
  t.inject({
    method: 'POST',
    url: `/api/store-mode/vouchers/${voucherId}/redeem`,
    headers: cashier.headers,
    payload: { scanId },
  });

/** A member who joined at store 1 (so they hold the shopping-bag voucher), with a member-code credential. */
async function shopper(name: string) {
  const phone = `1370000${String(++phoneSerial).padStart(4, '0')}`;
  const member = await signedUpMember(t, name, phone, {
    signupToken: await signupToken(t, cashier1),
    birthday: '11-25',
  });
  const credential = await codeCredential(t, member);
  return { member, phone, credential, codeNow: () => memberCodeAt(credential, clock.now().getTime()) };
}

describe('scanning a member code', () => {
  it('shows the cashier a summary without the member id or full phone, once per code', async () => {
    const s = await shopper('scan-once');
    const code = s.codeNow();
    const res = await scan(cashier1, code);
    expect(res.statusCode).toBe(200);
    const summary = res.json<StoreMemberSummary>();
    expect(summary).toMatchObject({
      phoneMasked: `${s.phone.slice(0, 3)}****${s.phone.slice(-4)}`,
      tier: { code: 'NORMAL', name: '普卡' },
      points: 0,
      growth: 0,
      memberDayToday: true,
      birthdayToday: true,
      vouchers: [{ title: '免费购物袋', status: 'AVAILABLE' }],
    });
    expect(res.body).not.toContain(s.phone);
    expect(Object.keys(summary)).not.toContain('memberId');
    expect(code.slice(0, 10)).toBe(s.credential.handle);

    const again = await scan(cashier1, code);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'MEMBER_CODE_USED', message: '会员码已使用，请让顾客刷新后重试' });
  });

  it('accepts the previous 30-second step, refuses older codes as expired and others as invalid', async () => {
    const s = await shopper('steps');
    const code = s.codeNow();
    clock.advance(STEP);
    expect((await scan(cashier1, code)).statusCode).toBe(200);
    const older = s.codeNow();
    clock.advance(2 * STEP);
    const expired = await scan(cashier1, older);
    expect(expired.statusCode).toBe(400);
    expect(expired.json()).toMatchObject({ code: 'MEMBER_CODE_EXPIRED' });
    const forged = `${s.credential.handle}${String((Number(s.codeNow().slice(10)) + 1) % 1e8).padStart(8, '0')}`;
    expect((await scan(cashier1, forged)).json()).toMatchObject({ code: 'MEMBER_CODE_INVALID' });
    expect((await scan(cashier1, '123')).json()).toMatchObject({ code: 'MEMBER_CODE_INVALID' });
    expect((await scan(cashier1, '999999999912345678')).json()).toMatchObject({ code: 'MEMBER_CODE_INVALID' });
    // Spaces, as a cashier types them, are fine.
    const spaced = s.codeNow().replace(/(\d{4})/g, '$1 ');
    expect((await scan(cashier1, spaced)).statusCode).toBe(200);
  });

  it('stops accepting the old credential’s codes once a new one is provisioned', async () => {
    const s = await shopper('reprovision');
    const oldCode = s.codeNow();
    const fresh = await codeCredential(t, s.member);
    expect((await scan(cashier1, oldCode)).json()).toMatchObject({ code: 'MEMBER_CODE_INVALID' });
    expect((await scan(cashier1, memberCodeAt(fresh, clock.now().getTime()))).statusCode).toBe(200);
  });

  it('accepts one code at exactly one till when several scan it at once', async () => {
    const s = await shopper('rush');
    const code = s.codeNow();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => scan(i % 2 ? cashier1 : cashier2, code)));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.json<{ code?: string }>().code === 'MEMBER_CODE_USED')).toHaveLength(9);
  });

  it('records every scan with who, where, when and the outcome', async () => {
    const s = await shopper('audit');
    const code = s.codeNow();
    await scan(cashier2, code);
    await scan(cashier2, code);
    await scan(cashier2, '100000000000000000');
    const rows = await ds()
      .getRepository(MemberCodeScan)
      .find({ where: { scannedAt: clock.now() }, order: { id: 'ASC' } });
    expect(rows.map((r) => [r.result, r.storeId])).toEqual([
      ['ACCEPTED', 2],
      ['USED', 2],
      ['INVALID', 2],
    ]);
    expect(new Set(rows.map((r) => r.staffId)).size).toBe(1);
  });

  it('answers 429 when one cashier scans too fast, without blocking another cashier', async () => {
    const burst = await Promise.all(Array.from({ length: 35 }, () => scan(cashier1, '100000000000000000')));
    const refused = burst.filter((r) => r.statusCode === 429);
    expect(refused.length).toBe(5);
    for (const r of refused) expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    for (const r of refused) expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await scan(cashier2, '100000000000000000')).json()).toMatchObject({ code: 'MEMBER_CODE_INVALID' });
  });

  it('is for cashiers only', async () => {
    const m = await memberLogin(t, 'not-a-cashier');
    const operator = await staffLogin(t, 'operator');
    expect((await scan(m, '100000000000000000')).statusCode).toBe(403);
    expect((await scan(operator, '100000000000000000')).statusCode).toBe(403);
    expect((await t.inject({ method: 'POST', url: '/api/store-mode/scans', payload: { code: '1' } })).statusCode).toBe(
      401,
    );
  });
});

describe('redeeming the signup gift', () => {
  it('redeems once at the scanning store and records who, where and when', async () => {
    const s = await shopper('bag');
    const summary = (await scan(cashier1, s.codeNow())).json<StoreMemberSummary>();
    const voucherId = summary.vouchers[0].id;
    const done = await redeem(cashier1, voucherId, summary.scanId);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'REDEEMED', redeemedStoreName: '上海南京西路店' });
    const row = await ds().getRepository(MemberVoucher).findOneByOrFail({ id: voucherId });
    expect(row).toMatchObject({ status: 'REDEEMED', redeemedStoreId: 1, redeemedScanId: summary.scanId });
    expect(row.redeemedAt?.toISOString()).toBe(clock.now().toISOString());
    const twice = await redeem(cashier1, voucherId, summary.scanId);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'VOUCHER_ALREADY_REDEEMED' });
    const wallet = await t.inject({
      method: 'GET',
      url: '/api/members/me/vouchers?status=REDEEMED',
      headers: s.member.headers,
    });
    expect(wallet.json()).toMatchObject({ items: [{ id: voucherId, status: 'REDEEMED' }] });
  });

  it('redeems exactly once when two tills race', async () => {
    const s = await shopper('race');
    const first = (await scan(cashier1, s.codeNow())).json<StoreMemberSummary>();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => redeem(cashier1, first.vouchers[0].id, first.scanId)),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(5);
  });

  it('refuses another store’s scan (403), another member’s voucher (404) and a stale scan (410)', async () => {
    const a = await shopper('owner-a');
    const b = await shopper('owner-b');
    const scanA = (await scan(cashier1, a.codeNow())).json<StoreMemberSummary>();
    const scanB = (await scan(cashier1, b.codeNow())).json<StoreMemberSummary>();
    const otherStore = await redeem(cashier2, scanA.vouchers[0].id, scanA.scanId);
    expect(otherStore.statusCode).toBe(403);
    const notYours = await redeem(cashier1, scanB.vouchers[0].id, scanA.scanId);
    expect(notYours.statusCode).toBe(404);
    expect(notYours.json()).toMatchObject({ code: 'VOUCHER_NOT_FOUND' });
    expect((await redeem(cashier1, scanA.vouchers[0].id, 987654)).statusCode).toBe(404);
    clock.advance(11 * 60_000);
    const stale = await redeem(cashier1, scanA.vouchers[0].id, scanA.scanId);
    expect(stale.statusCode).toBe(410);
    expect(stale.json()).toMatchObject({ code: 'SCAN_EXPIRED' });
    const vouchers = ds().getRepository(MemberVoucher);
    expect((await vouchers.findOneByOrFail({ id: scanA.vouchers[0].id })).status).toBe('AVAILABLE');
    expect((await vouchers.findOneByOrFail({ id: scanB.vouchers[0].id })).status).toBe('AVAILABLE');
  });

  it('refuses an expired voucher', async () => {
    const s = await shopper('late');
    clock.advance(91 * 86_400_000);
    // Bearer tokens last 7 days: both people log in again three months later.
    const cashier = await staffLogin(t, 'cashier.sh001');
    const member = await memberLogin(t, 'late');
    const summary = (await scan(cashier, s.codeNow())).json<StoreMemberSummary>();
    expect(summary.vouchers).toEqual([]);
    const all = await t.inject({ method: 'GET', url: '/api/members/me/vouchers', headers: member.headers });
    const [voucher] = all.json<{ items: { id: number; status: string }[] }>().items;
    expect(voucher.status).toBe('EXPIRED');
    const res = await redeem(cashier, voucher.id, summary.scanId);
    expect(res.json()).toMatchObject({ code: 'VOUCHER_EXPIRED' });
  });
});
