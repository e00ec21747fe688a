import { Inject, Injectable } from '@nestjs/common';
import { type BrandRules, brandRulesProblems, type PricingRules } from '@tidepool/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';

/**
 * The one place the server reads the brand's rules from (time zone, tier table, point rates, member day,
 * birthday multiplier, return window, auto-confirm and protection days). Today they come from the configuration;
 * versioned rows edited in a console will be read here too, so callers ask for the rules each time they need
 * them instead of keeping a copy.
 */
@Injectable()
export class BrandSettings {
  private readonly current: BrandRules;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // loadConfig already refuses a bad set; a hand-built test config must not slip past either.
    const problems = brandRulesProblems(config.brand);
    if (problems.length > 0) throw new Error(`Invalid brand rules:\n  - ${problems.join('\n  - ')}`);
    this.current = config.brand;
  }

  /** The rules in force now. */
  rules(): BrandRules {
    return this.current;
  }

  /** The brand's home time zone (see `BrandRules.timeZone`). */
  timeZone(): string {
    return this.current.timeZone;
  }

  /** The member-day rule and tier table, as the shared pricing engine takes them. */
  pricingRules(): PricingRules {
    return { memberDay: this.current.memberDay, tiers: this.current.tierTable };
  }
}
