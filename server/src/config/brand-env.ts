import { type BrandRules, brandRulesProblems, DEFAULT_BRAND_RULES, isTimeZone } from '@tidepool/shared';
import { integer, type Reader } from './env-parsers';

/**
 * The brand's rules as configured in the environment; everything not configurable here is the demo brand's
 * (shared DEFAULT_BRAND_RULES). The server reads them through `BrandSettings` only, so versioned database rows can
 * take over without touching the readers.
 */
export function readBrand(read: Reader, problems: string[]): BrandRules {
  const d = DEFAULT_BRAND_RULES;
  const rules: BrandRules = {
    ...d,
    timeZone: read('BRAND_TIME_ZONE', ianaZone, d.timeZone),
    returnWindowDays: read('DISTRIBUTION_RETURN_WINDOW_DAYS', integer(0, 90), d.returnWindowDays),
    orderAutoConfirmDays: read('ORDER_AUTO_CONFIRM_DAYS', integer(1, 90), d.orderAutoConfirmDays),
    protectionDays: read('DISTRIBUTION_PROTECTION_DAYS', integer(1, 365), d.protectionDays),
    orderProtectionDays: read('DISTRIBUTION_ORDER_PROTECTION_DAYS', integer(1, 365), d.orderProtectionDays),
  };
  for (const problem of brandRulesProblems(rules)) problems.push(`brand rules: ${problem}`);
  return rules;
}

function ianaZone(raw: string): string {
  if (!isTimeZone(raw)) throw new Error('must be an IANA time zone such as Asia/Shanghai');
  return raw;
}
