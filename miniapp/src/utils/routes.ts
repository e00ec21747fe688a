import Taro from '@tarojs/taro';

export const ROUTES = {
  home: '/pages/index/index',
  category: '/pages/category/index',
  cart: '/pages/cart/index',
  mine: '/pages/mine/index',
  productDetail: '/packages/product/pages/detail/index',
  memberSignup: '/packages/member/pages/signup/index',
  memberCode: '/packages/member/pages/code/index',
  memberVouchers: '/packages/member/pages/vouchers/index',
  memberPrivacy: '/packages/member/pages/privacy/index',
  memberTerms: '/packages/member/pages/terms/index',
  storeLogin: '/packages/store/pages/login/index',
  storeScan: '/packages/store/pages/scan/index',
  storeSales: '/packages/store/pages/sales/index',
  storeSignupCode: '/packages/store/pages/signup-code/index',
} as const;

export type TabRoute = (typeof ROUTES)['home' | 'category' | 'cart' | 'mine'];

export function productDetailUrl(productId: number): string {
  return `${ROUTES.productDetail}?id=${productId}`;
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
