import { describe, expect, it } from 'vitest';
import { couponTemplateProblems, parsePhoneList } from './template-rules';

const base = { kind: 'AMOUNT_OFF' as const, amountOffFen: 2000, thresholdFen: 9900, validDays: 30 };

describe('couponTemplateProblems', () => {
  it('accepts 满99减20 valid 30 days', () => {
    expect(couponTemplateProblems(base)).toEqual([]);
  });

  it('refuses a discount above its threshold, naming amountOffFen', () => {
    expect(couponTemplateProblems({ ...base, amountOffFen: 10_000 })).toEqual([
      { field: 'amountOffFen', reason: '优惠金额不能超过使用门槛' },
    ]);
  });

  it('allows any amount without a threshold (无门槛)', () => {
    expect(couponTemplateProblems({ ...base, thresholdFen: 0, amountOffFen: 10_000 })).toEqual([]);
  });

  it('keeps a percent coupon between 1% and 99%', () => {
    const pct = { kind: 'PERCENT' as const, thresholdFen: 0, validDays: 7 };
    expect(couponTemplateProblems({ ...pct, payRateBp: 8800 })).toEqual([]);
    expect(couponTemplateProblems({ ...pct, payRateBp: 10_000 }).map((p) => p.field)).toEqual(['payRateBp']);
    expect(couponTemplateProblems({ ...pct, payRateBp: 50 }).map((p) => p.field)).toEqual(['payRateBp']);
  });

  it('wants the end after the start for fixed dates', () => {
    const dates = { ...base, validDays: null, validFrom: '2026-12-10T00:00:00Z' };
    expect(couponTemplateProblems({ ...dates, validUntil: '2026-12-09T00:00:00Z' })).toEqual([
      { field: 'validUntil', reason: '结束时间须晚于开始时间' },
    ]);
    expect(couponTemplateProblems({ ...dates, validUntil: '2026-12-11T00:00:00Z' })).toEqual([]);
  });
});

describe('parsePhoneList', () => {
  it('splits, normalises, de-duplicates and reports what is not a phone', () => {
    expect(parsePhoneList('138 0013 8000\n13800138000, 139-0000-0001、abc\n\n')).toEqual({
      phones: ['13800138000', '13900000001'],
      invalid: ['abc'],
    });
  });
});
