import { boolean, integer, oneOf, type Reader } from './env-parsers';

/**
 * Distribution (分销): commission rates, takeover rule, settlement and withdrawal limits, and the transfer
 * gateway that pays withdrawals (商家转账到零钱). `dev` pays in-process (refused in production); `http` uses the
 * WeChat Pay merchant credentials (WECHATPAY_*, gateway http) against WeChat's transfer-bills API.
 */
export interface DistributionConfig {
  defaultRateBp: number;
  defaultSecondRateBp: number;
  maxTotalRateBp: number;
  lastTouchAfterProtection: boolean;
  selfPurchaseCommission: boolean;
  autoApprove: boolean;
  withdrawMinFen: number;
  withdrawDailyLimitFen: number;
  withdrawReviewThresholdFen: number;
  /** `http` reuses the WeChat Pay merchant credentials and API base (WECHATPAY_GATEWAY=http). */
  transfer: { gateway: 'dev' } | { gateway: 'http'; sceneId: string };
}

export function readDistribution(
  read: Reader,
  problems: string[],
  context: { nodeEnv: 'development' | 'production' | 'test'; wechatPayGateway: 'sim' | 'http' },
): DistributionConfig {
  const maxTotalRateBp = read('DISTRIBUTION_MAX_TOTAL_RATE_BP', integer(0, 5_000), 5_000);
  const defaultRateBp = read('DISTRIBUTION_DEFAULT_RATE_BP', integer(0, 5_000), 1_000);
  const defaultSecondRateBp = read('DISTRIBUTION_DEFAULT_SECOND_RATE_BP', integer(0, 5_000), 300);
  if (defaultRateBp + defaultSecondRateBp > maxTotalRateBp) {
    problems.push(
      'DISTRIBUTION_DEFAULT_RATE_BP + DISTRIBUTION_DEFAULT_SECOND_RATE_BP exceed DISTRIBUTION_MAX_TOTAL_RATE_BP',
    );
  }
  const gateway = read(
    'TRANSFER_GATEWAY',
    oneOf(['dev', 'http'] as const),
    context.nodeEnv === 'production' ? 'http' : 'dev',
  );
  if (gateway === 'dev' && context.nodeEnv === 'production') {
    problems.push('TRANSFER_GATEWAY=dev is refused when NODE_ENV=production');
  }
  if (gateway === 'http' && context.wechatPayGateway !== 'http') {
    problems.push('TRANSFER_GATEWAY=http needs WECHATPAY_GATEWAY=http (it signs with the merchant credentials)');
  }
  const sceneId = read('TRANSFER_SCENE_ID', (v) => v, '1005');
  const minFen = read('WITHDRAW_MIN_FEN', integer(100, 100_000_000), 1_000);
  return {
    defaultRateBp,
    defaultSecondRateBp,
    maxTotalRateBp,
    lastTouchAfterProtection: read('DISTRIBUTION_LAST_TOUCH', boolean, true),
    selfPurchaseCommission: read('DISTRIBUTION_SELF_PURCHASE', boolean, false),
    // The one-command demo approves applications at once; production and tests wait for an operator by default.
    autoApprove: read('DISTRIBUTION_AUTO_APPROVE', boolean, context.nodeEnv === 'development'),
    withdrawMinFen: minFen,
    withdrawDailyLimitFen: read('WITHDRAW_DAILY_LIMIT_FEN', integer(100, 1_000_000_000), 500_000),
    withdrawReviewThresholdFen: read('WITHDRAW_REVIEW_THRESHOLD_FEN', integer(0, 1_000_000_000), 50_000),
    transfer: gateway === 'http' ? { gateway: 'http', sceneId } : { gateway: 'dev' },
  };
}
