import { DEFAULT_BRAND_RULES, draftOf } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import { draftToForm, fieldErrorsFor, formFieldOf, formToDraft, FormFieldError } from './rules-form';

describe('the 新建版本 form', () => {
  it('round-trips a draft through the yuan and points-per-yuan the operator types', () => {
    const draft = draftOf(DEFAULT_BRAND_RULES);
    expect(formToDraft(draftToForm(draft))).toEqual(draft);
  });

  it('reads ¥58 as 5800 fen and 1.5 points per yuan as 15 tenths', () => {
    const form = draftToForm(draftOf(DEFAULT_BRAND_RULES));
    form.memberDayThresholdYuan = '58';
    form.tiers[1].pointsPerYuan = 1.5;
    const draft = formToDraft(form);
    expect(draft.memberDay.thresholdFen).toBe(5800);
    expect(draft.tiers[1].pointsPerYuanTenths).toBe(15);
  });

  it('names the form field of an amount it cannot read', () => {
    const form = draftToForm(draftOf(DEFAULT_BRAND_RULES));
    form.tiers[2].memberDayDiscountYuan = '1.234';
    expect(() => formToDraft(form)).toThrow(FormFieldError);
  });

  it('puts the server’s field errors on the form’s fields', () => {
    expect(formFieldOf('draft.tiers.0.memberDayDiscountFen')).toEqual(['tiers', 0, 'memberDayDiscountYuan']);
    expect(formFieldOf('draft.memberDay.thresholdFen')).toEqual(['memberDayThresholdYuan']);
    expect(formFieldOf('effectiveFrom')).toEqual(['effectiveDate']);
    expect(
      fieldErrorsFor([
        { field: 'draft.tiers.2.minGrowth', reason: '等级成长值须逐级递增' },
        { field: 'draft.tiers.2.minGrowth', reason: 'second reason' },
      ]),
    ).toEqual([{ name: ['tiers', 2, 'minGrowth'], errors: ['等级成长值须逐级递增'] }]);
  });

  it('reads commission percent as basis points and withdrawal yuan as fen, and names their fields', () => {
    const form = draftToForm(draftOf(DEFAULT_BRAND_RULES));
    form.commissionDirectPercent = 12.5;
    form.withdrawReviewThresholdYuan = '300';
    form.signupGiftEnabled = false;
    const draft = formToDraft(form);
    expect(draft.distribution).toMatchObject({ directRateBp: 1250, withdrawReviewThresholdFen: 30000 });
    expect(draft.signupGift?.enabled).toBe(false);
    expect(formFieldOf('draft.distribution.indirectRateBp')).toEqual(['commissionIndirectPercent']);
    expect(formFieldOf('draft.signupGift.validDays')).toEqual(['signupGiftValidDays']);
    form.withdrawMinYuan = 'abc';
    expect(() => formToDraft(form)).toThrow(FormFieldError);
  });
});
