/**
 * The one rounding rule for percentages: a rate is basis points of the price PAID (8800 = 88折), and the discount
 * is rounded DOWN to the fen, so a percentage never gives away a fraction of a fen the promise did not make
 * (the buyer pays the exact product, rounded up). BigInt keeps amount × rate exact at any size.
 */
import { fen, type Fen } from '../../money/fen';
import { BASIS_POINTS } from './types';

/** Fen off `amountFen` when paying `payRateBp` of it: floor(amount × (10000 − rate) / 10000). */
export function discountAtRate(amountFen: Fen, payRateBp: number): Fen {
  const offBp = BigInt(BASIS_POINTS - payRateBp);
  return fen(Number((BigInt(amountFen) * offBp) / BigInt(BASIS_POINTS)));
}
