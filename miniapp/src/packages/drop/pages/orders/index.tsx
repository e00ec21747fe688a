import { Image, Text, View } from '@tarojs/components';
import { stopPullDownRefresh, useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef } from 'react';
import { fen, type DropOrderSummaryView } from '@tidepool/shared';
import { ListFooter } from '@/components/list-footer';
import { Price } from '@/components/price';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { resolveAssetUrl } from '@/services/asset-url';
import { listMyDropOrders } from '@/services/drops.api';
import { formatDateTime } from '@/utils/date';
import { navigateTo, orderDetailUrl, ROUTES, switchTab } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { ORDER_STATE_LABEL, payableLabel } from '@/utils/order-text';
import '../../drop.scss';

const PAGE_SIZE = 10;

function DropOrderRow({ order }: { order: DropOrderSummaryView }) {
  const muted = order.state === 'CANCELLED' || order.state === 'COMPLETED';
  return (
    <View className="drop-row drop-order-item" onClick={() => navigateTo(orderDetailUrl(order.id))}>
      <View className="drop-row__head">
        <Text className="drop-row__title drop-order-title">{order.dropTitle}</Text>
        <Text className={`drop-row__state drop-order-state ${muted ? 'drop-row__state--muted' : ''}`}>
          {ORDER_STATE_LABEL[order.state]}
        </Text>
      </View>
      <View className="drop-row__body">
        <Image className="drop-row__img" src={resolveAssetUrl(order.firstImageUrl)} mode="aspectFill" lazyLoad />
        <View className="drop-row__text">
          <Text className="drop-row__name">{order.title}</Text>
          <Text className="drop-row__sub">{`${formatDateTime(order.createdAt)} · 共 ${order.itemCount} 件`}</Text>
        </View>
      </View>
      <View className="drop-row__foot">
        <Text>{payableLabel(order.state)}</Text>
        <Price fen={fen(order.payableFen)} size="sm" className="drop-order-payable" />
      </View>
    </View>
  );
}

/** 我的团购订单: the member's drop orders, newest first, 10 a page; tap → the order (to pay, or to show). */
export default function DropOrdersPage() {
  const list = usePagedList((page: number) => listMyDropOrders(page, PAGE_SIZE), []);
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void list.refresh();
    shownOnce.current = true;
  });
  usePullDownRefresh(() => {
    void list.refresh().then((error) => {
      void stopPullDownRefresh();
      if (error) toast(error.message);
    });
  });
  useReachBottom(() => {
    void list.loadMore();
  });

  return (
    <View className="drop-page drop-orders-page">
      {list.initialLoading ? <LoadingState variant="list" /> : null}
      {list.error ? <ErrorState error={list.error} onRetry={() => void list.retry()} /> : null}
      {!list.initialLoading && !list.error && list.items.length === 0 ? (
        <EmptyState
          title="还没有团购订单"
          description="每周五中午 12 点开抢，会员专享团购价"
          actionText="去看看"
          onAction={() => switchTab(ROUTES.home)}
        />
      ) : null}
      {list.items.length > 0 ? (
        <>
          {list.items.map((order) => (
            <DropOrderRow key={order.id} order={order} />
          ))}
          <ListFooter
            hasMore={list.hasMore}
            loadingMore={list.loadingMore}
            error={list.moreError}
            onLoadMore={() => void list.loadMore()}
          />
        </>
      ) : null}
    </View>
  );
}
