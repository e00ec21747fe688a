import {
  fen,
  formatFen,
  WITHDRAWAL_STATUS_LABELS,
  type DistributionRulesView,
  type EarningsView,
  type PromoterStatus,
  type WithdrawalStatus,
} from '@tidepool/shared';
import { readTillAmount } from '@/utils/till-amount';

/** Money in the promoter center: every amount through the shared formatter ("¥12.30"). */
export const yuan = (amountFen: number): string => formatFen(fen(amountFen));

/** A rate in basis points as a percentage: 1000 → "10%", 1250 → "12.5%", 5 → "0.05%". */
export function formatRate(bp: number): string {
  const percent = bp / 100;
  return `${Number.isInteger(percent) ? percent : Number(percent.toFixed(2))}%`;
}

const DAY = 86_400;
const HOUR = 3_600;

/**
 * A customer's protection countdown (保护期): "剩 12 天 3 小时", "剩 5 小时 20 分", "剩 8 分钟", and "已过保护期" at 0.
 * Minutes round up, so the last minute still reads "剩 1 分钟".
 */
export function protectionText(secondsLeft: number): string {
  if (!Number.isFinite(secondsLeft) || secondsLeft <= 0) return '已过保护期';
  const s = Math.ceil(secondsLeft);
  if (s >= DAY) {
    const days = Math.floor(s / DAY);
    const hours = Math.floor((s % DAY) / HOUR);
    return hours > 0 ? `剩 ${days} 天 ${hours} 小时` : `剩 ${days} 天`;
  }
  if (s >= HOUR) {
    const hours = Math.floor(s / HOUR);
    const minutes = Math.floor((s % HOUR) / 60);
    return minutes > 0 ? `剩 ${hours} 小时 ${minutes} 分` : `剩 ${hours} 小时`;
  }
  return `剩 ${Math.max(1, Math.ceil(s / 60))} 分钟`;
}

/** Seconds of protection left now, from what the server said at load time and how long the page has been open. */
export function protectionSecondsNow(secondsAtLoad: number, loadedAtMs: number, nowMs: number): number {
  return Math.max(0, secondsAtLoad - Math.max(0, Math.floor((nowMs - loadedAtMs) / 1000)));
}

export type Tone = 'todo' | 'wait' | 'done' | 'bad';

/** Withdrawal states as the promoter reads them: 审核中 / 打款中 / 已到账 / 失败已退回. */
export function withdrawalBadge(status: WithdrawalStatus): { text: string; tone: Tone } {
  switch (status) {
    case 'REQUESTED':
    case 'REVIEW':
      return { text: '审核中', tone: 'wait' };
    case 'PAYING':
      return { text: WITHDRAWAL_STATUS_LABELS.PAYING, tone: 'wait' };
    case 'PAID':
      return { text: WITHDRAWAL_STATUS_LABELS.PAID, tone: 'done' };
    case 'FAILED':
      return { text: '失败已退回', tone: 'bad' };
    case 'REJECTED':
      return { text: '未通过已退回', tone: 'bad' };
  }
}

/** What the apply page says for each promoter status. */
export function promoterStatusHint(status: PromoterStatus, rejectReason: string | null): string {
  switch (status) {
    case 'NONE':
      return '成为推手，分享好物赚佣金';
    case 'PENDING':
      return '申请已提交，运营审核通过后即可开始推广';
    case 'APPROVED':
      return '你已是推手，去推广中心看看吧';
    case 'REJECTED':
      return rejectReason ? `申请未通过：${rejectReason}。可修改后重新申请` : '申请未通过，可重新申请';
    case 'DISABLED':
      return '推手资格已停用，如有疑问请联系门店';
  }
}

export type WithdrawCheck = { ok: true; fen: number } | { ok: false; message: string };

/** Today's remaining withdrawal allowance. */
export function dailyRemainingFen(earnings: EarningsView): number {
  return Math.max(0, earnings.withdrawDailyLimitFen - earnings.todayWithdrawnFen);
}

/**
 * The amount typed on the withdraw page, checked before asking the server (which checks again): at least the
 * minimum, at most what is available and what is left of today's limit. Messages are plain Chinese with amounts.
 */
export function checkWithdrawAmount(text: string, earnings: EarningsView): WithdrawCheck {
  const read = readTillAmount(text);
  switch (read.kind) {
    case 'empty':
    case 'incomplete':
      return { ok: false, message: '请输入提现金额' };
    case 'invalid':
      return { ok: false, message: read.message };
    case 'ok':
      break;
  }
  const amount: number = read.fen;
  if (amount < earnings.withdrawMinFen) return { ok: false, message: `最低提现 ${yuan(earnings.withdrawMinFen)}` };
  if (amount > earnings.availableFen)
    return { ok: false, message: `可提现佣金不足，当前可提现 ${yuan(earnings.availableFen)}` };
  const left = dailyRemainingFen(earnings);
  if (amount > left) return { ok: false, message: `超过今日提现额度，今日还可提现 ${yuan(left)}` };
  return { ok: true, fen: amount };
}

/** "1,234" views → "12.5%" conversion; "—" when nothing to divide by. */
export function conversionText(orders: number, visitors: number): string {
  if (visitors <= 0) return '—';
  return `${Number(((orders / visitors) * 100).toFixed(1))}%`;
}

/** 推广规则 in plain Chinese, from the server's configured rules. */
export function rulesLines(rules: DistributionRulesView): string[] {
  const lines = [
    `好友通过你分享的卡片、链接或海报下单，分销商品按成交金额的 ${formatRate(rules.defaultRateBp)} 计佣（个别商品以商品页为准）。`,
  ];
  if (rules.defaultSecondRateBp > 0)
    lines.push(`你邀请的推手成交时，你另得 ${formatRate(rules.defaultSecondRateBp)} 的团队佣金。`);
  lines.push(
    `好友点开你的分享后 ${rules.protectionDays} 天内为你的客户（保护期内其他推手不能抢客），下单后保护期延长至下单后 ${rules.orderProtectionDays} 天。`,
  );
  lines.push(
    rules.lastTouchAfterProtection ? '保护期结束后，客户可被其他推手的分享重新绑定。' : '客户一经绑定，长期归属于你。',
  );
  lines.push(`订单确认收货 ${rules.returnWindowDays} 天后（退货期结束）佣金转为可提现；期间退款的佣金将退回。`);
  lines.push(rules.selfPurchaseCommission ? '自己购买也可获得佣金。' : '自己购买不计佣金。');
  lines.push(
    `提现到微信零钱：最低 ${yuan(rules.withdrawMinFen)}，每日最多 ${yuan(rules.withdrawDailyLimitFen)}，单笔超过 ${yuan(rules.withdrawReviewThresholdFen)} 需人工审核。`,
  );
  return lines;
}
