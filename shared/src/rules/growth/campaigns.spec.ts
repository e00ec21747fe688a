import { describe, expect, it } from 'vitest';
import {
  type CampaignDefinition,
  type CampaignFact,
  campaignDefinitionProblems,
  campaignTriggerMatches,
  goldenWindowCampaign,
  judgeCampaign,
} from './campaigns';
import { DEFAULT_GROWTH_RULES } from './growth-rules';
import { holdoutBucket } from './holdout';

const DAY = 86_400_000;
const first = new Date('2026-12-01T02:00:00Z');
const golden = goldenWindowCampaign(7, DEFAULT_GROWTH_RULES);

const sale = (over: Partial<Extract<CampaignFact, { kind: 'ORDER_PAID' }>> = {}): CampaignFact => ({
  kind: 'ORDER_PAID',
  paidAt: new Date(first.getTime() + 3 * DAY),
  paidFen: 3500,
  paymentMethod: 'WECHAT_PAY',
  firstPurchaseAt: first,
  categoryItems: null,
  ...over,
});

describe('campaign trigger matcher', () => {
  it('the golden window: ¥35 by WeChat Pay within 14 days of the first purchase', () => {
    expect(campaignTriggerMatches(golden.trigger, sale())).toBe(true);
    expect(campaignTriggerMatches(golden.trigger, sale({ paidFen: 3499 }))).toBe(false);
    expect(campaignTriggerMatches(golden.trigger, sale({ paymentMethod: 'CASH' }))).toBe(false);
    expect(campaignTriggerMatches(golden.trigger, sale({ paymentMethod: 'UNSPECIFIED' }))).toBe(false);
    // The first purchase itself opens the window; its last instant is included, the next millisecond is not.
    expect(campaignTriggerMatches(golden.trigger, sale({ paidAt: first, firstPurchaseAt: null }))).toBe(true);
    expect(campaignTriggerMatches(golden.trigger, sale({ paidAt: new Date(first.getTime() + 14 * DAY) }))).toBe(true);
    expect(campaignTriggerMatches(golden.trigger, sale({ paidAt: new Date(first.getTime() + 14 * DAY + 1) }))).toBe(
      false,
    );
  });

  it('without a golden window or method, any paid purchase over the minimum matches', () => {
    const trigger = { kind: 'ORDER_PAID' as const, minPaidFen: 0, paymentMethod: null };
    expect(
      campaignTriggerMatches(trigger, sale({ paymentMethod: 'CASH', paidAt: new Date(first.getTime() + 99 * DAY) })),
    ).toBe(true);
  });

  it('a category condition needs that many items of the category, and never holds for a till sale', () => {
    const trigger = { kind: 'ORDER_PAID' as const, minPaidFen: 0, paymentMethod: null, categoryId: 3, minItems: 2 };
    expect(campaignTriggerMatches(trigger, sale({ categoryItems: { 3: 2 } }))).toBe(true);
    expect(campaignTriggerMatches(trigger, sale({ categoryItems: { 3: 1, 4: 5 } }))).toBe(false);
    expect(campaignTriggerMatches(trigger, sale({ categoryItems: null }))).toBe(false);
  });

  it('other triggers match their own kind, a stage only its stage', () => {
    const at = new Date();
    expect(campaignTriggerMatches({ kind: 'SIGNED_UP' }, { kind: 'SIGNED_UP', at })).toBe(true);
    expect(campaignTriggerMatches({ kind: 'SIGNED_UP' }, { kind: 'BIRTHDAY', at })).toBe(false);
    expect(
      campaignTriggerMatches(
        { kind: 'STAGE_ENTERED', stage: 'GROWTH' },
        { kind: 'STAGE_ENTERED', stage: 'GROWTH', at },
      ),
    ).toBe(true);
    expect(
      campaignTriggerMatches(
        { kind: 'STAGE_ENTERED', stage: 'GROWTH' },
        { kind: 'STAGE_ENTERED', stage: 'DECLINE', at },
      ),
    ).toBe(false);
  });
});

describe('judging a campaign', () => {
  it('is closed before its start and from its end', () => {
    const def: CampaignDefinition = {
      ...golden,
      limits: { ...golden.limits, startsAt: '2026-12-02T00:00:00.000Z', endsAt: '2026-12-10T00:00:00.000Z' },
    };
    expect(judgeCampaign('k', def, 1, sale({ paidAt: new Date('2026-12-01T23:59:59Z') }))).toBe('CLOSED');
    expect(judgeCampaign('k', def, 1, sale({ paidAt: new Date('2026-12-02T00:00:00Z') }))).toBe('QUALIFIES');
    expect(judgeCampaign('k', def, 1, sale({ paidAt: new Date('2026-12-10T00:00:00Z') }))).toBe('CLOSED');
    expect(judgeCampaign('k', def, 1, sale({ paidFen: 1 }))).toBe('NO_MATCH');
  });

  it('holds out exactly the members whose bucket for the campaign key is below the share', () => {
    const def = { ...golden, holdoutBp: 2000 };
    let held = 0;
    for (let member = 1; member <= 2000; member++) {
      const verdict = judgeCampaign('golden', def, member, sale());
      expect(verdict).toBe(holdoutBucket(member, 'golden') < 2000 ? 'HELD_OUT' : 'QUALIFIES');
      if (verdict === 'HELD_OUT') held++;
    }
    expect(held).toBeGreaterThan(300);
    expect(held).toBeLessThan(500);
  });
});

describe('campaign definition validation', () => {
  it('accepts the shipped golden-window campaign', () => {
    expect(campaignDefinitionProblems(golden)).toEqual([]);
  });

  it('names each field at fault', () => {
    const bad = {
      trigger: { kind: 'ORDER_PAID', minPaidFen: -1, paymentMethod: 'UNSPECIFIED', categoryId: 3, goldenWindowDays: 0 },
      action: { kind: 'ISSUE_COUPON', couponTemplateId: 0, validDays: 0 },
      limits: {
        perMember: 0,
        budgetFen: -5,
        budgetCount: 1.5,
        startsAt: '2026-12-10T00:00:00Z',
        endsAt: '2026-12-01T00:00:00Z',
      },
      holdoutBp: 6000,
    } as unknown as CampaignDefinition;
    expect(campaignDefinitionProblems(bad).map((p) => p.field)).toEqual([
      'trigger.minPaidFen',
      'trigger.paymentMethod',
      'trigger.minItems',
      'trigger.goldenWindowDays',
      'action.couponTemplateId',
      'action.validDays',
      'limits.perMember',
      'limits.budgetFen',
      'limits.budgetCount',
      'limits.endsAt',
      'holdoutBp',
    ]);
    expect(
      campaignDefinitionProblems({ ...golden, trigger: { kind: 'STAGE_ENTERED', stage: 'NOPE' } }).map((p) => p.field),
    ).toEqual(['trigger.stage']);
    expect(
      campaignDefinitionProblems({ ...golden, action: { kind: 'GRANT_POINTS', points: 0 } }).map((p) => p.field),
    ).toEqual(['action.points']);
    expect(
      campaignDefinitionProblems({ ...golden, limits: { ...golden.limits, startsAt: 'tomorrow' } }).map((p) => p.field),
    ).toEqual(['limits.startsAt']);
  });
});
