import { Image, Text, View } from '@tarojs/components';
import type { DropListResponse } from '@tidepool/shared';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-view';
import { useAsync } from '@/hooks/use-async';
import { resolveAssetUrl } from '@/services/asset-url';
import { listDrops, type Clocked } from '@/services/drops.api';
import { dropDetailUrl } from '@/services/drops-routes';
import { dropStatusText, livePhase } from '@/services/drops-time';
import { navigateTo, ROUTES, switchTab } from '@/utils/routes';
import { useTick } from '@/hooks/use-tick';
import { usePullDownReload } from '@/hooks/use-page-refresh';
import '../../drop.scss';

/** 本周团购: every drop open now or opening within a week, soonest first (the home banner's "更多"). */
export default function DropListPage() {
  const { state, reload } = useAsync<Clocked<DropListResponse>>(listDrops, []);
  usePullDownReload(reload);
  const now = useTick(state.data !== null && state.data.value.items.length > 0);

  if (state.status === 'error' && !state.data) {
    return (
      <View className="drop-page">
        <ErrorState error={state.error} onRetry={() => void reload()} />
      </View>
    );
  }
  if (!state.data) {
    return (
      <View className="drop-page">
        <LoadingState variant="list" />
      </View>
    );
  }
  const { value, skewMs } = state.data;
  if (value.items.length === 0) {
    return (
      <View className="drop-page">
        <EmptyState
          title="本周暂无团购"
          description="每周五中午 12 点开抢，敬请期待"
          actionText="去逛逛"
          onAction={() => switchTab(ROUTES.home)}
        />
      </View>
    );
  }
  return (
    <View className="drop-page drop-list-page">
      {value.items.map((drop) => {
        const first = drop.items[0];
        const ended = livePhase(drop, now, skewMs) === 'ENDED';
        return (
          <View key={drop.id} className="drop-row drop-list-item" onClick={() => navigateTo(dropDetailUrl(drop.id))}>
            <View className="drop-row__head">
              <Text className="drop-row__title">{drop.title}</Text>
              <Text className={`drop-row__state ${ended ? 'drop-row__state--muted' : ''}`}>
                {dropStatusText(drop, now, skewMs)}
              </Text>
            </View>
            {first ? (
              <View className="drop-row__body">
                <Image className="drop-row__img" src={resolveAssetUrl(first.imageUrl)} mode="aspectFill" lazyLoad />
                <View className="drop-row__text">
                  <Text className="drop-row__name">{drop.items.map((i) => i.productName).join('、')}</Text>
                  <Text className="drop-row__sub">{drop.description || `共 ${drop.items.length} 件团购好物`}</Text>
                </View>
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
