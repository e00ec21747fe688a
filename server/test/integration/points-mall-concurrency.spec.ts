import { getDataSourceToken } from '@nestjs/typeorm';
import type { RedemptionView } from '@tidepool/shared';
import { type DataSource, In } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoyaltyService } from '../../src/modules/loyalty/loyalty.service';
import { PointsEntry } from '../../src/modules/loyalty/points-entry.entity';
import { GiftRedemption } from '../../src/modules/points-mall/gift-redemption.entity';
import { GiftVoucher } from '../../src/modules/points-mall/gift-voucher.entity';
import { Gift } from '../../src/modules/points-mall/gift.entity';
import { type Actor, staffLogin } from '../support/actors';
import { createGift, memberWithPoints, redeem, requestId } from '../support/points-mall';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Stock and points under concurrency. On MariaDB (`DATABASE_URL=…`) the requests really race on pooled
 * connections and row locks; on SQLite the transaction queue serialises them between awaits. Same outcomes.
 */
let t: TestApp;
let operator: Actor;
beforeAll(async () => {
  t = await createTestApp({ seedDemo: true });
  operator = await staffLogin(t, 'operator');
});
afterAll(() => t.close());

const ds = () => t.app.get<DataSource>(getDataSourceToken());

describe('points mall under concurrency', () => {
  it('50 members redeeming the last 10 units at once: exactly 10 succeed, stock 0, exactly 10 debited', async () => {
    const gift = await createGift(t, operator, { pointsPrice: 120, stock: 10 });
    const members = [];
    for (let i = 0; i < 50; i++) members.push(await memberWithPoints(t, `race-${i}`, 200));
    const results = await Promise.all(
      members.map((m) => redeem(t, m.actor, { giftId: gift.id, clientRequestId: requestId(), fulfilment: 'PICKUP' })),
    );
    const codes = results.map((r) => (r.statusCode === 200 ? 'OK' : r.json<{ code: string }>().code));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(10);
    expect(codes.filter((c) => c !== 'OK')).toEqual(Array.from({ length: 40 }, () => 'GIFT_OUT_OF_STOCK'));
    expect((await ds().getRepository(Gift).findOneByOrFail({ id: gift.id })).stock).toBe(0);

    const ids = members.map((m) => m.id);
    const debits = await ds()
      .getRepository(PointsEntry)
      .findBy({ memberId: In(ids), kind: 'REDEEM' });
    expect(debits).toHaveLength(10);
    expect(new Set(debits.map((e) => e.memberId)).size).toBe(10);
    expect(debits.every((e) => e.points === -120)).toBe(true);
    const loyalty = t.app.get(LoyaltyService);
    const balances = await Promise.all(ids.map(async (id) => (await loyalty.summary(id)).points));
    expect(balances.filter((b) => b === 80)).toHaveLength(10);
    expect(balances.filter((b) => b === 200)).toHaveLength(40);

    const winners = results.filter((r) => r.statusCode === 200).map((r) => r.json<RedemptionView>());
    expect(new Set(winners.map((w) => w.voucher?.pickupCode)).size).toBe(10);
    expect(await ds().getRepository(GiftVoucher).countBy({ giftId: gift.id })).toBe(10);
    expect(await ds().getRepository(GiftRedemption).countBy({ giftId: gift.id, status: 'COMPLETED' })).toBe(10);
    expect((await loyalty.reconcile()).mismatches).toEqual([]);
  });

  it('the same clientRequestId sent 20 times at once: one redemption, one ledger entry, one unit', async () => {
    const gift = await createGift(t, operator, { pointsPrice: 100, stock: 5 });
    const m = await memberWithPoints(t, 'double-tap', 500);
    const clientRequestId = requestId();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => redeem(t, m.actor, { giftId: gift.id, clientRequestId, fulfilment: 'PICKUP' })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array.from({ length: 20 }, () => 200));
    const views = results.map((r) => r.json<RedemptionView>());
    expect(new Set(views.map((v) => v.id)).size).toBe(1);
    expect(new Set(views.map((v) => v.voucher?.pickupCode)).size).toBe(1);
    expect(views.every((v) => v.status === 'COMPLETED')).toBe(true);
    expect(await ds().getRepository(GiftRedemption).countBy({ memberId: m.id })).toBe(1);
    expect(await ds().getRepository(PointsEntry).countBy({ memberId: m.id, kind: 'REDEEM' })).toBe(1);
    expect(await ds().getRepository(GiftVoucher).countBy({ memberId: m.id })).toBe(1);
    expect((await ds().getRepository(Gift).findOneByOrFail({ id: gift.id })).stock).toBe(4);
    expect((await t.app.get(LoyaltyService).summary(m.id)).points).toBe(400);
  });

  it('one member racing several gifts with points for only some: never overspends, stock adds up', async () => {
    const gifts = [];
    for (let i = 0; i < 4; i++) gifts.push(await createGift(t, operator, { pointsPrice: 100, stock: 3 }));
    const m = await memberWithPoints(t, 'greedy', 500);
    const results = await Promise.all(
      gifts.flatMap((g) =>
        Array.from({ length: 3 }, () =>
          redeem(t, m.actor, { giftId: g.id, clientRequestId: requestId(), fulfilment: 'PICKUP' }),
        ),
      ),
    );
    const ok = results.filter((r) => r.statusCode === 200).length;
    expect(ok).toBe(5);
    expect(results.filter((r) => r.statusCode !== 200).map((r) => r.json<{ code: string }>().code)).toEqual(
      Array.from({ length: 7 }, () => 'POINTS_INSUFFICIENT'),
    );
    expect((await t.app.get(LoyaltyService).summary(m.id)).points).toBe(0);
    const stock = await ds()
      .getRepository(Gift)
      .findBy({ id: In(gifts.map((g) => g.id)) });
    expect(stock.reduce((s, g) => s + g.stock, 0)).toBe(12 - 5);
  });
});
