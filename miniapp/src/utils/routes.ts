import Taro from '@tarojs/taro';

export const ROUTES = {
  home: '/pages/index/index',
  category: '/pages/category/index',
  cart: '/pages/cart/index',
  mine: '/pages/mine/index',
  productDetail: '/packages/product/pages/detail/index',
} as const;

export type TabRoute = (typeof ROUTES)['home' | 'category' | 'cart' | 'mine'];

export function productDetailUrl(productId: number): string {
  return `${ROUTES.productDetail}?id=${productId}`;
}

export function openProduct(productId: number): void {
  Taro.navigateTo({ url: productDetailUrl(productId) }).catch((err: unknown) => {
    console.warn('[nav] navigateTo failed', err);
  });
}

export function switchTab(url: TabRoute): void {
  Taro.switchTab({ url }).catch((err: unknown) => {
    console.warn('[nav] switchTab failed', err);
  });
}
