import { growthForPaidFen, isBirthday, localCalendar, pointsForPurchase } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { GrowthEntry } from '../../src/modules/loyalty/growth-entry.entity';
import { MemberTier } from '../../src/modules/loyalty/member-tier.entity';
import { TierChange } from '../../src/modules/loyalty/tier-change.entity';
import { useLoyalty } from '../support/loyalty-module';

const clock = new TestClock(new Date('2026-03-05T02:00:00Z'));
const harness = useLoyalty(clock);

let nextMember = 2000;
const newMember = () => ++nextMember;
const purchase = (memberId: number, id: string, growth: number) =>
  harness.loyalty.addGrowth(memberId, {
    sourceType: 'order',
    sourceId: `${memberId}-${id}`,
    growth,
    reason: '购物获得成长值',
  });
const refund = (memberId: number, id: string) =>
  harness.loyalty.reverseGrowth(memberId, { sourceType: 'order', sourceId: `${memberId}-${id}` });
const changes = (memberId: number) =>
  harness.ds.getRepository(TierChange).find({ where: { memberId }, order: { id: 'ASC' } });

describe('growth and tiers', () => {
  it('raises the tier at 3000 and 6000, recording each change', async () => {
    const m = newMember();
    expect(await purchase(m, 'a', 2999)).toMatchObject({ growthAfter: 2999, tier: 'NORMAL', tierChange: null });
    expect(await purchase(m, 'b', 1)).toMatchObject({
      growthAfter: 3000,
      tier: 'SILVER',
      tierChange: { from: 'NORMAL', to: 'SILVER' },
    });
    await purchase(m, 'c', 3000);
    expect(await harness.loyalty.summary(m)).toMatchObject({ growth: 6000, tier: 'GOLD' });
    expect((await changes(m)).map((c) => [c.fromTier, c.toTier, c.growthAfter])).toEqual([
      ['NORMAL', 'SILVER', 3000],
      ['SILVER', 'GOLD', 6000],
    ]);
  });

  it('a refund reverses the purchase’s growth and can lower the tier, recorded too', async () => {
    const m = newMember();
    await purchase(m, 'big', 5000);
    await purchase(m, 'small', 1500);
    expect((await harness.loyalty.summary(m)).tier).toBe('GOLD');
    const reversal = await refund(m, 'big');
    expect(reversal).toMatchObject({
      growth: -5000,
      growthAfter: 1500,
      tier: 'NORMAL',
      tierChange: { from: 'GOLD', to: 'NORMAL' },
    });
    expect(await harness.loyalty.summary(m)).toMatchObject({ growth: 1500, tier: 'NORMAL' });
    expect((await changes(m)).map((c) => c.toTier)).toEqual(['SILVER', 'GOLD', 'NORMAL']);
    const reasons = (
      await harness.ds.getRepository(GrowthEntry).find({ where: { memberId: m }, order: { id: 'ASC' } })
    ).map((e) => [e.kind, e.growth, e.reason]);
    expect(reasons).toEqual([
      ['EARN', 5000, '购物获得成长值'],
      ['EARN', 1500, '购物获得成长值'],
      ['REVERSE', -5000, '退款扣回成长值'],
    ]);
  });

  it('is idempotent: a repeated award or refund answers the first result', async () => {
    const m = newMember();
    const first = await purchase(m, 'x', 3500);
    expect(await purchase(m, 'x', 3500)).toEqual({ ...first, replayed: true });
    const undo = await refund(m, 'x');
    expect(await refund(m, 'x')).toEqual({ ...undo, replayed: true });
    await expect(purchase(m, 'x', 10)).rejects.toMatchObject({ code: 'LOYALTY_REQUEST_CONFLICT' });
    expect(await harness.ds.getRepository(GrowthEntry).countBy({ memberId: m })).toBe(2);
    expect(await changes(m)).toHaveLength(2);
  });

  it('refuses a refund of an unknown purchase and more than a purchase earned', async () => {
    const m = newMember();
    await expect(refund(m, 'ghost')).rejects.toMatchObject({ code: 'LOYALTY_SOURCE_NOT_FOUND', status: 404 });
    await purchase(m, 'p', 100);
    const earnedBy = { sourceType: 'order', sourceId: `${m}-p` };
    await expect(
      harness.loyalty.reverseGrowth(m, { sourceType: 'refund', sourceId: `${m}-r`, growth: 101, earnedBy }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      harness.loyalty.addGrowth(m, { sourceType: 'order', sourceId: `${m}-z`, growth: -1, reason: 'x' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('reconcile reports a tier or growth that disagrees with the ledger', async () => {
    const m = newMember();
    await purchase(m, 't', 3200);
    expect((await harness.loyalty.reconcile()).mismatches).toEqual([]);
    await harness.ds.getRepository(MemberTier).update({ memberId: m }, { tier: 'GOLD' });
    expect((await harness.loyalty.reconcile()).mismatches).toEqual([
      { memberId: m, check: 'TIER', recorded: 'GOLD', expected: 'SILVER' },
    ]);
    await harness.ds.getRepository(MemberTier).update({ memberId: m }, { tier: 'SILVER', growth: 3300 });
    expect((await harness.loyalty.reconcile()).mismatches).toEqual([
      { memberId: m, check: 'GROWTH_SUM', recorded: 3300, expected: 3200 },
    ]);
    await harness.ds.getRepository(MemberTier).update({ memberId: m }, { growth: 3200 });
  });
});

describe('a purchase awarded and refunded through the rules in shared', () => {
  it('a silver member’s ¥80 purchase on their birthday earns double points and 800 growth; the refund undoes both', async () => {
    const m = newMember();
    await purchase(m, 'before', 3000);
    const now = clock.now();
    const local = localCalendar(now, 'Asia/Shanghai');
    const { tier } = await harness.loyalty.summary(m);
    const birthday = isBirthday('03-05', local.monthDay, local.year);
    const points = pointsForPurchase({ paidFen: 8000, tier, birthday });
    expect({ tier, birthday, points }).toEqual({ tier: 'SILVER', birthday: true, points: 240 });

    const sale = { sourceType: 'pos_sale', sourceId: `${m}-1` };
    await harness.loyalty.earn(m, { ...sale, points, reason: '生日双倍积分' });
    await harness.loyalty.addGrowth(m, { ...sale, growth: growthForPaidFen(8000), reason: '门店消费获得成长值' });
    expect(await harness.loyalty.summary(m)).toMatchObject({ points: 240, growth: 3800, tier: 'SILVER' });

    await harness.loyalty.reverse(m, sale);
    await harness.loyalty.reverseGrowth(m, sale);
    expect(await harness.loyalty.summary(m)).toMatchObject({ points: 0, debt: 0, growth: 3000, tier: 'SILVER' });
  });
});
