/**
 * Chinese labels for the breakdown ("会员日满68减8", "满99减20", "2件79折"). Generated from the rule's numbers so a
 * changed threshold can never leave a stale label behind; a promotion or coupon may still carry its own name.
 */
import type { Fen } from '../../money/fen';
import type { AddOnPromotion, Coupon, MultiBuyPromotion } from './types';

/** Yuan without a currency sign or trailing zeros: 6800 → "68", 850 → "8.5", 805 → "8.05". */
export function yuanText(amount: Fen | number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const cents = abs % 100;
  const decimals = cents === 0 ? '' : cents % 10 === 0 ? `.${cents / 10}` : `.${cents.toString().padStart(2, '0')}`;
  return `${sign}${Math.floor(abs / 100)}${decimals}`;
}

/** A pay rate as 折: 9000 → "9折", 8800 → "88折", 7900 → "79折", 8850 → "8.85折". */
export function zheText(payRateBp: number): string {
  if (payRateBp % 1000 === 0) return `${payRateBp / 1000}折`;
  if (payRateBp % 100 === 0) return `${payRateBp / 100}折`;
  return `${payRateBp / 1000}折`;
}

export function memberDayLabel(thresholdFen: number, discountFen: Fen): string {
  return `会员日满${yuanText(thresholdFen)}减${yuanText(discountFen)}`;
}

export function multiBuyLabel(promotion: MultiBuyPromotion): string {
  return promotion.label ?? `${promotion.groupSize}件${zheText(promotion.payRateBp)}`;
}

export function addOnLabel(promotion: AddOnPromotion): string {
  if (promotion.label) return promotion.label;
  const price = `加${yuanText(promotion.addOnPriceFen)}元换购`;
  return promotion.thresholdFen > 0 ? `满${yuanText(promotion.thresholdFen)}${price}` : price;
}

/** "满99减20", "无门槛减8", "88折", "满99享88折", "88折（最高减20）". */
export function couponLabel(coupon: Coupon): string {
  if (coupon.name) return coupon.name;
  const threshold = coupon.thresholdFen > 0 ? `满${yuanText(coupon.thresholdFen)}` : '';
  if (coupon.kind === 'AMOUNT_OFF') return `${threshold || '无门槛'}减${yuanText(coupon.amountOffFen)}`;
  const cap = coupon.maxDiscountFen === null ? '' : `（最高减${yuanText(coupon.maxDiscountFen)}）`;
  return `${threshold ? `${threshold}享` : ''}${zheText(coupon.payRateBp)}${cap}`;
}
