import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { DropListResponse } from '@tidepool/shared';
import { listDrops, type Clocked } from '@/services/drops.api';
import { DROP_ROUTES, dropDetailUrl } from '@/services/drops-routes';
import { dropStatusText, livePhase } from '@/services/drops-time';
import { navigateTo } from '@/utils/routes';
import { useRefreshOnShow } from '@/hooks/use-page-refresh';

/**
 * The home page's 团购 card: the soonest drop with its countdown (server clock), tap → the drop (or the list when
 * several are current). Shows nothing while loading, without drops or on error: the home page must not wait on it.
 */
export function DropBanner() {
  const [list, setList] = useState<Clocked<DropListResponse> | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const load = () => {
    listDrops().then(setList, () => setList(null));
  };
  useEffect(load, []);
  useRefreshOnShow(load);

  const drops = list?.value.items ?? [];
  const skewMs = list?.skewMs ?? 0;
  const current = drops.filter((d) => livePhase(d, now, skewMs) !== 'ENDED');
  const ticking = current.length > 0;
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);

  const drop = current[0];
  if (!drop) return null;
  const open = livePhase(drop, now, skewMs) === 'OPEN';
  return (
    <View
      className={`drop-banner home-drop-banner ${open ? 'drop-banner--open' : ''}`}
      onClick={() => navigateTo(current.length > 1 ? DROP_ROUTES.list : dropDetailUrl(drop.id))}
    >
      <View className="drop-banner__text">
        <Text className="drop-banner__badge">每周团购</Text>
        <Text className="drop-banner__title">{drop.title}</Text>
      </View>
      <View className="drop-banner__side">
        <Text className="drop-banner__status home-drop-status">{dropStatusText(drop, now, skewMs)}</Text>
        <Text className="drop-banner__go">
          {open ? '去抢购 ›' : current.length > 1 ? `共 ${current.length} 场 ›` : '去看看 ›'}
        </Text>
      </View>
    </View>
  );
}
