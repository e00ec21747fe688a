import { Image, Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { AFTER_SALE_TYPE_LABELS, fen, type AfterSaleView } from '@tidepool/shared';
import { Price } from '@/components/price';
import { useListPageGestures, usePagedList } from '@/hooks/use-paged-list';
import { listAfterSales } from '@/services/api/after-sales.api';
import { resolveAssetUrl } from '@/services/asset-url';
import { formatDate, formatTime } from '@/utils/date';
import { navigateTo, ROUTES } from '@/utils/routes';
import { afterSaleDetailUrl, afterSaleStateLabel } from '../../after-sale';
import { PagedList } from '@/components/paged-list';
import { useRefreshOnShow } from '@/hooks/use-page-refresh';
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
  useRefreshOnShow(list.refresh);
  useListPageGestures(list);

  return (
    <View className="as-list-page after-sales-page">
      <PagedList
        list={list}
        empty={{
          title: '暂无售后记录',
          description: '在订单详情中可申请退款或退货',
          actionText: '查看我的订单',
          onAction: () => navigateTo(ROUTES.orderList),
        }}
        renderItem={(item) => <AfterSaleRow key={item.id} item={item} />}
        wrapRows
      />
    </View>
  );
}
