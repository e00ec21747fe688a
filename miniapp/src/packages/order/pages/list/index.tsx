import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { fen, type OrderSummaryView } from '@tidepool/shared';
import { Price } from '@/components/price';
import { useListPageGestures, usePagedList } from '@/hooks/use-paged-list';
import { listOrders } from '@/services/api/orders.api';
import { resolveAssetUrl } from '@/services/asset-url';
import { formatDateTime } from '@/utils/date';
import { navigateTo, orderDetailUrl, ROUTES, switchTab } from '@/utils/routes';
import { ORDER_TABS, orderListStateLabel, payableLabel, type OrderTab } from '@/utils/order-text';
import { PagedList } from '@/components/paged-list';
import { useRefreshOnShow } from '@/hooks/use-page-refresh';
import '../../order.scss';
import './index.scss';

const PAGE_SIZE = 10;

const EMPTY_TITLE: Record<OrderTab['key'], string> = {
  ALL: '还没有订单',
  PENDING_PAYMENT: '没有待付款的订单',
  PAID: '没有待发货的订单',
  FULFILLED: '没有待收货的订单',
  COMPLETED: '没有已完成的订单',
  AFTER_SALES: '没有售后记录',
};

function OrderRow({ order }: { order: OrderSummaryView }) {
  const unpaid = order.state === 'PENDING_PAYMENT';
  const open = () => navigateTo(orderDetailUrl(order.id));
  return (
    <View className="order-item" onClick={open}>
      <View className="order-item__head">
        <Text className="order-item__time">{formatDateTime(order.createdAt)}</Text>
        <Text className={`order-state order-state--${order.state.toLowerCase()} order-item-state`}>
          {orderListStateLabel(order.state, order.fulfilment)}
        </Text>
      </View>
      <View className="order-item__body">
        <Image className="order-item__img" src={resolveAssetUrl(order.firstImageUrl)} mode="aspectFill" lazyLoad />
        <Text className="order-item__title order-item-title">{order.title}</Text>
      </View>
      <View className="order-item__foot">
        <Text className="order-item__count">{`共 ${order.itemCount} 件`}</Text>
        <Text className="order-item__paid-label">{payableLabel(order.state)}</Text>
        <Price fen={fen(order.payableFen)} size="sm" className="order-item-payable" />
      </View>
      {unpaid ? (
        <View className="order-item__actions">
          <View className="btn btn--primary btn--small order-item-pay">去支付</View>
        </View>
      ) : null}
    </View>
  );
}

/**
 * 我的订单: tabs 全部 / 待付款 / 待发货 / 待收货 / 已完成 filtered on the server, 10 a page, newest first; 售后 opens the
 * after-sales page.
 */
export default function OrderListPage() {
  const router = useRouter();
  const [tab, setTab] = useState<OrderTab>(
    () => ORDER_TABS.find((t) => t.key === router.params.tab && !t.url) ?? ORDER_TABS[0],
  );
  const list = usePagedList(
    useCallback((page: number) => listOrders(page, tab.state, PAGE_SIZE), [tab]),
    [tab.key],
  );
  // Back from an order (paid, cancelled): read the list again, keeping it on screen meanwhile.
  useRefreshOnShow(list.refresh);
  useListPageGestures(list);

  return (
    <View className="order-list-page">
      <View className="order-tabs">
        {ORDER_TABS.map((t) => (
          <View
            key={t.key}
            className={`order-tabs__tab order-tab ${t.key === tab.key ? 'order-tabs__tab--active order-tab--active' : ''}`}
            onClick={() => (t.url ? navigateTo(t.url) : setTab(t))}
          >
            <Text>{t.title}</Text>
          </View>
        ))}
      </View>

      <View className="order-list">
        <PagedList
          list={list}
          empty={{
            title: EMPTY_TITLE[tab.key],
            description: tab.key === 'ALL' ? '去看看会员专享的好物吧' : undefined,
            actionText: tab.key === 'ALL' ? '去逛逛' : undefined,
            onAction: () => switchTab(ROUTES.home),
          }}
          renderItem={(order) => <OrderRow key={order.id} order={order} />}
          wrapRows
        />
      </View>
    </View>
  );
}
