import type { PropsWithChildren } from 'react';
import Taro, { useDidShow, useLaunch, usePageNotFound } from '@tarojs/taro';
import { AppFallback } from '@/components/app-fallback';
import { PrivacyHost } from '@/components/privacy-sheet';
import { installPrivacyAuthorization } from '@/components/privacy-sheet/privacy';
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
// Once for the whole app: whichever privacy API a page calls first is held until the member answers the sheet.
installPrivacyAuthorization();

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
  // children are the pages; the privacy sheet portals itself into the page whose call WeChat holds. In the
  // browser the app also shows 页面不存在 / 网络不给力 over them when the router has no page to show (AppFallback).
  return (
    <>
      {children}
      <PrivacyHost />
      {IS_H5 ? <AppFallback /> : null}
    </>
  );
}

export default App;
