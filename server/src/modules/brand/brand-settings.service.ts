import { Inject, Injectable, Optional } from '@nestjs/common';
import { type BrandRules, brandRulesProblems, type PricingRules, versionInForce } from '@tidepool/shared';
import { Clock } from '../../common/clock/clock.service';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';

/**
 * The one place the server reads the brand's rules from (time zone, tier table, point rates, member day,
 * birthday multiplier, return window, auto-confirm and protection days). The configuration's set applies until
 * the first version an operator scheduled in the console (品牌规则) takes effect; `BrandRuleVersionStore` keeps
 * the scheduled versions loaded here. Callers ask for the rules each time, at the instant of the event they
 * price or award (`rules(at)`), so an order paid before a switch keeps the old rules and one after it gets the
 * new ones, whatever process serves it.
 */
@Injectable()
export class BrandSettings {
  private readonly configured: BrandRules;
  /** The configuration's set, then the scheduled versions, by effectiveFrom ascending. */
  private timeline: BrandRules[];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() private readonly clock?: Clock,
  ) {
    // loadConfig already refuses a bad set; a hand-built test config must not slip past either.
    const problems = brandRulesProblems(config.brand);
    if (problems.length > 0) throw new Error(`Invalid brand rules:\n  - ${problems.join('\n  - ')}`);
    this.configured = withDeploymentMoneyRules(config);
    this.timeline = [this.configured];
  }

  /** The rules in force at `at` (now by default). */
  rules(at?: Date): BrandRules {
    const instant = at ?? this.clock?.now() ?? new Date();
    return versionInForce(this.timeline, instant) ?? this.configured;
  }

  /** The brand's home time zone (see `BrandRules.timeZone`). */
  timeZone(at?: Date): string {
    return this.rules(at).timeZone;
  }

  /** The member-day rule and tier table in force at `at`, as the shared pricing engine takes them. */
  pricingRules(at?: Date): PricingRules {
    const rules = this.rules(at);
    return { memberDay: rules.memberDay, tiers: rules.tierTable };
  }

  /** The configuration's own set (version 0 in the console). */
  configuredRules(): BrandRules {
    return this.configured;
  }

  /** Replaces the scheduled versions (the store's loader calls this after every load). */
  useScheduledVersions(versions: readonly BrandRules[]): void {
    const sorted = [...versions].sort((a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom));
    // A version saved before a field existed keeps the configuration's value for it.
    const complete = sorted.map((v) => ({
      ...v,
      distribution: v.distribution ?? this.configured.distribution,
      signupGift: v.signupGift ?? this.configured.signupGift,
    }));
    this.timeline = [this.configured, ...complete.filter((v) => Date.parse(v.effectiveFrom) > 0)];
  }
}

/**
 * The configuration's rule set with distribution's money rules from the deployment's distribution settings
 * (DISTRIBUTION_DEFAULT_RATE_BP, WITHDRAW_* …), which stay the way to set them before the first console version.
 */
function withDeploymentMoneyRules(config: AppConfig): BrandRules {
  const d = (config as Partial<AppConfig>).distribution;
  if (!d) return config.brand;
  return {
    ...config.brand,
    distribution: {
      directRateBp: d.defaultRateBp,
      indirectRateBp: d.defaultSecondRateBp,
      withdrawMinFen: d.withdrawMinFen,
      withdrawDailyLimitFen: d.withdrawDailyLimitFen,
      withdrawReviewThresholdFen: d.withdrawReviewThresholdFen,
    },
  };
}
