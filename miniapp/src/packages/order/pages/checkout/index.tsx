import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMemo, useRef, useState } from 'react';
import {
  fen,
  formatFen,
  type CheckoutLineInput,
  type CheckoutQuoteResponse,
  type Fulfilment,
  type OrderView,
  type ShippingAddress,
} from '@tidepool/shared';
import { Price } from '@/components/price';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-view';
import type { ApiError } from '@/services/api-error';
import { createOrder } from '@/services/api/orders.api';
import { refreshMemberCartCount } from '@/services/cart-sync';
import { parseCheckoutItems } from '@/utils/checkout-items';
import { navigateTo, orderDetailUrl, redirectTo, ROUTES, switchTab } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { EMPTY_ADDRESS, firstAddressError, normalizeAddress, validateAddress } from '@/utils/address';
import { CheckoutAddress } from '../../components/checkout-address';
import { Breakdown } from '../../components/breakdown';
import { CouponSheet } from '../../components/coupon-sheet';
import { OrderLines } from '../../components/order-lines';
import { NO_ATTEMPT, submitFailureDialog, submitOrder, type SubmitState } from '../../order-attempt';
import { FULFILMENT_LABEL } from '@/utils/order-text';
import { startPayment } from '../../payment';
import { PICKUP_STORES } from '@/utils/pickup-stores';
import { useCheckoutQuote } from './use-checkout-quote';
import { colors } from '@/styles/tokens';
import '../../order.scss';
import './index.scss';

const FULFILMENTS: readonly Fulfilment[] = ['SHIP', 'PICKUP'];
const REMARK_MAX = 200;

/** 确认订单: `?items=<skuId>x<qty>,…` from 立即购买 or the cart's 去结算. */
export default function CheckoutPage() {
  const router = useRouter();
  const raw = router.params.items;
  const lines = useMemo(() => parseCheckoutItems(raw), [raw]);
  if (!lines) {
    return (
      <View className="order-page">
        <EmptyState
          title="订单商品有误"
          description="请返回重新选择商品"
          actionText="去逛逛"
          onAction={() => switchTab(ROUTES.home)}
        />
      </View>
    );
  }
  return <Checkout lines={lines} raw={raw} />;
}

function couponDiscountOf(quote: CheckoutQuoteResponse): number {
  return quote.discounts.filter((d) => d.key.startsWith('coupon:')).reduce((sum, d) => sum + d.amountFen, 0);
}

/** "「真无线蓝牙耳机 白色」" for the SKU a STOCK_INSUFFICIENT answer names (details `skuId:<id>`). */
function stockItemName(error: ApiError, quote: CheckoutQuoteResponse): string {
  const field = error.details?.find((d) => d.field.startsWith('skuId:'))?.field ?? '';
  const skuId = Number(field.slice('skuId:'.length));
  const line = quote.lines.find((l) => l.skuId === skuId);
  return line ? `「${[line.productName, line.specText].filter(Boolean).join(' ')}」` : '部分商品';
}

