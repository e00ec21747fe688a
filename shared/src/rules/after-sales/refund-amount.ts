import { allocate } from '../../money/allocate';
import { fen } from '../../money/fen';

/** What a line has given back or holds for after-sales so far (refunded plus reserved by open after-sales). */
export interface LineRefundUsage {
  /** Units bought. */
  quantity: number;
  /** What the line paid after every discount. */
  paidFen: number;
  /** Units refunded or held by open after-sales. */
  usedQuantity: number;
  /** Their amount. */
  usedFen: number;
}

/** Units of the line still free for a new after-sale. */
export function refundableQuantity(line: LineRefundUsage): number {
  return Math.max(0, line.quantity - line.usedQuantity);
}

/**
 * The refund for `units` more units of a line: what the line has not yet given back, spread over its remaining
 * units by largest remainder (shared `allocate`), and the first `units` shares taken. The first application on
 * a line gets exactly the line's per-unit shares (1001 fen over 3 units: 334, 334, 333); later ones share what
 * is left, so every after-sale of a line together never exceeds its paidFen and the last unit takes the rest.
 * Throws a RangeError for units outside 1..refundableQuantity.
 */
export function refundAmountFor(line: LineRefundUsage, units: number): number {
  const remaining = refundableQuantity(line);
  if (!Number.isSafeInteger(units) || units < 1 || units > remaining) {
    throw new RangeError(`units must be 1..${remaining}, got ${units}`);
  }
  const left = Math.max(0, line.paidFen - line.usedFen);
  if (units === remaining) return left;
  return allocate(fen(left), new Array<number>(remaining).fill(1))
    .slice(0, units)
    .reduce((sum, part) => sum + part, 0);
}
