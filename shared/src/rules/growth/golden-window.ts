import type { GrowthPaymentMethod, GrowthRules } from './growth-rules';

const DAY_MS = 86_400_000;

export interface GoldenWindowSale {
  /** The member's first purchase; null when this sale is their first. */
  firstPurchaseAt: Date | null;
  paidAt: Date;
  paidFen: number;
  paymentMethod: GrowthPaymentMethod;
}

/**
 * Whether a paid till sale earns the post-purchase coupon (88折): at least goldenThresholdFen, paid with
 * goldenPaymentMethod, and paid inside the golden window. The window is judged on instants: it opens at the first
 * purchase (so the first purchase itself qualifies) and closes exactly goldenWindowDays × 24 h later, that end
 * instant included.
 */
export function goldenWindowCouponDue(sale: GoldenWindowSale, rules: GrowthRules): boolean {
  if (!Number.isSafeInteger(sale.paidFen) || sale.paidFen < rules.goldenThresholdFen) return false;
  if (sale.paymentMethod !== rules.goldenPaymentMethod) return false;
  const opens = (sale.firstPurchaseAt ?? sale.paidAt).getTime();
  const closes = opens + rules.goldenWindowDays * DAY_MS;
  const paid = sale.paidAt.getTime();
  return paid >= opens && paid <= closes;
}
