import { allocate } from '../../money/allocate';
import { fen } from '../../money/fen';

/** 10000 basis points = 100%. */
export const BP = 10_000;
export const MAX_COMMISSION_LEVELS = 2;

export interface CommissionRates {
  /** First level (the promoter the buyer is bound to). */
  rateBp: number;
  /** Second level (that promoter's inviter); 0 for none. */
  secondRateBp: number;
}

/** Both rates are integers in 0..max and together at most `maxTotalBp` (default 50%). */
export function validRates(rates: CommissionRates, maxTotalBp = 5_000): boolean {
  const ok = (r: number) => Number.isSafeInteger(r) && r >= 0 && r <= maxTotalBp;
  return ok(rates.rateBp) && ok(rates.secondRateBp) && rates.rateBp + rates.secondRateBp <= maxTotalBp;
}

export interface CommissionLineInput {
  /** The line's allocated paid amount (after all discounts, shipping excluded). */
  paidFen: number;
  rateBp: number;
}

/**
 * Commission of one line at one level: the rate times the paid amount, rounded down to the fen, so no line ever
 * earns more than rate × paid.
 */
export function lineCommission(paidFen: number, rateBp: number): number {
  if (!Number.isSafeInteger(paidFen) || paidFen < 0) throw new RangeError(`paidFen must be a non-negative integer`);
  if (!Number.isSafeInteger(rateBp) || rateBp < 0 || rateBp > BP) throw new RangeError(`rateBp out of range`);
  return Number((BigInt(paidFen) * BigInt(rateBp)) / BigInt(BP));
}

/** Per-line commissions of an order at one level. */
export function orderCommissions(lines: readonly CommissionLineInput[]): number[] {
  return lines.map((l) => lineCommission(l.paidFen, l.rateBp));
}

/**
 * How much of a line's commission has been reversed once `refundedFen` of its `paidFen` went back: the promoter
 * keeps rate-proportional commission on what was not refunded, rounded down, so the cumulative reversal is
 * monotone, in proportion, and reaches the whole commission exactly when the whole line is refunded. Apply it to
 * the cumulative refunded amount and subtract what was reversed before, so several partial refunds add up.
 */
export function reversedCommission(commissionFen: number, paidFen: number, refundedFen: number): number {
  if (refundedFen <= 0 || commissionFen <= 0) return 0;
  if (refundedFen >= paidFen) return commissionFen;
  const kept = Number((BigInt(commissionFen) * BigInt(paidFen - refundedFen)) / BigInt(paidFen));
  return commissionFen - kept;
}

/**
 * Spreads an order-level refund over the lines by the largest-remainder method, weighted by what each line can
 * still give back, so the parts sum to exactly `refundFen` and none exceeds its line's remaining amount.
 */
export function allocateRefund(refundFen: number, remainingFen: readonly number[]): number[] {
  const total = remainingFen.reduce((s, r) => s + r, 0);
  if (refundFen > total) throw new RangeError('refund exceeds what the lines can give back');
  return allocate(fen(refundFen), remainingFen).map(Number);
}

/**
 * The commission a promoter can expect from a sale at `priceFen` (for materials and the product page): rounded down.
 */
export function estimatedCommission(priceFen: number, rateBp: number): number {
  return lineCommission(Math.max(0, priceFen), rateBp);
}
