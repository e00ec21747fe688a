import type { AdminCouponTemplateView } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import { formFieldErrors, NEW_COUPON, toFormValues, toTemplateRequest, validityText } from './coupon-form';

const ZONE = 'Asia/Shanghai';

describe('toTemplateRequest', () => {
  it('turns 满99减20, 30 days after issue, into fen', () => {
    const request = toTemplateRequest(
      { ...NEW_COUPON, name: ' 满99减20 ', amountOffYuan: 20, thresholdYuan: 99, claimable: true, claimTotal: 500 },
      ZONE,
    );
    expect(request).toEqual({
      name: '满99减20',
      kind: 'AMOUNT_OFF',
      amountOffFen: 2000,
      payRateBp: null,
      maxDiscountFen: null,
      thresholdFen: 9900,
      scope: { kind: 'ALL' },
      stacking: 'EXCLUSIVE',
      validDays: 30,
      validFrom: null,
      validUntil: null,
      claimable: true,
      claimPerMember: 1,
      claimTotal: 500,
    });
  });

  it('turns 打88折 with a cap, no threshold, on two categories, for fixed brand-zone days', () => {
    const request = toTemplateRequest(
      {
        ...NEW_COUPON,
        name: '88折',
        kind: 'PERCENT',
        payPercent: 88,
        maxDiscountYuan: 50,
        thresholdMode: 'NONE',
        thresholdYuan: 99,
        scopeKind: 'CATEGORIES',
        scopeIds: [3, 4],
        validity: 'DATES',
        validRange: ['2026-12-06', '2026-12-31'],
      },
      ZONE,
    );
    expect(request).toMatchObject({
      kind: 'PERCENT',
      amountOffFen: null,
      payRateBp: 8800,
      maxDiscountFen: 5000,
      thresholdFen: 0,
      scope: { kind: 'CATEGORIES', categoryIds: [3, 4] },
      validDays: null,
      validFrom: '2026-12-05T16:00:00.000Z',
      validUntil: '2026-12-31T16:00:00.000Z',
    });
  });
});

describe('toFormValues', () => {
  it('round-trips a fixed-date template, showing the last day included', () => {
    const view = {
      id: 1,
      code: 'T1',
      name: '冬季券',
      label: '满99减20',
      status: 'ACTIVE',
      version: 1,
      kind: 'AMOUNT_OFF',
      amountOffFen: 2000,
      payRateBp: null,
      maxDiscountFen: null,
      thresholdFen: 9900,
      scope: { kind: 'PRODUCTS', productIds: [7] },
      stacking: 'STACKABLE',
      validDays: 26,
      validFrom: '2026-12-05T16:00:00.000Z',
      validUntil: '2026-12-31T16:00:00.000Z',
      claimable: false,
      claimPerMember: 1,
      claimTotal: null,
      claimedCount: 0,
      createdAt: '2026-12-01T00:00:00.000Z',
    } satisfies AdminCouponTemplateView;
    const values = toFormValues(view, ZONE);
    expect(values).toMatchObject({
      amountOffYuan: 20,
      thresholdMode: 'MIN',
      thresholdYuan: 99,
      scopeKind: 'PRODUCTS',
      scopeIds: [7],
      validity: 'DATES',
      validRange: ['2026-12-06', '2026-12-31'],
    });
    expect(toTemplateRequest(values, ZONE)).toMatchObject({
      validFrom: view.validFrom,
      validUntil: view.validUntil,
      amountOffFen: 2000,
      thresholdFen: 9900,
    });
    expect(validityText(view, ZONE)).toBe('2026-12-06 至 2026-12-31');
  });
});

describe('formFieldErrors', () => {
  it('puts the server’s field errors on the inputs that hold them', () => {
    expect(
      formFieldErrors({ amountOffFen: '优惠金额不能超过使用门槛', validUntil: '结束时间须晚于开始时间', unknown: 'x' }),
    ).toEqual([
      { name: 'amountOffYuan', errors: ['优惠金额不能超过使用门槛'] },
      { name: 'validRange', errors: ['结束时间须晚于开始时间'] },
    ]);
  });
});
