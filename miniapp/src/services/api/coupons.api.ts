import type { CouponWalletResponse, CouponWalletStatus } from '@tidepool/shared';
import { memberRequest } from '../session';

/** GET /api/coupons/me?status=: the member's coupons (可用 / 已使用 / 已过期) with the count of each. */
export function listMyCoupons(status: CouponWalletStatus): Promise<CouponWalletResponse> {
  return memberRequest<CouponWalletResponse>('/api/coupons/me', { query: { status } });
}
