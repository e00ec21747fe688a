import { fen, formatFen, MoneyError, parseYuan, type Fen } from '@tidepool/shared';

/** The largest till sale the server accepts (anything above ¥100,000 is a typo); checked here to say so in Chinese. */
export const TILL_MAX_FEN: Fen = fen(100_000_00);

/** What the cashier has typed into the amount field, read. */
export type TillAmount =
  | { kind: 'empty' }
  /** Mid-typing ("80."): nothing to complain about yet, nothing to quote either. */
  | { kind: 'incomplete' }
  | { kind: 'invalid'; message: string }
  | { kind: 'ok'; fen: Fen };

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;

/**
 * Chinese keyboards type full-width digits, "．" or "。" and "￥": map them to ASCII and drop spaces, so the strict
 * shared parser sees "80.50" or "¥80.50".
 */
export function normalizeAmountText(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/￥/g, '¥')
    .replace(/\s+/g, '');
}

/** Reads the till amount in yuan with the shared strict `parseYuan`; every refusal has a message for the cashier. */
export function readTillAmount(text: string): TillAmount {
  const normalized = normalizeAmountText(text);
  if (normalized === '' || normalized === '¥') return { kind: 'empty' };
  if (/^¥?\d+\.$/.test(normalized)) return { kind: 'incomplete' };
  if (normalized.startsWith('-')) return { kind: 'invalid', message: '金额不能为负数' };
  if (/^¥?\d+\.\d{3,}$/.test(normalized)) return { kind: 'invalid', message: '金额最多两位小数（精确到分）' };
  let amount: Fen;
  try {
    amount = parseYuan(normalized);
  } catch (error) {
    if (error instanceof MoneyError) return { kind: 'invalid', message: '请输入正确的金额，如 80 或 80.50' };
    throw error;
  }
  if (amount <= 0) return { kind: 'invalid', message: '金额需大于 0 元' };
  if (amount > TILL_MAX_FEN) return { kind: 'invalid', message: `单笔金额不能超过 ${formatFen(TILL_MAX_FEN)}` };
  return { kind: 'ok', fen: amount };
}
