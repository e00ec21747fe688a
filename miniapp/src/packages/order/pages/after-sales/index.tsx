import { CustomWrapper, Image, Text, View } from '@tarojs/components';
import { stopPullDownRefresh, useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useRef } from 'react';
import { AFTER_SALE_TYPE_LABELS, fen, type AfterSaleView } from '@tidepool/shared';
import { ListFooter } from '@/components/list-footer';
import { Price } from '@/components/price';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { listAfterSales } from '@/services/api/after-sales.api';
import { resolveAssetUrl } from '@/services/asset-url';
import { formatDate, formatTime } from '@/utils/date';
import { navigateTo, ROUTES } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { afterSaleDetailUrl, afterSaleStateLabel } from '../../after-sale';
import '../../order.scss';
import '../../after-sale.scss';

const PAGE_SIZE = 10;

function AfterSaleRow({ item }: { item: AfterSaleView }) {
  return (
    <View className="as-item after-sale-item" onClick={() => navigateTo(afterSaleDetailUrl(item.id))}>
      <View className="as-item__head">
        <Text>{`${formatDate(item.createdAt)} ${formatTime(item.createdAt)}`}</Text>
        <Text className={`as-state as-state--${item.state.toLowerCase()} after-sale-item-state`}>
          {afterSaleStateLabel(item.state)}
        </Text>
      </View>
      <View className="as-item__body">
        <Image className="as-item__img" src={resolveAssetUrl(item.imageUrl)} mode="aspectFill" lazyLoad />
        <View className="as-item__text">
          <Text className="as-item__name">{item.productName}</Text>
          <Text className="as-item__meta">{`${AFTER_SALE_TYPE_LABELS[item.type]} · ${item.quantity} 件`}</Text>
        </View>
      </View>
      <View className="as-item__foot">
        <Text>{item.state === 'REFUNDED' ? '已退款' : '退款金额'}</Text>
        <Price fen={fen(item.amountFen)} size="sm" className="after-sale-item-amount" />
      </View>
    </View>
  );
}

/** 退款/售后: the member's after-sales, newest first (the 售后 tab of 我的订单 links here). */
export default function AfterSalesPage() {
  const list = usePagedList(
    useCallback((page: number) => listAfterSales(page, PAGE_SIZE), []),
    [],
  );
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
    <View className="as-list-page after-sales-page">
      {list.initialLoading ? <LoadingState variant="list" /> : null}
      {list.error ? <ErrorState error={list.error} onRetry={() => void list.retry()} /> : null}
      {!list.initialLoading && !list.error && list.items.length === 0 ? (
        <EmptyState
          title="暂无售后记录"
          description="在订单详情中可申请退款或退货"
          actionText="查看我的订单"
          onAction={() => navigateTo(ROUTES.orderList)}
        />
      ) : null}
      {list.items.length > 0 ? (
        <>
          <CustomWrapper>
            <View>
              {list.items.map((item) => (
                <AfterSaleRow key={item.id} item={item} />
              ))}
            </View>
          </CustomWrapper>
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