function Checkout({ lines, raw }: { lines: CheckoutLineInput[]; raw?: string }) {
  const { quote, loading, error, requote } = useCheckoutQuote(lines);
  const [fulfilment, setFulfilment] = useState<Fulfilment>('SHIP');
  const [address, setAddress] = useState<ShippingAddress>(EMPTY_ADDRESS);
  const [showErrors, setShowErrors] = useState(false);
  const [pickupStoreId, setPickupStoreId] = useState(PICKUP_STORES[0].id);
  const [remark, setRemark] = useState('');
  const [sheetOpen, setSheetOpen] = useState(false);
  const [attempt, setAttempt] = useState<SubmitState>(NO_ATTEMPT);
  const attemptRef = useRef(attempt);
  attemptRef.current = attempt;
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  /** The order exists and payment is starting: the page is on its way out. */
  const [paying, setPaying] = useState(false);

  const addressErrors = useMemo(() => validateAddress(address), [address]);
  // An unanswered submit locks what was sent until it is retried.
  const locked = attempt.pending !== null || submitting || paying;

  if (!quote) {
    if (error && !loading) {
      return (
        <View className="order-page">
          {error.code === 'SKU_NOT_FOUND' || error.code === 'PRODUCT_OFF_SHELF' ? (
            <EmptyState title={error.message} actionText="去逛逛" onAction={() => switchTab(ROUTES.home)} />
          ) : (
            <ErrorState error={error} onRetry={() => void requote(undefined)} />
          )}
        </View>
      );
    }
    return (
      <View className="order-page">
        <LoadingState variant="list" text="正在计算价格…" />
      </View>
    );
  }

  const itemCount = quote.lines.reduce((n, l) => n + l.quantity, 0);
  const couponDiscount = couponDiscountOf(quote);
  const usableCoupons = quote.coupons.filter((c) => c.usable).length;
  const memberDayLine = quote.discounts.find((d) => d.key === 'member-day');

  const chooseCoupons = async (couponIds: number[]) => {
    const answer = await requote(couponIds);
    if (!answer.ok) toast(answer.error.message);
  };

  const afterOrder = async (order: OrderView) => {
    setPaying(true);
    // The ordered units left the server cart with the order: the badge and the cart page follow.
    void refreshMemberCartCount().catch(() => undefined);
    const outcome = await startPayment(order.id);
    switch (outcome.kind) {
      case 'redirected':
        return;
      case 'paid':
        redirectTo(orderDetailUrl(order.id, 'success'));
        return;
      case 'cancelled':
        redirectTo(orderDetailUrl(order.id, 'cancel'));
        return;
      case 'unavailable':
        console.info(`[order] payment unavailable for order ${order.id}: ${outcome.message}`);
        toast(outcome.message);
        redirectTo(orderDetailUrl(order.id));
        return;
      case 'failed':
        toast(outcome.message);
        redirectTo(orderDetailUrl(order.id));
        return;
    }
  };

  const onRefused = async (refusal: ApiError, basis: CheckoutQuoteResponse) => {
    switch (refusal.code) {
      case 'PRICE_CHANGED': {
        let answer = await requote(basis.couponIds);
        // A chosen coupon may have gone meanwhile: fall back to the best combination.
        if (!answer.ok && answer.error.code.startsWith('COUPON_')) answer = await requote(undefined);
        if (!answer.ok) {
          await tellFailure(answer.error, 'rejected', basis);
          return;
        }
        const fresh = answer.quote;
        const { confirm } = await Taro.showModal({
          title: '价格有变化',
          content: `商品价格或优惠已变化，应付金额由 ${formatFen(fen(basis.payableFen))} 变为 ${formatFen(fen(fresh.payableFen))}，是否按新金额提交订单？`,
          confirmText: '确认提交',
          cancelText: '再看看',
          confirmColor: colors.primary,
        }).catch(() => ({ confirm: false }));
        if (confirm) await submit(fresh);
        return;
      }
      case 'STOCK_INSUFFICIENT':
        await Taro.showModal({
          title: '库存不足',
          content: `${stockItemName(refusal, basis)}库存不足，请返回修改数量或选择其他商品`,
          showCancel: false,
          confirmText: '知道了',
          confirmColor: colors.primary,
        }).catch(() => undefined);
        setSubmitError(`${stockItemName(refusal, basis)}库存不足`);
        return;
      case 'COUPON_NOT_APPLICABLE':
      case 'COUPON_NOT_STARTED':
      case 'COUPON_EXPIRED':
      case 'COUPON_THRESHOLD_NOT_MET':
      case 'COUPON_NOT_STACKABLE':
      case 'COUPON_NOT_FOUND':
      case 'COUPON_ALREADY_USED':
        toast(`${refusal.message}，已为您重新选择优惠券`);
        await requote(undefined);
        return;
      default:
        await tellFailure(refusal, 'rejected', basis);
    }
  };

  /** A failure the shopper must see: a dialog in view (the inline alert below stays as a reminder). */
  const tellFailure = async (error: ApiError, kind: 'uncertain' | 'rejected', basis: CheckoutQuoteResponse) => {
    const dialog = submitFailureDialog(error, kind);
    setSubmitError(dialog.content);
    const { confirm } = await Taro.showModal({
      title: dialog.title,
      content: dialog.content,
      confirmText: dialog.confirmText,
      showCancel: dialog.cancelText !== null,
      cancelText: dialog.cancelText ?? undefined,
      confirmColor: colors.primary,
    }).catch(() => ({ confirm: false }));
    if (confirm && dialog.retry) await submit(basis);
  };

  const submit = async (basis: CheckoutQuoteResponse = quote) => {
    if (submitting || paying) return;
    const retrying = attemptRef.current.pending !== null;
    if (!retrying && fulfilment === 'SHIP') {
      const problem = firstAddressError(addressErrors);
      if (problem) {
        setShowErrors(true);
        toast(problem);
        return;
      }
    }
    setSubmitting(true);
    setSubmitError(null);
    const result = await submitOrder(
      attemptRef.current,
      {
        lines,
        couponIds: basis.couponIds,
        expectedPayableFen: basis.payableFen,
        fulfilment,
        ...(fulfilment === 'SHIP' ? { address: normalizeAddress(address) } : { pickupStoreId }),
        remark: remark.trim() || undefined,
      },
      createOrder,
    );
    attemptRef.current = result.state;
    setAttempt(result.state);
    setSubmitting(false);
    if (result.ok) {
      await afterOrder(result.value);
      return;
    }
    if (result.kind === 'uncertain') {
      await tellFailure(result.error, 'uncertain', basis);
      return;
    }
    await onRefused(result.error, basis);
  };

  return (
    <View className="order-page checkout-page">
      {quote.memberDay ? (
        <View className="member-day-banner">
          <Text className="member-day-banner__badge">周三会员日</Text>
          <Text className="member-day-banner__text member-day-banner-text">
            {memberDayLine ? `本单已享${memberDayLine.label}` : '会员日全场满额立减，凑单更划算'}
          </Text>
        </View>
      ) : null}

      <View className="order-card fulfilment">
        <View className="fulfilment__tabs">
          {FULFILMENTS.map((f) => (
            <View
              key={f}
              className={`fulfilment__tab fulfilment-tab ${f === fulfilment ? 'fulfilment__tab--active fulfilment-tab--active' : ''}`}
              onClick={() => !locked && setFulfilment(f)}
            >
              <Text>{FULFILMENT_LABEL[f]}</Text>
            </View>
          ))}
        </View>
        {fulfilment === 'SHIP' ? (
          <CheckoutAddress
            checkoutKey={raw ?? ''}
            value={address}
            onChange={setAddress}
            errors={showErrors ? addressErrors : {}}
            disabled={locked}
          />
        ) : (
          <View className="pickup-stores">
            {PICKUP_STORES.map((store) => {
              const on = store.id === pickupStoreId;
              return (
                <View
                  key={store.id}
                  className={`pickup-store ${on ? 'pickup-store--selected' : ''}`}
                  onClick={() => !locked && setPickupStoreId(store.id)}
                >
                  <View className="pickup-store__text">
                    <Text className="pickup-store__name">{store.name}</Text>
                    <Text className="pickup-store__address">{store.address}</Text>
                  </View>
                  <View className={`order-check ${on ? 'order-check--on' : ''}`}>
                    {on ? <Text className="order-check__tick">✓</Text> : null}
                  </View>
                </View>
              );
            })}
            <Text className="field-note pickup-stores__note">付款后到所选门店出示订单即可提货</Text>
          </View>
        )}
      </View>

      <View className="order-card">
        <View className="order-card__head">
          <Text className="order-card__title">商品</Text>
          <Text className="order-card__extra">{`共 ${itemCount} 件`}</Text>
        </View>
        <OrderLines lines={quote.lines} />
      </View>

      <View className="order-card">
        <View className="order-row coupon-row" onClick={() => (locked ? undefined : setSheetOpen(true))}>
          <Text className="order-row__label">优惠券</Text>
          {couponDiscount > 0 ? (
            <Text className="order-row__value order-row__value--discount coupon-row-value">
              {`-${formatFen(fen(couponDiscount))}`}
            </Text>
          ) : (
            <Text className="order-row__value coupon-row-value">
              {usableCoupons > 0 ? `${usableCoupons} 张可用` : quote.coupons.length > 0 ? '暂无可用' : '暂无优惠券'}
            </Text>
          )}
          <Text className="order-row__arrow">›</Text>
        </View>
        <View className="order-row order-row--input">
          <Text className="order-row__label">备注</Text>
          <Input
            className="order-row__input checkout-remark"
            maxlength={REMARK_MAX}
            placeholder="选填，给商家留言"
            value={remark}
            disabled={locked}
            onInput={(e) => setRemark(e.detail.value)}
          />
        </View>
      </View>

      <View className={`order-card checkout-breakdown ${loading ? 'checkout-breakdown--loading' : ''}`}>
        <Breakdown
          subtotalFen={quote.subtotalFen}
          discounts={quote.discounts}
          payableFen={quote.payableFen}
          note={quote.pointsToEarn > 0 ? `本单可得 ${quote.pointsToEarn} 积分` : undefined}
        />
      </View>

      {submitError ? (
        <View className={`order-alert ${attempt.pending ? 'order-alert--uncertain' : ''}`}>
          <Text className="order-alert__text checkout-error">{submitError}</Text>
          {attempt.pending ? (
            <Text className="order-alert__link" onClick={() => navigateTo(ROUTES.orderList)}>
              查看我的订单
            </Text>
          ) : null}
        </View>
      ) : null}

      <View className="order-bar">
        <View className="order-bar__inner">
          <View className="order-bar__sum">
            <Text className="order-bar__label">{`合计${quote.totalDiscountFen > 0 ? `（已优惠 ${formatFen(fen(quote.totalDiscountFen))}）` : ''}`}</Text>
            <Price fen={fen(quote.payableFen)} size="md" className="checkout-total" />
          </View>
          <View
            className={`btn btn--primary order-bar__btn submit-order ${loading || submitting || paying ? 'btn--disabled' : ''}`}
            onClick={() => {
              if (!loading) void submit();
            }}
          >
            {paying ? '正在支付…' : submitting ? '提交中…' : attempt.pending ? '重新提交' : '提交订单'}
          </View>
        </View>
      </View>

      {sheetOpen ? (
        <CouponSheet
          options={quote.coupons}
          applied={quote.couponIds}
          suggested={quote.suggestedCouponIds}
          couponDiscountFen={couponDiscount}
          busy={loading}
          onChange={(ids) => void chooseCoupons(ids)}
          onClose={() => setSheetOpen(false)}
        />
      ) : null}
    </View>
  );
}
