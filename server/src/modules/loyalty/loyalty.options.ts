/**
 * Operational knobs of the loyalty module. The brand's rules (zone, tier table, points rule) are not here: they are
 * read from `BrandSettings`.
 */
export interface LoyaltyOptions {
  /** `summary().expiringSoon` shows the next expiry when it is at most this many days away. */
  expiringSoonDays: number;
  /** How many members the expiry job looks up per query. */
  expireBatchSize: number;
}

export const LOYALTY_OPTIONS = Symbol('LOYALTY_OPTIONS');

export const DEFAULT_LOYALTY_OPTIONS: LoyaltyOptions = {
  expiringSoonDays: 30,
  expireBatchSize: 200,
};
