import { describe, expect, it } from 'vitest';
import { payoutSummary, withdrawalListParams, yuanInputToFen } from './withdrawal-rules';

describe('yuanInputToFen', () => {
  it('reads yuan with up to two decimals, ignores blanks and nonsense', () => {
    expect(yuanInputToFen('50')).toBe(5_000);
    expect(yuanInputToFen(12.3)).toBe(1_230);
    expect(yuanInputToFen('')).toBeUndefined();
    expect(yuanInputToFen('1.234')).toBeUndefined();
    expect(yuanInputToFen('-3')).toBeUndefined();
  });
});

describe('withdrawalListParams', () => {
  it('turns the amount range into fen and the days into instants in the brand zone', () => {
    expect(
      withdrawalListParams(
        { status: 'REVIEW', minYuan: '50', maxYuan: '', range: ['2026-12-01', '2026-12-03'] },
        'Asia/Shanghai',
      ),
    ).toEqual({
      status: 'REVIEW',
      minFen: 5_000,
      maxFen: undefined,
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-03T16:00:00.000Z',
    });
  });
});

describe('payoutSummary', () => {
  it('says where the money is', () => {
    expect(payoutSummary({ status: 'FAILED', returnedFen: 6_000, payoutAttempts: 1 })).toBe(
      '打款失败，金额已退回可提现',
    );
    expect(payoutSummary({ status: 'PAYING', returnedFen: 0, payoutAttempts: 3 })).toBe('打款确认中（已尝试 3 次）');
    expect(payoutSummary({ status: 'REVIEW', returnedFen: 0, payoutAttempts: 0 })).toBe('待审核，金额已冻结');
  });
});
