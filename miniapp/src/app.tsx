import type { PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { PrivacyHost } from '@/components/privacy-sheet';
import { installPrivacyAuthorization } from '@/components/privacy-sheet/privacy';
import { installCartSync } from '@/services/cart-sync';
import { handleAppEntry, installReferralCapture } from '@/services/distribution-referral';
import { installInterceptors } from '@/services/http';
import { installSessionAuth } from '@/services/session';
import './app.scss';

installInterceptors();
installSessionAuth();
installCartSync();
installReferralCapture();
// Once for the whole app: whichever privacy API a page calls first is held until the member answers the sheet.
installPrivacyAuthorization();

function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    console.info('[app] Tidepool launched on', process.env.TARO_ENV);
    // A shared card, link or poster code: bind the visitor to the promoter (a poster code lands on home).
    handleAppEntry(options, true);
  });
  // Back from the background through another share card (a hot start): that card's token.
  useDidShow((options) => handleAppEntry(options, false));
  // children are the pages; the privacy sheet portals itself into the page whose call WeChat holds.
  return (
    <>
      {children}
      <PrivacyHost />
    </>
  );
}

export default App;
