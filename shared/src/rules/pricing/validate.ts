/**
 * Guards on the engine's input. The server validates requests at the edge; these checks stop a bad rule row or a
 * programming error from ever producing a wrong price (a fractional fen, a negative quantity, a 120% discount).
 */
import { BASIS_POINTS, type Coupon, type ItemPromotion, PricingError, type QuoteInput } from './types';

function check(ok: boolean, message: string): void {
  if (!ok) throw new PricingError('VALIDATION_FAILED', message);
}

const isAmount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 1;
const isRate = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= BASIS_POINTS;

export function validatePromotion(p: ItemPromotion): void {
  if (p.kind === 'MULTI_BUY') {
    check(isCount(p.groupSize), `promotion ${p.id}: groupSize must be a positive integer`);
    check(isRate(p.payRateBp), `promotion ${p.id}: payRateBp must be 0..${BASIS_POINTS}`);
  } else {
    check(isAmount(p.addOnPriceFen), `promotion ${p.id}: addOnPriceFen must be a non-negative integer`);
    check(isAmount(p.thresholdFen), `promotion ${p.id}: thresholdFen must be a non-negative integer`);
    check(isCount(p.maxQuantity), `promotion ${p.id}: maxQuantity must be a positive integer`);
  }
}

export function validateCoupon(c: Coupon): void {
  check(isAmount(c.thresholdFen), `coupon ${c.id}: thresholdFen must be a non-negative integer`);
  for (const instant of [c.validFrom, c.validUntil]) {
    check(instant === null || !Number.isNaN(Date.parse(instant)), `coupon ${c.id}: bad validity instant ${instant}`);
  }
  if (c.kind === 'AMOUNT_OFF') {
    check(isCount(c.amountOffFen), `coupon ${c.id}: amountOffFen must be a positive integer`);
  } else {
    check(isRate(c.payRateBp), `coupon ${c.id}: payRateBp must be 0..${BASIS_POINTS}`);
    check(c.maxDiscountFen === null || isAmount(c.maxDiscountFen), `coupon ${c.id}: maxDiscountFen must be >= 0`);
  }
}

export function validateQuoteInput(input: QuoteInput): void {
  input.lines.forEach((line, i) => {
    check(isAmount(line.unitPriceFen), `line ${i}: unitPriceFen must be a non-negative integer`);
    check(isCount(line.quantity), `line ${i}: quantity must be a positive integer`);
  });
  if (input.member) {
    const day = input.member.localWeekday;
    check(Number.isInteger(day) && day >= 0 && day <= 6, 'member.localWeekday must be 0..6');
  }
  const promotionIds = new Set<string>();
  for (const p of input.promotions ?? []) {
    check(!promotionIds.has(p.id), `promotion ${p.id} is listed twice`);
    promotionIds.add(p.id);
    validatePromotion(p);
  }
  const couponIds = new Set<number>();
  for (const c of input.coupons ?? []) {
    check(!couponIds.has(c.id), `coupon ${c.id} is selected twice`);
    couponIds.add(c.id);
    validateCoupon(c);
  }
}
