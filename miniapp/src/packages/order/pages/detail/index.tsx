import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { type OrderAction, type OrderState, type OrderView } from '@tidepool/shared';
import { useAsync } from '@/hooks/use-async';
import { ApiError, toApiError } from '@/services/api-error';
import { cancelOrder, confirmReceipt, getOrder } from '@/services/api/orders.api';
import { formatDateTime } from '@/utils/date';
import { navigateTo, openProduct, ROUTES, switchTab } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { Breakdown } from '../../components/breakdown';
import { OrderLines } from '../../components/order-lines';
import { PickupCode } from '../../components/pickup-code';
import { formatCountdown, msUntil } from '../../countdown';
import { afterSaleApplyUrl, type OrderActionButton, orderActionButtons } from '../../order-actions';
import { ContactService } from '@/components/contact-service';
import { FULFILMENT_LABEL, maskPhone, orderStateHint, orderStateLabel, payableLabel } from '@/utils/order-text';
import { startPayment, waitUntilPaid } from '../../payment';
import { useServerClockSkew } from './use-server-clock';
import { useTick } from '@/hooks/use-tick';
import { colors } from '@/styles/tokens';
import { usePullDownReload } from '@/hooks/use-page-refresh';
import { DetailFallback } from '@/components/detail-fallback';
import { InfoRow } from '../../components/info-row';
import '../../order.scss';
import './index.scss';

