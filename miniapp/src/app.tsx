import type { PropsWithChildren } from 'react';
import Taro, { useDidShow, useLaunch, usePageNotFound } from '@tarojs/taro';
import { AppFallback } from '@/components/app-fallback';
import { installCartSync } from '@/services/cart-sync';
import { handleAppEntry, installReferralCapture } from '@/services/distribution-referral';
import { installInterceptors } from '@/services/http';
import { installSessionAuth } from '@/services/session';
import { loadStoreTimeZone } from '@/services/store-zone';
import './app.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';

installInterceptors();
installSessionAuth();
installCartSync();
installReferralCapture();

function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    console.info('[app] Tidepool launched on', process.env.TARO_ENV);
    // Dates and times are shown in the store's zone, which the server names.
    void loadStoreTimeZone();
    // A shared card, link or poster code: bind the visitor to the promoter (a poster code lands on home).
    handleAppEntry(options, true);
  });
  // Back from the background through another share card (a hot start): that card's token.
  useDidShow((options) => handleAppEntry(options, false));
  // weapp: an unknown path (an old share card, a mistyped link) opens 首页 instead of WeChat's blank error.
  usePageNotFound(() => {
    if (IS_H5) return;
    Taro.reLaunch({ url: '/pages/index/index' }).catch(() => undefined);
  });
  // children is the page being shown; in the browser the app also shows 页面不存在 / 网络不给力 over it when the
  // router has no page to show (see AppFallback).
  return IS_H5 ? (
    <>
      {children}
      <AppFallback />
    </>
  ) : (
    children
  );
}

export default App;
