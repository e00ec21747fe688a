import { Text, View } from '@tarojs/components';
import Taro, { usePageNotFound } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { API_BASE } from '@/services/env';
import { toast } from '@/utils/toast';
import { isChunkLoadError } from './chunk-error';
import './index.scss';

type Fallback = { kind: 'not-found' } | { kind: 'offline' };

const HOME = '/pages/index/index';

/**
 * H5 only: what the browser shows when the router has no page to show. An unknown URL gets 页面不存在 with
 * 返回首页; a page whose code-split chunk could not be fetched (server or network down) gets 网络不给力 with 重试,
 * which checks the server answers again and then reloads the page (fetching the chunk afresh). Rendered by the
 * app beside the pages, over them; cleared by the next navigation.
 */
export function AppFallback() {
  const [fallback, setFallback] = useState<Fallback | null>(null);
  const [retrying, setRetrying] = useState(false);

  usePageNotFound(() => setFallback({ kind: 'not-found' }));

  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => {
      if (!isChunkLoadError(event.reason)) return;
      event.preventDefault();
      setFallback({ kind: 'offline' });
    };
    const onRouteChange = () => setFallback(null);
    window.addEventListener('unhandledrejection', onRejection);
    Taro.eventCenter.on('__taroRouterChange', onRouteChange);
    return () => {
      window.removeEventListener('unhandledrejection', onRejection);
      Taro.eventCenter.off('__taroRouterChange', onRouteChange);
    };
  }, []);

  if (!fallback) return null;

  const goHome = () => {
    setFallback(null);
    Taro.reLaunch({ url: HOME }).catch(() => window.location.assign(HOME));
  };

  const retry = async () => {
    if (retrying) return;
    setRetrying(true);
    try {
      const res = await fetch(`${API_BASE}/api/health`, { cache: 'no-store' });
      if (!res.ok) throw new Error(`health ${res.status}`);
      window.location.reload();
    } catch {
      toast('网络仍未连接，请稍后再试');
      setRetrying(false);
    }
  };

  return (
    <View className={`app-fallback app-fallback--${fallback.kind}`}>
      {fallback.kind === 'not-found' ? (
        <View className="app-fallback__box page-not-found">
          <Text className="app-fallback__code">404</Text>
          <Text className="app-fallback__title">页面不存在</Text>
          <Text className="app-fallback__text">链接可能已失效，或页面已下线</Text>
          <View className="btn btn--primary app-fallback__btn go-home" onClick={goHome}>
            返回首页
          </View>
        </View>
      ) : (
        <View className="app-fallback__box network-error">
          <View className="app-fallback__icon" />
          <Text className="app-fallback__title">网络不给力</Text>
          <Text className="app-fallback__text">页面没能加载，请检查网络后重试</Text>
          <View className="btn btn--primary app-fallback__btn retry-button" onClick={() => void retry()}>
            {retrying ? '正在重试…' : '重试'}
          </View>
          <Text className="app-fallback__link" onClick={goHome}>
            返回首页
          </Text>
        </View>
      )}
    </View>
  );
}