function parseOrderId(raw: string | undefined): number | null {
  if (!raw || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** Under the pickup store's name while the goods still wait to be picked up. */
const PICKUP_NOTE: Record<OrderState, string | null> = {
  PENDING_PAYMENT: '付款后凭自提码到店提货',
  PAID: '凭下方自提码到店提货',
  FULFILLED: null,
  COMPLETED: null,
  CANCELLED: null,
};

/** Asks first; resolves true when the member confirmed. */
async function confirmFirst(confirm: NonNullable<OrderActionButton['confirm']>, danger = false): Promise<boolean> {
  const { confirm: ok } = await Taro.showModal({
    title: confirm.title,
    content: confirm.content,
    confirmText: confirm.confirmText,
    cancelText: '再想想',
    confirmColor: danger ? colors.danger : colors.primary,
  }).catch(() => ({ confirm: false }));
  return ok;
}

/** 订单详情: state (with the payment countdown), goods, breakdown, delivery, and the buttons `actions` allows. */
export default function OrderDetailPage() {
  const router = useRouter();
  const orderId = parseOrderId(router.params.id);
  const payResult = router.params.pay_result;
  const detail = useAsync<OrderView>(
    () => (orderId === null ? Promise.reject(new ApiError('ORDER_NOT_FOUND', 404)) : getOrder(orderId)),
    [orderId],
  );
  usePullDownReload(detail.reload);

  const order = detail.state.data;
  if (!order) {
    return (
      <DetailFallback
        className="order-page"
        state={detail.state}
        onRetry={() => void detail.reload()}
        notFound={{ code: 'ORDER_NOT_FOUND', actionText: '查看我的订单', onAction: () => navigateTo(ROUTES.orderList) }}
      />
    );
  }
  return <OrderDetail initial={order} payResult={payResult} onReload={() => void detail.reload()} />;
}

interface OrderDetailProps {
  initial: OrderView;
  /** `pay_result` from the H5 payment page or the checkout: success → wait for the payment; cancel → say so. */
  payResult: string | undefined;
  onReload: () => void;
}

function OrderDetail({ initial, payResult, onReload }: OrderDetailProps) {
  const [order, setOrder] = useState(initial);
  useEffect(() => setOrder(initial), [initial]);
  const [busy, setBusy] = useState<OrderAction | null>(null);
  /** Waiting for the payment notification: 'polling', or 'slow' when 15 s were not enough. */
  const [payCheck, setPayCheck] = useState<'idle' | 'polling' | 'slow'>('idle');
  const left = useRef(false);
  useEffect(
    () => () => {
      left.current = true;
    },
    [],
  );

  const skew = useServerClockSkew();
  const unpaid = order.state === 'PENDING_PAYMENT';
  const now = useTick(unpaid && skew !== null);
  const msLeft = skew === null ? null : msUntil(order.payBefore, now + skew);
  const expired = unpaid && msLeft === 0;

  const waitForPayment = async () => {
    setPayCheck('polling');
    const result = await waitUntilPaid(order.id, () => left.current);
    if (left.current) return;
    if (result.value) setOrder(result.value);
    if (result.done) {
      setPayCheck('idle');
      if (result.value?.state === 'PAID') toast('支付成功');
    } else {
      setPayCheck('slow');
    }
  };

  // Arrived from a payment: once per page.
  const handledPayResult = useRef(false);
  useEffect(() => {
    if (handledPayResult.current) return;
    handledPayResult.current = true;
    if (payResult === 'success') void waitForPayment();
    else if (payResult === 'cancel') toast('已取消支付，请在支付时限内完成支付');
  }, [payResult]);

  // The payment window closed: the server cancels the order within a minute; read it again then.
  useEffect(() => {
    if (!expired) return;
    const timer = setTimeout(onReload, 3000);
    return () => clearTimeout(timer);
  }, [expired]);

  const pay = async () => {
    if (busy) return;
    setBusy('PAY');
    const outcome = await startPayment(order.id);
    setBusy(outcome.kind === 'redirected' ? 'PAY' : null);
    switch (outcome.kind) {
      case 'redirected':
        return;
      case 'paid':
        await waitForPayment();
        return;
      case 'cancelled':
        toast('已取消支付');
        return;
      case 'unavailable':
        toast(outcome.message);
        return;
      case 'failed':
        toast(outcome.message);
        onReload();
        return;
    }
  };

  /** Runs a state change after its confirmation; the answer replaces the order, a refusal reloads it. */
  const act = async (action: OrderAction, button: OrderActionButton, run: () => Promise<OrderView>, done: string) => {
    if (busy || !button.confirm) return;
    if (!(await confirmFirst(button.confirm, action === 'CANCEL'))) return;
    setBusy(action);
    try {
      setOrder(await run());
      toast(done);
    } catch (err) {
      toast(toApiError(err).message);
      onReload();
    } finally {
      setBusy(null);
    }
  };

  const onAction = (action: OrderAction, button: OrderActionButton) => {
    switch (action) {
      case 'PAY':
        void pay();
        return;
      case 'CANCEL':
        void act(action, button, () => cancelOrder(order.id), '订单已取消');
        return;
      case 'CONFIRM_RECEIPT':
        void act(action, button, () => confirmReceipt(order.id), '已确认收货');
        return;
      case 'APPLY_REFUND':
        if (busy || !button.confirm) return;
        void confirmFirst(button.confirm).then((ok) => ok && navigateTo(afterSaleApplyUrl(order.id)));
        return;
      case 'FULFIL':
        return;
    }
  };

  const buttons = orderActionButtons(order.actions);
  const copyTracking = (trackingNo: string) => {
    Taro.setClipboardData({ data: trackingNo })
      .then(() => toast('运单号已复制'))
      .catch(() => toast('复制失败，请长按运单号复制'));
  };

  return (
    <View className="order-page order-detail-page">
      <View className={`order-banner order-banner--${order.state.toLowerCase()}`}>
        <Text className="order-banner__title order-detail-state">{orderStateLabel(order.state, order.fulfilment)}</Text>
        {payCheck === 'polling' ? (
          <Text className="order-banner__hint paying-banner">支付处理中，请稍候…</Text>
        ) : payCheck === 'slow' && unpaid ? (
          <View className="order-banner__row">
            <Text className="order-banner__hint paying-slow">支付结果确认中，如已付款请稍后刷新</Text>
            <Text className="order-banner__link" onClick={() => void waitForPayment()}>
              刷新
            </Text>
          </View>
        ) : unpaid && msLeft !== null ? (
          <Text className="order-banner__hint">
            {expired ? (
              '支付已超时，订单即将自动取消'
            ) : (
              <>
                {'剩余 '}
                <Text className="order-banner__countdown order-countdown">{formatCountdown(msLeft)}</Text>
                {'，超时订单将自动取消'}
              </>
            )}
          </Text>
        ) : (
          <Text className="order-banner__hint">
            {order.state === 'CANCELLED' && order.cancelReason
              ? `${order.cancelReason}，商品库存和使用的优惠券已退回`
              : orderStateHint(order.state, order.fulfilment)}
          </Text>
        )}
      </View>

      <View className="order-card order-delivery">
        <View className="order-card__head">
          <Text className="order-card__title">{FULFILMENT_LABEL[order.fulfilment]}</Text>
        </View>
        {order.fulfilment === 'SHIP' && order.address ? (
          <View className="order-delivery__body order-address">
            <Text className="order-delivery__who">{`${order.address.recipientName}  ${maskPhone(order.address.phone)}`}</Text>
            <Text className="order-delivery__where">{`${order.address.region} ${order.address.detail}`}</Text>
          </View>
        ) : (
          <View className="order-delivery__body order-pickup">
            <Text className="order-delivery__who">{order.pickupStoreName ?? '门店自提'}</Text>
            {PICKUP_NOTE[order.state] ? (
              <Text className="order-delivery__where">{PICKUP_NOTE[order.state]}</Text>
            ) : null}
            {order.pickupCode ? <PickupCode code={order.pickupCode} /> : null}
            {order.state === 'COMPLETED' && order.fulfilledAt ? (
              <Text className="order-delivery__where order-picked-up">{`已于 ${formatDateTime(order.fulfilledAt)} 提货`}</Text>
            ) : null}
          </View>
        )}
        {order.shipment ? (
          <View className="order-shipment">
            <InfoRow label="快递公司" value={order.shipment.carrier} valueClassName="order-carrier" />
            <View className="order-row order-row--small">
              <Text className="order-row__label">运单号</Text>
              <Text className="order-row__value order-tracking-no" userSelect>
                {order.shipment.trackingNo}
              </Text>
              <Text
                className="order-shipment__copy copy-tracking"
                onClick={() => copyTracking(order.shipment?.trackingNo ?? '')}
              >
                复制
              </Text>
            </View>
            {order.shipment.autoConfirmAt ? (
              <Text className="order-shipment__note auto-confirm-note">
                {`${formatDateTime(order.shipment.autoConfirmAt)} 将自动确认收货`}
              </Text>
            ) : null}
          </View>
        ) : null}
      </View>

      <View className="order-card">
        <View className="order-card__head">
          <Text className="order-card__title">商品</Text>
          <Text className="order-card__extra">{`共 ${order.lines.reduce((n, l) => n + l.quantity, 0)} 件`}</Text>
        </View>
        <OrderLines lines={order.lines} onOpen={(line) => openProduct(line.productId)} />
      </View>

      <View className="order-card">
        <Breakdown
          subtotalFen={order.subtotalFen}
          discounts={order.discounts}
          payableFen={order.payableFen}
          payableLabel={payableLabel(order.state)}
          note={order.pointsAwarded > 0 ? `已获得 ${order.pointsAwarded} 积分` : undefined}
        />
      </View>

      <View className="order-card order-info">
        <InfoRow label="订单编号" value={order.orderNo} valueClassName="order-no" copyable />
        <InfoRow label="下单时间" value={formatDateTime(order.createdAt)} />
        {order.paidAt ? <InfoRow label="支付时间" value={formatDateTime(order.paidAt)} /> : null}
        {order.fulfilledAt && order.fulfilment === 'SHIP' ? (
          <InfoRow label="发货时间" value={formatDateTime(order.fulfilledAt)} />
        ) : null}
        {order.completedAt ? <InfoRow label="完成时间" value={formatDateTime(order.completedAt)} /> : null}
        {order.cancelledAt ? <InfoRow label="取消时间" value={formatDateTime(order.cancelledAt)} /> : null}
      </View>

      <View className="order-links">
        <Text className="order-links__link" onClick={() => navigateTo(ROUTES.orderList)}>
          查看全部订单
        </Text>
        <Text className="order-links__dot">·</Text>
        <Text className="order-links__link" onClick={() => switchTab(ROUTES.home)}>
          继续逛逛
        </Text>
        <Text className="order-links__dot">·</Text>
        <ContactService className="order-links__link order-contact" />
      </View>

      {buttons.length > 0 ? (
        <View className="order-bar">
          <View className="order-bar__inner">
            <View className="order-bar__actions">
              {buttons.map(({ action, button }) => {
                const working = busy === action;
                return (
                  <View
                    key={action}
                    className={`btn order-bar__action ${button.className} ${busy || payCheck === 'polling' ? 'btn--disabled' : ''}`}
                    onClick={() => {
                      if (!busy && payCheck !== 'polling') onAction(action, button);
                    }}
                  >
                    {working ? `${button.text}…` : button.text}
                  </View>
                );
              })}
            </View>
          </View>
        </View>
      ) : null}
    </View>
  );
}
