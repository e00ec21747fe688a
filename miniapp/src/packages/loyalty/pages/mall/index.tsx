import { Image, Text, View } from '@tarojs/components';
import { stopPullDownRefresh, useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef } from 'react';
import type { GiftSummary } from '@tidepool/shared';
import { ListFooter } from '@/components/list-footer';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-view';
import { useAsync } from '@/hooks/use-async';
import { usePagedList } from '@/hooks/use-paged-list';
import { getPointsBalance } from '@/services/api/loyalty.api';
import { listGifts } from '@/services/api/points-mall.api';
import { resolveAssetUrl } from '@/services/asset-url';
import { giftUrl, navigateTo, ROUTES } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { PointsPrice, StockTag } from '../../components';
import '../../loyalty.scss';
import './index.scss';

function GiftCard({ gift }: { gift: GiftSummary }) {
  const soldOut = gift.stock <= 0;
  return (
    <View
      className={`gift-card ${soldOut ? 'gift-card--sold-out' : ''}`}
      hoverClass="gift-card--pressed"
      onClick={() => navigateTo(giftUrl(gift.id))}
    >
      <View className="gift-card__cover-wrap">
        <Image className="gift-card__cover" src={resolveAssetUrl(gift.imageUrl)} mode="aspectFill" lazyLoad />
        {soldOut ? <Text className="gift-card__sold-out">已兑完</Text> : null}
      </View>
      <View className="gift-card__body">
        <Text className="gift-card__name gift-name">{gift.name}</Text>
        <View className="gift-card__footer">
          <PointsPrice points={gift.pointsPrice} className="gift-price" />
          <StockTag stock={gift.stock} />
        </View>
      </View>
    </View>
  );
}

/** 积分商城: what the member's points buy. Browsing needs no login; the balance shows once logged in. */
export default function MallPage() {
  const gifts = usePagedList((page) => listGifts(page), []);
  const balance = useAsync(getPointsBalance, []);
  const shownOnce = useRef(false);

  // Back from a redemption: the balance and the stock changed.
  useDidShow(() => {
    if (shownOnce.current) {
      void balance.reload();
      void gifts.refresh();
    }
    shownOnce.current = true;
  });
  usePullDownRefresh(() => {
    void Promise.all([balance.reload(), gifts.refresh()])
      .then(([, error]) => {
        if (error) toast(error.message);
      })
      .finally(() => void stopPullDownRefresh());
  });
  useReachBottom(() => {
    void gifts.loadMore();
  });

  const points = balance.state.data?.available;
  return (
    <View className="loyalty-page mall-page">
      <View className="mall-head">
        <View className="mall-head__points" onClick={() => navigateTo(ROUTES.loyaltyPoints)}>
          <Text className="mall-head__label">我的积分</Text>
          <Text className="mall-head__value mall-points">{points === undefined ? '--' : String(points)}</Text>
        </View>
        <View className="btn btn--small mall-head__btn my-gifts-link" onClick={() => navigateTo(ROUTES.myGifts)}>
          我的礼品
        </View>
      </View>

      {gifts.initialLoading ? <LoadingState variant="grid" /> : null}
      {gifts.error ? <ErrorState error={gifts.error} onRetry={() => void gifts.retry()} /> : null}
      {!gifts.initialLoading && !gifts.error && gifts.items.length === 0 ? (
        <EmptyState title="礼品正在上架中" description="敬请期待" />
      ) : null}
      {gifts.items.length > 0 ? (
        <>
          <View className="gift-grid">
            {gifts.items.map((gift) => (
              <GiftCard key={gift.id} gift={gift} />
            ))}
          </View>
          <ListFooter
            hasMore={gifts.hasMore}
            loadingMore={gifts.loadingMore}
            error={gifts.moreError}
            onLoadMore={() => void gifts.loadMore()}
          />
        </>
      ) : null}
    </View>
  );
}
