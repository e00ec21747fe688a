import { fen, type Fen, MoneyError } from './fen';

/**
 * Splits `total` fen across parts in proportion to `weights` by the largest-remainder method, so the parts
 * always sum to exactly `total`. Used to spread an order-level discount over lines (partial refunds and
 * commissions then work per line without losing or inventing a fen).
 *
 * - Weights are non-negative integers (typically line amounts in fen); at least one must be positive,
 *   unless `total` is 0.
 * - Ties in the remainder go to the earlier part, so the result is deterministic.
 * - A negative total is allocated as the negation of allocating its absolute value.
 */
export function allocate(total: Fen, weights: readonly number[]): Fen[] {
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new MoneyError('cannot allocate a non-zero amount across no parts');
  }
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new MoneyError(`weights must be non-negative integers, got ${w}`);
  }
  // `0 - part`, not `-part`: a zero share must stay +0, never -0.
  if (total < 0) return allocate(fen(0 - total), weights).map((part) => fen(0 - part));

  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  if (weightSum === 0) {
    if (total === 0) return weights.map(() => fen(0));
    throw new MoneyError('cannot allocate a non-zero amount when every weight is zero');
  }

  // BigInt keeps total * weight exact even for large amounts.
  const bigTotal = BigInt(total);
  const bigSum = BigInt(weightSum);
  const floors: bigint[] = [];
  const remainders: { index: number; remainder: bigint }[] = [];
  let allocated = 0n;
  weights.forEach((w, index) => {
    const product = bigTotal * BigInt(w);
    const floor = product / bigSum;
    floors.push(floor);
    allocated += floor;
    remainders.push({ index, remainder: product % bigSum });
  });

  let leftover = Number(bigTotal - allocated);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (leftover === 0) break;
    floors[index] = (floors[index] ?? 0n) + 1n;
    leftover -= 1;
  }
  return floors.map((f) => fen(Number(f)));
}
