import { fen, type Fen, MoneyError } from './fen';

/**
 * Formats fen as a yuan price with two decimals: 1230 → "¥12.30", -5 → "-¥0.05".
 * Integer arithmetic only, so no float ever rounds a price.
 */
export function formatFen(amount: Fen): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}¥${yuan}.${cents.toString().padStart(2, '0')}`;
}

const YUAN_PATTERN = /^(-)?¥?\s*(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * Parses a yuan string ("12.3", "¥12.30", "-0.05", "12") into fen. Rejects more than two decimals,
 * thousands separators and anything else ambiguous rather than guessing.
 */
export function parseYuan(text: string): Fen {
  const match = YUAN_PATTERN.exec(text.trim());
  if (!match) throw new MoneyError(`not a yuan amount: "${text}"`);
  const [, minus, whole, decimals = ''] = match;
  const cents = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  return fen(minus ? -cents : cents);
}
