/**
 * Money is an integer number of fen (分, 1/100 yuan). The brand stops a raw `number` (which might be yuan,
 * points or a float) from being passed where an amount is expected; `fen()` is the only door in.
 */
declare const fenBrand: unique symbol;
export type Fen = number & { readonly [fenBrand]: 'Fen' };

export class MoneyError extends Error {
  override readonly name = 'MoneyError';
}

/** Brands an integer as fen. Throws on fractions, NaN, infinities and unsafe integers. */
export function fen(value: number): Fen {
  if (!Number.isSafeInteger(value)) {
    throw new MoneyError(`fen must be a safe integer, got ${String(value)}`);
  }
  return value as Fen;
}

export const ZERO_FEN: Fen = fen(0);

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function addFen(...amounts: Fen[]): Fen {
  return fen(amounts.reduce<number>((sum, a) => sum + a, 0));
}

export function subtractFen(a: Fen, b: Fen): Fen {
  return fen(a - b);
}

/** Multiplies by an integer quantity (never by a rate: rates go through `allocate` or an explicit rounding rule). */
export function multiplyFen(amount: Fen, quantity: number): Fen {
  if (!Number.isSafeInteger(quantity)) throw new MoneyError(`quantity must be an integer, got ${quantity}`);
  return fen(amount * quantity);
}

export function minFen(a: Fen, b: Fen): Fen {
  return a <= b ? a : b;
}

export function maxFen(a: Fen, b: Fen): Fen {
  return a >= b ? a : b;
}
