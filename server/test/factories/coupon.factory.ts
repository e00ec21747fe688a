import { getDataSourceToken } from '@nestjs/typeorm';
import type { CouponTemplateRequest } from '@tidepool/shared';
import type { DataSource } from 'typeorm';
import type { CouponTemplate } from '../../src/modules/coupons/coupon-template.entity';
import { CouponTemplatesService } from '../../src/modules/coupons/coupon-templates.service';
import { CouponsService } from '../../src/modules/coupons/coupons.service';
import { MemberCoupon } from '../../src/modules/coupons/member-coupon.entity';
import type { TestApp } from '../support/test-app';
import { unique } from './unique';

/** A template of its own (a stackable ¥10 off without threshold, valid 30 days, unless told otherwise). */
export function createCouponTemplate(
  t: TestApp,
  overrides: Partial<CouponTemplateRequest> = {},
): Promise<CouponTemplate> {
  const code = overrides.code ?? unique('COUPON').toUpperCase().replace(/-/g, '_');
  return t.app.get(CouponTemplatesService).upsert({
    code,
    name: `测试券 ${code}`,
    kind: 'AMOUNT_OFF',
    amountOffFen: 1000,
    thresholdFen: 0,
    scope: { kind: 'ALL' },
    stacking: 'STACKABLE',
    validDays: 30,
    ...overrides,
  });
}

/** Issues the template to the member (a unique issue key, so every call is a new coupon); answers its id. */
export async function issueCoupon(t: TestApp, template: CouponTemplate, memberId: number): Promise<number> {
  const issueKey = unique(`factory:${template.code}`);
  await t.app.get(CouponsService).issue(template, [{ memberId, issueKey }]);
  const row = await t.app
    .get<DataSource>(getDataSourceToken())
    .getRepository(MemberCoupon)
    .findOneByOrFail({ issueKey });
  return row.id;
}
