import { Image, Text, View } from '@tarojs/components';
import { fen, type DropOrderSummaryView } from '@tidepool/shared';
import { Price } from '@/components/price';
import { useListPageGestures, usePagedList } from '@/hooks/use-paged-list';
import { resolveAssetUrl } from '@/services/asset-url';
import { listMyDropOrders } from '@/services/drops.api';
import { formatDateTime } from '@/utils/date';
import { navigateTo, orderDetailUrl, ROUTES, switchTab } from '@/utils/routes';
import { ORDER_STATE_LABEL, payableLabel } from '@/utils/order-text';
import { PagedList } from '@/components/paged-list';
import { useRefreshOnShow } from '@/hooks/use-page-refresh';
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
  useRefreshOnShow(list.refresh);
  useListPageGestures(list);

  return (
    <View className="drop-page drop-orders-page">
      <PagedList
        list={list}
        empty={{
          title: '还没有团购订单',
          description: '每周五中午 12 点开抢，会员专享团购价',
          actionText: '去看看',
          onAction: () => switchTab(ROUTES.home),
        }}
        renderItem={(order) => <DropOrderRow key={order.id} order={order} />}
      />
    </View>
  );
}
