import { parseYuan, type AdminWithdrawalView, type WithdrawalStatus } from '@tidepool/shared';
import { dayRangeQuery } from '../../format';

/** Fen from what the operator typed in yuan (digits, up to 2 decimals); undefined when blank or not an amount. */
export function yuanInputToFen(value: unknown): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  if (value === '') return undefined;
  try {
    const fen = parseYuan(String(value));
    return fen >= 0 ? fen : undefined;
  } catch {
    return undefined;
  }
}

/** ProTable's filter values as the withdrawals query: yuan amounts to fen, the day range to instants. */
export function withdrawalListParams(params: Record<string, unknown>, timeZone: string): Record<string, unknown> {
  const { minYuan, maxYuan, range, ...rest } = params;
  return {
    ...rest,
    minFen: yuanInputToFen(minYuan),
    maxFen: yuanInputToFen(maxYuan),
    ...dayRangeQuery(range, timeZone),
  };
}

export const STATUS_BADGES: Record<WithdrawalStatus, 'default' | 'processing' | 'success' | 'error' | 'warning'> = {
  REQUESTED: 'default',
  REVIEW: 'warning',
  PAYING: 'processing',
  PAID: 'success',
  FAILED: 'error',
  REJECTED: 'default',
};

/** What happened to the money, in one line for the table. */
export function payoutSummary(w: Pick<AdminWithdrawalView, 'status' | 'returnedFen' | 'payoutAttempts'>): string {
  switch (w.status) {
    case 'REQUESTED':
      return '等待打款';
    case 'REVIEW':
      return '待审核，金额已冻结';
    case 'PAYING':
      return w.payoutAttempts > 1 ? `打款确认中（已尝试 ${w.payoutAttempts} 次）` : '打款确认中';
    case 'PAID':
      return '已到账';
    case 'FAILED':
      return w.returnedFen > 0 ? '打款失败，金额已退回可提现' : '打款失败';
    case 'REJECTED':
      return w.returnedFen > 0 ? '审核未通过，金额已退回可提现' : '审核未通过';
  }
}
