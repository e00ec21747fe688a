/**
 * The brand's home time zone: the calendar for rules not tied to one store visit (online member day, birthdays,
 * point expiry, the birthday coupon job). Stores carry their own zone for what happens at their tills. The demo
 * brand is in Shanghai; a brand setting replaces this constant when brands become configurable.
 */
export const BRAND_TIME_ZONE = 'Asia/Shanghai';
