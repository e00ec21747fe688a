import { couponTemplateProblems, fen, PricingError, validateCoupon } from '@tidepool/shared';
import { DomainException } from '../../common/errors/domain.exception';
import type { AdminCouponTemplateDto } from './dto/admin-coupons.requests';

/**
 * The cross-field rules of a template (discount within its threshold, 1–99%, end after start, a valid scope, and
 * what the pricing engine itself would refuse), as one 400 VALIDATION_FAILED naming every field at fault.
 */
export function assertTemplateTerms(body: AdminCouponTemplateDto): void {
  const problems = couponTemplateProblems(body);
  if (!scopeIsValid(body.scope))
    problems.push({ field: 'scope', reason: '适用范围须为全部商品，或选择至少一个类目/商品' });
  if (problems.length === 0) {
    try {
      validateCoupon({
        id: 1,
        version: 'check',
        thresholdFen: fen(body.thresholdFen),
        scope: body.scope,
        stacking: body.stacking,
        validFrom: null,
        validUntil: null,
        ...(body.kind === 'AMOUNT_OFF'
          ? { kind: 'AMOUNT_OFF', amountOffFen: fen(body.amountOffFen ?? 0) }
          : {
              kind: 'PERCENT',
              payRateBp: body.payRateBp ?? 0,
              maxDiscountFen: body.maxDiscountFen ? fen(body.maxDiscountFen) : null,
            }),
      });
    } catch (error) {
      if (!(error instanceof PricingError)) throw error;
      problems.push({ field: 'coupon', reason: error.message });
    }
  }
  if (problems.length > 0) {
    throw new DomainException(
      'VALIDATION_FAILED',
      `请求参数有误：${problems.map((p) => p.reason).join('；')}`,
      problems,
    );
  }
}

/** ALL, or a non-empty list of positive ids for CATEGORIES / PRODUCTS. */
function scopeIsValid(scope: unknown): boolean {
  const s = scope as { kind?: unknown; categoryIds?: unknown; productIds?: unknown };
  const ids = s.kind === 'CATEGORIES' ? s.categoryIds : s.kind === 'PRODUCTS' ? s.productIds : undefined;
  return (
    (s.kind === 'ALL' && Object.keys(s).length === 1) ||
    (Array.isArray(ids) &&
      ids.length > 0 &&
      ids.length <= 500 &&
      ids.every((id) => Number.isSafeInteger(id) && (id as number) > 0) &&
      Object.keys(s).length === 2)
  );
}
