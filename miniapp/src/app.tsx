import type { PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { installCartSync } from '@/services/cart-sync';
import { handleAppEntry, installReferralCapture } from '@/services/distribution-referral';
import { installInterceptors } from '@/services/http';
import { installSessionAuth } from '@/services/session';
import { loadStoreTimeZone } from '@/services/store-zone';
import './app.scss';

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
  // children is the page being shown.
  return children;
}

export default App;
