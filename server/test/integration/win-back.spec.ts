import { getDataSourceToken } from '@nestjs/typeorm';
import { type ApiErrorBody, inHoldout, type WinBackProgrammeView, type WinBackReportResponse } from '@tidepool/shared';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { MemberFactsRow } from '../../src/modules/member-facts/member-facts.entity';
import { winBackCycleKey, WinBackService } from '../../src/modules/win-back';
import { type Actor, staffLogin } from '../support/actors';
import { bootShop, LONG_LIVED_TOKENS } from '../support/shop';
import type { TestApp } from '../support/test-app';

// Thursday 2026-12-03 10:00 in Shanghai: the day members enter wave 1.
const T0 = new Date('2026-12-03T02:00:00Z');
const DAY = 86_400_000;
const day = (n: number) => new Date(T0.getTime() + n * DAY);
const clock = new TestClock(T0);
let t: TestApp & { db: { drop(): Promise<void> } };
let operator: Actor;
let ds: DataSource;
let winBack: WinBackService;

beforeAll(async () => {
  ({ t, operator } = await bootShop(clock, { auth: LONG_LIVED_TOKENS }));
  ds = t.app.get<DataSource>(getDataSourceToken());
  winBack = t.app.get(WinBackService);
  // The scenarios below write the member facts they need; the demo shoppers' facts rows (a read model, rebuilt by
  // the nightly recompute) would otherwise join the at-risk audience.
  await ds.query('DELETE FROM member_facts');
});
afterAll(async () => {
  await t.close();
});

