import type { EarningsView } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import {
  checkWithdrawAmount,
  conversionText,
  dailyRemainingFen,
  formatRate,
  promoterStatusHint,
  protectionSecondsNow,
  protectionText,
  rulesLines,
  withdrawalBadge,
  yuan,
} from './promoter-text';

const earnings = (over: Partial<EarningsView> = {}): EarningsView => ({
  pendingFen: 500,
  availableFen: 5000,
  withdrawingFen: 0,
  withdrawnFen: 0,
  debtFen: 0,
  totalEarnedFen: 5500,
  todayWithdrawnFen: 0,
  withdrawDailyLimitFen: 200_000,
  withdrawMinFen: 1000,
  ...over,
});

describe('money and rates', () => {
  it('formats fen as yuan', () => {
    expect(yuan(0)).toBe('¥0.00');
    expect(yuan(1234)).toBe('¥12.34');
  });
  it('formats basis points as a percentage', () => {
    expect(formatRate(1000)).toBe('10%');
    expect(formatRate(1250)).toBe('12.5%');
    expect(formatRate(5)).toBe('0.05%');
    expect(formatRate(0)).toBe('0%');
  });
});

describe('protectionText', () => {
  it('counts days and hours, then hours and minutes, then minutes', () => {
    expect(protectionText(15 * 86_400 + 3 * 3600 + 59)).toBe('剩 15 天 3 小时');
    expect(protectionText(2 * 86_400)).toBe('剩 2 天');
    expect(protectionText(5 * 3600 + 20 * 60)).toBe('剩 5 小时 20 分');
    expect(protectionText(3600)).toBe('剩 1 小时');
    expect(protectionText(7 * 60 + 1)).toBe('剩 8 分钟');
    expect(protectionText(1)).toBe('剩 1 分钟');
  });
  it('says the protection is over at zero or below', () => {
    expect(protectionText(0)).toBe('已过保护期');
    expect(protectionText(-5)).toBe('已过保护期');
    expect(protectionText(Number.NaN)).toBe('已过保护期');
  });
  it('counts down from the server figure as the page stays open', () => {
    expect(protectionSecondsNow(100, 1_000, 1_000)).toBe(100);
    expect(protectionSecondsNow(100, 1_000, 31_999)).toBe(70);
    expect(protectionSecondsNow(100, 1_000, 500_000)).toBe(0);
    // A phone clock that went backwards never adds time.
    expect(protectionSecondsNow(100, 1_000, 0)).toBe(100);
  });
});

describe('withdrawalBadge', () => {
  it('reads 审核中 / 打款中 / 已到账 / 失败已退回', () => {
    expect(withdrawalBadge('REQUESTED').text).toBe('审核中');
    expect(withdrawalBadge('REVIEW').text).toBe('审核中');
    expect(withdrawalBadge('PAYING').text).toBe('打款中');
    expect(withdrawalBadge('PAID')).toEqual({ text: '已到账', tone: 'done' });
    expect(withdrawalBadge('FAILED')).toEqual({ text: '失败已退回', tone: 'bad' });
    expect(withdrawalBadge('REJECTED').tone).toBe('bad');
  });
});

describe('promoterStatusHint', () => {
  it('gives the reject reason when there is one', () => {
    expect(promoterStatusHint('REJECTED', '资料不全')).toContain('资料不全');
    expect(promoterStatusHint('PENDING', null)).toContain('审核');
  });
});

describe('checkWithdrawAmount', () => {
  it('accepts an amount between the minimum and what is available', () => {
    expect(checkWithdrawAmount('10', earnings())).toEqual({ ok: true, fen: 1000 });
    expect(checkWithdrawAmount('50.00', earnings())).toEqual({ ok: true, fen: 5000 });
    expect(checkWithdrawAmount('１２．５', earnings())).toEqual({ ok: true, fen: 1250 });
  });
  it('refuses below the minimum, above the available balance and above today’s allowance', () => {
    expect(checkWithdrawAmount('9.99', earnings())).toEqual({ ok: false, message: '最低提现 ¥10.00' });
    expect(checkWithdrawAmount('50.01', earnings())).toEqual({
      ok: false,
      message: '可提现佣金不足，当前可提现 ¥50.00',
    });
    const nearLimit = earnings({ withdrawDailyLimitFen: 3000, todayWithdrawnFen: 1000 });
    expect(dailyRemainingFen(nearLimit)).toBe(2000);
    expect(checkWithdrawAmount('30', nearLimit)).toEqual({
      ok: false,
      message: '超过今日提现额度，今日还可提现 ¥20.00',
    });
  });
  it('asks for an amount when there is none, and explains a malformed one', () => {
    expect(checkWithdrawAmount('', earnings())).toEqual({ ok: false, message: '请输入提现金额' });
    expect(checkWithdrawAmount('12.', earnings())).toEqual({ ok: false, message: '请输入提现金额' });
    expect(checkWithdrawAmount('1.234', earnings()).ok).toBe(false);
    expect(checkWithdrawAmount('abc', earnings()).ok).toBe(false);
  });
});

describe('conversionText', () => {
  it('is orders over visitors, or a dash with no visitors', () => {
    expect(conversionText(1, 8)).toBe('12.5%');
    expect(conversionText(0, 3)).toBe('0%');
    expect(conversionText(2, 0)).toBe('—');
  });
});

describe('rulesLines', () => {
  const rules = {
    defaultRateBp: 1000,
    defaultSecondRateBp: 200,
    maxTotalRateBp: 5000,
    protectionDays: 15,
    orderProtectionDays: 30,
    lastTouchAfterProtection: true,
    returnWindowDays: 7,
    selfPurchaseCommission: false,
    withdrawMinFen: 1000,
    withdrawDailyLimitFen: 200_000,
    withdrawReviewThresholdFen: 50_000,
    autoApprove: false,
  };
  it('states the configured numbers', () => {
    const text = rulesLines(rules).join('\n');
    for (const part of ['10%', '2%', '15 天', '30 天', '7 天', '¥10.00', '¥2000.00', '¥500.00', '自己购买不计佣金']) {
      expect(text).toContain(part);
    }
  });
  it('leaves out the team line without a second level', () => {
    expect(rulesLines({ ...rules, defaultSecondRateBp: 0 }).join('')).not.toContain('团队佣金');
  });
});
