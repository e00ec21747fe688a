import type {
  ClaimCouponResponse,
  CouponCentreResponse,
  CouponProductsResponse,
  CouponWalletResponse,
  CouponWalletStatus,
} from '@tidepool/shared';
import { memberRequest } from '../session';

/** GET /api/coupons/me?status=: the member's coupons (可用 / 已使用 / 已过期) with the count of each. */
export function listMyCoupons(status: CouponWalletStatus): Promise<CouponWalletResponse> {
  return memberRequest<CouponWalletResponse>('/api/coupons/me', { query: { status } });
}

/** GET /api/coupon-centre: the coupons a member may claim (领券中心), with this member's state of each. */
export function listCouponCentre(): Promise<CouponCentreResponse> {
  return memberRequest<CouponCentreResponse>('/api/coupon-centre');
}

/** POST /api/coupon-centre/:templateId/claim (立即领取). */
export function claimCoupon(templateId: number): Promise<ClaimCouponResponse> {
  return memberRequest<ClaimCouponResponse>(`/api/coupon-centre/${encodeURIComponent(String(templateId))}/claim`, {
    method: 'POST',
  });
}

/** GET /api/coupons/me/:couponId/products (去使用): the products on sale that the coupon applies to. */
export function listCouponProducts(couponId: number, page: number, pageSize = 10): Promise<CouponProductsResponse> {
  return memberRequest<CouponProductsResponse>(`/api/coupons/me/${encodeURIComponent(String(couponId))}/products`, {
    query: { page, pageSize },
  });
}