const call = (who: Actor, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
  t.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

function facts(memberId: number, over: Partial<MemberFactsRow>): MemberFactsRow {
  return {
    memberId,
    tierKey: 'SILVER',
    stage: 'DECLINE',
    relationship: 'REGULAR',
    homeStoreId: null,
    spend365Fen: 80_000,
    orders365: 6,
    onlineOrders365: 6,
    dropOrders365: 0,
    tillOrders365: 0,
    lastPurchaseAt: new Date(T0.getTime() - 45 * DAY),
    firstPurchaseAt: new Date(T0.getTime() - 300 * DAY),
    birthMonth: null,
    promoterId: null,
    typicalGapDays: 12,
    stageSince: T0,
    relationshipSince: T0,
    updatedAt: T0,
    ...over,
  };
}

/** The member buys at `at`: what the member-facts consumer would write (their stage leaves DECLINE). */
const buys = (memberIds: number[], at: Date) =>
  ds.getRepository(MemberFactsRow).update(memberIds, { lastPurchaseAt: at, stage: 'MATURITY' });

const couponsOf = (wave: 1 | 2) =>
  ds
    .query<{ memberId: number; issueKey: string }[]>(
      `SELECT memberId, issueKey FROM member_coupons WHERE issueKey LIKE 'win-back:%:${wave}' ORDER BY memberId`,
    )
    .then((rows) => rows.map((r) => Number(r.memberId)));

describe('holdout assignment of a win-back day', () => {
  it('is deterministic and holds out 10% ± 1.5% of 20,000 members', () => {
    const key = winBackCycleKey('2026-12-03');
    const ids = Array.from({ length: 20_000 }, (_, i) => 100_000 + i);
    const held = ids.filter((id) => inHoldout(id, key, 1000));
    expect(ids.filter((id) => inHoldout(id, key, 1000))).toEqual(held);
    expect(held.length / ids.length).toBeGreaterThanOrEqual(0.085);
    expect(held.length / ids.length).toBeLessThanOrEqual(0.115);
  });
});

describe('the win-back programme', () => {
  it('starts disabled with the growth rules holdout, and refuses what cannot run', async () => {
    const initial = await call(operator, 'GET', '/api/admin/win-back/programme');
    expect(initial.json<WinBackProgrammeView>()).toMatchObject({
      enabled: false,
      holdoutBp: 1000,
      wave1TemplateCode: null,
    });

    const noTemplate = await call(operator, 'PUT', '/api/admin/win-back/programme', {
      enabled: true,
      wave1TemplateCode: null,
      wave2TemplateCode: null,
      wave2AfterDays: 7,
      holdoutBp: 1000,
    });
    expect(noTemplate.statusCode).toBe(400);
    expect(noTemplate.json<ApiErrorBody>().details?.map((d) => d.field)).toEqual([
      'wave1TemplateCode',
      'wave2TemplateCode',
    ]);
    const unknown = await call(operator, 'PUT', '/api/admin/win-back/programme', {
      enabled: true,
      wave1TemplateCode: 'NO_SUCH_TEMPLATE',
      wave2TemplateCode: 'NO_SUCH_TEMPLATE',
      wave2AfterDays: 7,
      holdoutBp: 1000,
    });
    expect(unknown.json<ApiErrorBody>().code).toBe('COUPON_TEMPLATE_NOT_FOUND');
    const manager = await staffLogin(t, 'manager.sh001');
    expect((await call(manager, 'GET', '/api/admin/win-back/programme')).statusCode).toBe(403);
  });

  it('runs a scripted scenario: waves, holdout, returns, reruns and the report', async () => {
    const template = async (code: string, amountOffFen: number) => {
      const res = await call(operator, 'POST', '/api/admin/coupon-templates', {
        code,
        name: `回归礼${amountOffFen / 100}元`,
        kind: 'AMOUNT_OFF',
        amountOffFen,
        thresholdFen: 0,
        scope: { kind: 'ALL' },
        stacking: 'EXCLUSIVE',
        validDays: 14,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await template('WINBACK_W1', 1000);
    await template('WINBACK_W2', 2000);
    const saved = await call(operator, 'PUT', '/api/admin/win-back/programme', {
      enabled: true,
      wave1TemplateCode: 'WINBACK_W1',
      wave2TemplateCode: 'WINBACK_W2',
      wave2AfterDays: 7,
      holdoutBp: 1000,
    });
    expect(saved.statusCode, saved.body).toBe(200);

    // 20 treated and 5 held-out candidates, chosen by the same deterministic hash the job uses.
    const key = winBackCycleKey('2026-12-03');
    const treated: number[] = [];
    const heldOut: number[] = [];
    for (let id = 800_000; treated.length < 20 || heldOut.length < 5; id++) {
      if (inHoldout(id, key, 1000)) {
        if (heldOut.length < 5) heldOut.push(id);
      } else if (treated.length < 20) treated.push(id);
    }
    const candidates = [...treated, ...heldOut].sort((a, b) => a - b);
    await ds.getRepository(MemberFactsRow).insert([
      ...candidates.map((id) => facts(id, {})),
      // Not candidates: declining but not frequent (3 < 4 orders), and frequent but not declining.
      facts(799_001, { orders365: 3 }),
      facts(799_002, { stage: 'MATURITY', orders365: 10 }),
    ]);

    const first = await winBack.run(day(0));
    expect(first).toMatchObject({ date: '2026-12-03', entered: 25, heldOut: 5, wave1Issued: 20, wave2Sent: 0 });
    expect(await couponsOf(1)).toEqual([...treated].sort((a, b) => a - b));

    // A rerun the same day, and a run after "crashing" between issuing and marking, issue nothing twice.
    expect(await winBack.run(day(0))).toMatchObject({ entered: 0, wave1Issued: 0 });
    await ds.query('UPDATE win_back_cycles SET wave1IssuedAt = NULL');
    expect(await winBack.run(day(0))).toMatchObject({ entered: 0, wave1Issued: 0 });
    expect(await couponsOf(1)).toHaveLength(20);

    // Day 3: 8 treated and 1 held-out member buy (inside wave 1's 15-day window).
    const wave1Back = [...treated.slice(0, 8), heldOut[0]];
    await buys(wave1Back, day(3));
    // Day 7: their returns are recorded, and wave 2 goes to the 12 + 4 who have not bought.
    const second = await winBack.run(day(7));
    expect(second).toMatchObject({ date: '2026-12-10', entered: 0, returned: 9, wave2Sent: 16, wave2Issued: 12 });
    expect(await couponsOf(2)).toEqual(treated.slice(8).sort((a, b) => a - b));
    expect(await winBack.run(day(7))).toMatchObject({ returned: 0, wave2Sent: 0, wave2Issued: 0 });

    // While windows are open, members who have not bought are pending and left out of the rates.
    const early = await winBack.report(day(7));
    expect(early.waves[0]).toMatchObject({
      treated: { n: 8, returned: 8 },
      holdout: { n: 1, returned: 1 },
      pending: 16,
    });

    // Day 20: 3 treated and 1 held-out wave-2 member buy: outside wave 1's window (day 15), inside wave 2's (day 22).
    await buys([...treated.slice(8, 11), heldOut[1]], day(20));
    expect(await winBack.run(day(21))).toMatchObject({ returned: 4, entered: 0, wave2Sent: 0 });

    clock.set(day(30));
    const report = (await call(operator, 'GET', '/api/admin/win-back/report')).json<WinBackReportResponse>();
    expect(report.measureDays).toBe(15);
    const [w1, w2] = report.waves;
    // Wave 1 by hand: treated 8/20 = 0.4, holdout 1/5 = 0.2, d = 0.2,
    // SE = √(0.4·0.6/20 + 0.2·0.8/5) = √0.044 = 0.2097617696…, CI = 0.2 ± 1.959963984540054·SE.
    expect(w1).toMatchObject({
      wave: 1,
      treated: { n: 20, returned: 8, rate: 0.4 },
      holdout: { n: 5, returned: 1, rate: 0.2 },
      pending: 0,
    });
    expect(w1.difference).toBeCloseTo(0.2, 12);
    expect(w1.ci95![0]).toBeCloseTo(-0.211125513816087, 12);
    expect(w1.ci95![1]).toBeCloseTo(0.611125513816087, 12);
    // Wave 2 by hand: treated 3/12 = 0.25, holdout 1/4 = 0.25, d = 0, SE = √(0.1875/12 + 0.1875/4) = 0.25,
    // CI = ±1.959963984540054 · 0.25 = ±0.4899909961350135.
    expect(w2).toMatchObject({
      wave: 2,
      treated: { n: 12, returned: 3, rate: 0.25 },
      holdout: { n: 4, returned: 1, rate: 0.25 },
      pending: 0,
    });
    expect(w2.difference).toBeCloseTo(0, 12);
    expect(w2.ci95![0]).toBeCloseTo(-0.4899909961350135, 12);
    expect(w2.ci95![1]).toBeCloseTo(0.4899909961350135, 12);

    // No one was issued a coupon twice, and the held-out got nothing.
    const all = await ds.query<{ n: number }[]>(
      "SELECT COUNT(*) AS n FROM member_coupons WHERE issueKey LIKE 'win-back:%'",
    );
    expect(Number(all[0].n)).toBe(32);
    expect([...(await couponsOf(1)), ...(await couponsOf(2))].some((id) => heldOut.includes(id))).toBe(false);
  });
});
