import Taro from '@tarojs/taro';

export function toast(title: string): void {
  Taro.showToast({ title, icon: 'none', duration: 1800 }).catch(() => undefined);
}

export const COMING_SOON = '即将上线';

export function comingSoon(title: string = COMING_SOON): void {
  toast(title);
}
