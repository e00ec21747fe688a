import { TILL_PAYMENT_METHOD_CHOICES, type TillPaymentMethod } from '../../contracts/pos.contract';

/** How a purchase was paid: the till's list (an online order is always paid with WECHAT_PAY). */
export type GrowthPaymentMethod = TillPaymentMethod;

/**
 * What the growth rules know about one member at one moment. The caller computes it from the member's paid orders
 * as of `now`; the rules never look at orders themselves, so that the same facts give the same answer on the server
 * and in the mini program.
 */
export interface MemberFacts {
  /** The member's first paid purchase ever (null: never bought). */
  firstPurchaseAt: Date | null;
  /** The member's latest paid purchase (null: never bought). */
  lastPurchaseAt: Date | null;
  /** Paid orders in the 365 days up to now. */
  orders365: number;
  /** What those orders paid, in fen. */
  spend365Fen: number;
  /** Median gap in days between consecutive purchases; null with fewer than two purchases. */
  typicalGapDays: number | null;
  /** Signed up as a member (a visitor who only browsed has not). */
  signedUp: boolean;
  isPromoter: boolean;
  /** Distinct customers bound to this member as a promoter who have bought. */
  promoterCustomersWhoBought: number;
}

/** The brand's settings for stages, the ladder, the golden-window coupon and win-back waves. */
export interface GrowthRules {
  /** The golden window runs this many days from the first purchase. */
  goldenWindowDays: number;
  /** A sale of at least this much (fen) in the golden window earns the post-purchase coupon. */
  goldenThresholdFen: number;
  /** ...when paid this way. */
  goldenPaymentMethod: GrowthPaymentMethod;
  /** A frequent member has at least this many orders in 365 days. */
  frequentOrders: number;
  /** A repeat buyer has at least this many orders in 365 days. */
  repeatOrders: number;
  /** A member whose last purchase is at least this many days old is at risk... */
  atRiskFromDays: number;
  /** ...as is one whose last purchase is older than this multiple of their own typical gap. */
  atRiskGapMultiple: number;
  /** The at-risk window ends here: a last purchase older than this many days means churned. */
  churnAfterDays: number;
  /** The share of each win-back wave that gets nothing, in basis points (1000 = 10%). */
  holdoutBp: number;
  /** A member counts as won back when they buy within this many days of their wave. */
  winBackMeasureDays: number;
  /** A promoter becomes an ambassador once this many of their customers have bought. */
  ambassadorMinCustomers: number;
}

/** The seed brand's numbers. */
export const DEFAULT_GROWTH_RULES: GrowthRules = {
  goldenWindowDays: 14,
  goldenThresholdFen: 3500,
  goldenPaymentMethod: 'WECHAT_PAY',
  frequentOrders: 4,
  repeatOrders: 2,
  atRiskFromDays: 30,
  atRiskGapMultiple: 2,
  churnAfterDays: 120,
  holdoutBp: 1000,
  winBackMeasureDays: 15,
  ambassadorMinCustomers: 1,
};

/** What is wrong with a set of growth rules (empty when it is usable), each problem naming its field. */
export function growthRulesProblems(rules: GrowthRules): string[] {
  const problems: string[] = [];
  const wholeIn = (name: keyof GrowthRules, min: number, max: number): void => {
    const value = rules[name];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer in ${min}..${max} (got ${String(value)})`);
    }
  };
  wholeIn('goldenWindowDays', 1, 90);
  wholeIn('goldenThresholdFen', 0, 100_000_000);
  // A rule may name only a method a cashier records (never UNSPECIFIED, which means nobody asked).
  const recordable = TILL_PAYMENT_METHOD_CHOICES.map((c) => c.method);
  if (!recordable.includes(rules.goldenPaymentMethod)) {
    problems.push(`goldenPaymentMethod must be one of ${recordable.join(', ')}`);
  }
  wholeIn('repeatOrders', 2, 365);
  wholeIn('frequentOrders', 2, 365);
  if (rules.frequentOrders < rules.repeatOrders) problems.push('frequentOrders must be at least repeatOrders');
  wholeIn('atRiskFromDays', 1, 365);
  if (!Number.isFinite(rules.atRiskGapMultiple) || rules.atRiskGapMultiple < 1 || rules.atRiskGapMultiple > 10) {
    problems.push(`atRiskGapMultiple must be a number in 1..10 (got ${String(rules.atRiskGapMultiple)})`);
  }
  // Orders are counted over 365 days; a churn window beyond that would leave members with no counted orders
  // neither churned nor anything else meaningful.
  wholeIn('churnAfterDays', 2, 365);
  if (rules.churnAfterDays <= rules.atRiskFromDays) problems.push('churnAfterDays must be after atRiskFromDays');
  if (rules.goldenWindowDays >= rules.churnAfterDays) problems.push('goldenWindowDays must end before churnAfterDays');
  wholeIn('holdoutBp', 0, 5000);
  wholeIn('winBackMeasureDays', 1, 90);
  wholeIn('ambassadorMinCustomers', 1, 10_000);
  return problems;
}
