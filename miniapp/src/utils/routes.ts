import Taro from '@tarojs/taro';
import type { CheckoutLineInput } from '@tidepool/shared';
import { formatCheckoutItems } from './checkout-items';

export const ROUTES = {
  home: '/pages/index/index',
  category: '/pages/category/index',
  cart: '/pages/cart/index',
  mine: '/pages/mine/index',
  productDetail: '/packages/product/pages/detail/index',
  productSearch: '/packages/product/pages/search/index',
  addressList: '/packages/member/pages/addresses/index',
  addressEdit: '/packages/member/pages/address-edit/index',
  memberSignup: '/packages/member/pages/signup/index',
  memberCode: '/packages/member/pages/code/index',
  memberVouchers: '/packages/member/pages/vouchers/index',
  couponCentre: '/packages/member/pages/coupon-centre/index',
  couponProducts: '/packages/member/pages/coupon-products/index',
  memberPrivacy: '/packages/member/pages/privacy/index',
  memberTerms: '/packages/member/pages/terms/index',
  storeLogin: '/packages/store/pages/login/index',
  storeScan: '/packages/store/pages/scan/index',
  storeSales: '/packages/store/pages/sales/index',
  storeSignupCode: '/packages/store/pages/signup-code/index',
  storePickup: '/packages/store/pages/pickup/index',
  loyaltyPoints: '/packages/loyalty/pages/points/index',
  loyaltyTier: '/packages/loyalty/pages/tier/index',
  pointsMall: '/packages/loyalty/pages/mall/index',
  pointsMallGift: '/packages/loyalty/pages/gift/index',
  myGifts: '/packages/loyalty/pages/my-gifts/index',
  orderCheckout: '/packages/order/pages/checkout/index',
  orderList: '/packages/order/pages/list/index',
  orderDetail: '/packages/order/pages/detail/index',
} as const;

export type TabRoute = (typeof ROUTES)['home' | 'category' | 'cart' | 'mine'];

export function productDetailUrl(productId: number): string {
  return `${ROUTES.productDetail}?id=${productId}`;
}

/** 去使用: the products a wallet coupon applies to. */
export function couponProductsUrl(couponId: number): string {
  return `${ROUTES.couponProducts}?couponId=${couponId}`;
}

export function giftUrl(giftId: number): string {
  return `${ROUTES.pointsMallGift}?id=${giftId}`;
}

/** Checkout for these lines: `?items=<skuId>x<qty>,…` (立即购买 and the cart's 去结算). */
export function checkoutUrl(lines: readonly CheckoutLineInput[]): string {
  return `${ROUTES.orderCheckout}?items=${formatCheckoutItems(lines)}`;
}

export function openCheckout(lines: readonly CheckoutLineInput[]): void {
  navigateTo(checkoutUrl(lines));
}

/** How a payment attempt ended, as the order page is told (the H5 payment page appends the same `pay_result`). */
export type PayResult = 'success' | 'cancel' | 'fail';

export function orderDetailUrl(orderId: number, payResult?: PayResult): string {
  return `${ROUTES.orderDetail}?id=${orderId}${payResult ? `&pay_result=${payResult}` : ''}`;
}

export function openProduct(productId: number): void {
  navigateTo(productDetailUrl(productId));
}

export function navigateTo(url: string): void {
  Taro.navigateTo({ url }).catch((err: unknown) => {
    console.warn('[nav] navigateTo failed', err);
  });
}

/** Replaces the current page (login → scan, signup → member code) so 返回 skips it. */
export function redirectTo(url: string): void {
  Taro.redirectTo({ url }).catch((err: unknown) => {
    console.warn('[nav] redirectTo failed', err);
  });
}

export function switchTab(url: TabRoute): void {
  Taro.switchTab({ url }).catch((err: unknown) => {
    console.warn('[nav] switchTab failed', err);
  });
}

/** Back one page, or to 我的 when the page was opened directly (a scanned code, a shared H5 link). */
export function goBackOr(fallback: TabRoute = ROUTES.mine): void {
  if (Taro.getCurrentPages().length > 1) {
    Taro.navigateBack().catch(() => switchTab(fallback));
  } else {
    switchTab(fallback);
  }
}
