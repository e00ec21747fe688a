import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { installCartSync } from '@/services/cart-sync';
import { installInterceptors } from '@/services/http';
import { installSessionAuth } from '@/services/session';
import './app.scss';

installInterceptors();
installSessionAuth();
installCartSync();

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    console.info('[app] Tidepool launched on', process.env.TARO_ENV);
  });
  // children is the page being shown.
  return children;
}

export default App;
