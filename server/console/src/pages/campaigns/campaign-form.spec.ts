import { DEFAULT_GROWTH_RULES, goldenWindowCampaign } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import { formFieldErrors, NEW_CAMPAIGN, toCampaignRequest, toFormValues, triggerText } from './campaign-form';

describe('campaign form', () => {
  it('turns yuan and percentages into fen and basis points', () => {
    const request = toCampaignRequest({
      ...NEW_CAMPAIGN,
      name: ' 新客复购 ',
      minPaidYuan: 34.99,
      couponTemplateId: 3,
      budgetYuan: 1000,
      budgetCount: 200,
      holdoutPercent: 12.5,
    });
    expect(request).toEqual({
      name: '新客复购',
      definition: {
        trigger: {
          kind: 'ORDER_PAID',
          minPaidFen: 3499,
          paymentMethod: 'WECHAT_PAY',
          categoryId: null,
          minItems: null,
          goldenWindowDays: 14,
        },
        action: { kind: 'ISSUE_COUPON', couponTemplateId: 3, validDays: 7 },
        limits: { perMember: null, budgetFen: 100_000, budgetCount: 200, startsAt: null, endsAt: null },
        holdoutBp: 1250,
      },
    });
  });

  it('reads a stored definition back into the same form', () => {
    const definition = goldenWindowCampaign(9, DEFAULT_GROWTH_RULES);
    const values = toFormValues({ name: '黄金期', definition });
    expect(values).toMatchObject({ minPaidYuan: 35, paymentMethod: 'WECHAT_PAY', goldenWindowDays: 14, validDays: 7 });
    expect(toCampaignRequest(values).definition).toEqual({
      ...definition,
      trigger: { ...definition.trigger, categoryId: null, minItems: null },
    });
    expect(triggerText(definition)).toBe('实付满 35.00 元 · 微信支付 · 首购 14 天内');
  });

  it('puts the server’s field errors beside their inputs', () => {
    expect(
      formFieldErrors({ 'limits.budgetFen': '预算无效', 'limits.endsAt': '结束须晚于开始', unknown: 'x' }),
    ).toEqual([
      { name: 'budgetYuan', errors: ['预算无效'] },
      { name: 'range', errors: ['结束须晚于开始'] },
    ]);
  });
});
