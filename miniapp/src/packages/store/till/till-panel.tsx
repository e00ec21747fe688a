import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  fen,
  formatFen,
  type CouponView,
  type StoreMemberSummary,
  TILL_PAYMENT_METHOD_CHOICES,
  type TillPaymentMethod,
  type TillQuoteResponse,
  type TillTransactionView,
} from '@tidepool/shared';
import { CouponCard } from '@/components/coupon-card';
import { Price } from '@/components/price';
import { recordTillPurchase } from '@/services/api/till.api';
import { formatTime } from '@/utils/date';
import { navigateTo, ROUTES } from '@/utils/routes';
import { readTillAmount } from '@/utils/till-amount';
import { confirmSale, NO_SALE, type SaleState, type TillSaleInput } from './sale-attempt';
import { useTillQuote } from './use-till-quote';
import { colors } from '@/styles/tokens';
import './till-panel.scss';

export interface TillPanelProps {
  /** The scanned member; mount one panel per scan (`key={summary.scanId}`). */
  summary: StoreMemberSummary;
  /** 接待下一位: the cashier is done with this member. */
  onNext: () => void;
  /** The scan timed out: the member must show a fresh code. */
  onScanExpired: (message: string) => void;
  /** A sale was recorded: the member card reads its numbers again (points, coupons left). */
  onSold?: () => void;
}

const UNCERTAIN_HINT = '网络异常，请重试（不会重复积分）';

/** What the screen calls a payment method; a sale recorded without one says 未记录. */
function paymentMethodLabel(method: TillPaymentMethod): string {
  return TILL_PAYMENT_METHOD_CHOICES.find((c) => c.method === method)?.label ?? '未记录';
}

function discountTotal(lines: readonly { amountFen: number }[]): number {
  return lines.reduce((sum, line) => sum + line.amountFen, 0);
}

function Breakdown({ subtotalFen, discounts }: Pick<TillQuoteResponse, 'subtotalFen' | 'discounts'>) {
  return (
    <>
      <View className="till-row">
        <Text className="till-row__label">商品金额</Text>
        <Text className="till-row__value till-subtotal">{formatFen(fen(subtotalFen))}</Text>
      </View>
      {discounts.map((line, index) => (
        <View className="till-row till-row--discount till-discount" key={`${line.label}-${index}`}>
          <Text className="till-row__label till-discount__label">{line.label}</Text>
          <Text className="till-row__value till-discount__amount">{formatFen(fen(-line.amountFen))}</Text>
        </View>
      ))}
    </>
  );
}

function Receipt({
  sale,
  confirmedFen,
  onNext,
}: {
  sale: TillTransactionView;
  /** The payable the cashier confirmed; the server prices again on record, so say so when the two differ. */
  confirmedFen: number | null;
  onNext: () => void;
}) {
  const differs = confirmedFen !== null && confirmedFen !== sale.payableFen;
  return (
    <View className="panel till-receipt">
      <View className="till-receipt__head">
        <View className="till-receipt__tick">
          <Text>✓</Text>
        </View>
        <Text className="till-receipt__title">收款成功</Text>
        <Text className="till-receipt__paid-label">实收</Text>
        <Price fen={fen(sale.payableFen)} size="lg" className="till-receipt__paid receipt-paid" />
      </View>
      {differs ? (
        <View className="till-alert till-alert--uncertain till-receipt__differs">
          <Text className="till-alert__text">{`记录的实收与确认时的 ${formatFen(fen(confirmedFen))} 不同（优惠有变化），请按本单金额收款`}</Text>
        </View>
      ) : null}
      <View className="till-receipt__lines">
        <Breakdown subtotalFen={sale.subtotalFen} discounts={sale.discounts} />
      </View>
      <View className="till-receipt__award receipt-award">
        <Text>{`已为会员 ${sale.phoneMasked ?? ''} 累计`}</Text>
        <Text className="till-receipt__num receipt-points">{sale.pointsAwarded}</Text>
        <Text>积分 ·</Text>
        <Text className="till-receipt__num receipt-growth">{sale.growthAwarded}</Text>
        <Text>成长值</Text>
      </View>
      <Text className="till-receipt__meta">{`${sale.storeName} · ${formatTime(sale.createdAt)} · 交易号 ${sale.id}`}</Text>
      <Text className="till-receipt__meta receipt-method">{`支付方式 ${paymentMethodLabel(sale.paymentMethod)}`}</Text>
      <View className="btn btn--primary btn--block till-next" onClick={onNext}>
        接待下一位
      </View>
      <Text className="till-receipt__link" onClick={() => navigateTo(ROUTES.storeSales)}>
        查看门店交易
      </Text>
    </View>
  );
}

/** 收银: amount, coupons, a live quote, then a confirmed sale recorded once (retries reuse the sale's client id). */
export function TillPanel({ summary, onNext, onScanExpired, onSold }: TillPanelProps) {
  const [amountText, setAmountText] = useState('');
  const [couponIds, setCouponIds] = useState<number[]>([]);
  /** Chosen by the cashier for every sale: rules such as "paid with WeChat Pay" read it, so it is never assumed. */
  const [paymentMethod, setPaymentMethod] = useState<TillPaymentMethod | null>(null);
  const [sale, setSale] = useState<SaleState>(NO_SALE);
  const saleRef = useRef(sale);
  saleRef.current = sale;
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<TillTransactionView | null>(null);
  /** The payable shown when the cashier confirmed (kept for a retry, compared with the recorded sale). */
  const confirmedFen = useRef<number | null>(null);

  const amount = readTillAmount(amountText);
  const amountFen = amount.kind === 'ok' ? amount.fen : null;
  const input: TillSaleInput | null = useMemo(
    () => (amountFen === null ? null : { scanId: summary.scanId, amountFen, couponIds }),
    [summary.scanId, amountFen, couponIds],
  );
  const { quote, shown, loading, error: quoteError, retry: requote } = useTillQuote(receipt ? null : input);

  // An unanswered confirm locks the sale as it was sent until it is retried or abandoned.
  const locked = sale.uncertain || submitting;

  // The scan timed out while pricing: the parent drops this panel and asks for a fresh member code.
  const onScanExpiredRef = useRef(onScanExpired);
  onScanExpiredRef.current = onScanExpired;
  useEffect(() => {
    if (quoteError?.code === 'SCAN_EXPIRED') onScanExpiredRef.current(quoteError.message);
  }, [quoteError]);

  const toggleCoupon = (coupon: CouponView) => {
    if (locked) return;
    setSubmitError(null);
    setCouponIds((ids) => (ids.includes(coupon.id) ? ids.filter((id) => id !== coupon.id) : [...ids, coupon.id]));
  };

  const submit = async () => {
    if (!input || !paymentMethod || submitting) return;
    setSubmitting(true);
    setSubmitError(null);
    // The payable the cashier confirmed goes with the sale: if the price moved meanwhile, nothing is recorded.
    const result = await confirmSale(
      saleRef.current,
      { ...input, expectedPayableFen: quote?.payableFen, paymentMethod },
      recordTillPurchase,
    );
    setSale(result.state);
    setSubmitting(false);
    if (result.ok) {
      setReceipt(result.value);
      onSold?.();
      return;
    }
    if (result.kind === 'uncertain') {
      setSubmitError(result.error.status === 0 ? UNCERTAIN_HINT : `${result.error.message}，请重试（不会重复积分）`);
      return;
    }
    if (result.error.code === 'SCAN_EXPIRED') {
      onScanExpired(result.error.message);
      return;
    }
    setSubmitError(result.error.message);
    requote();
  };

  const confirm = async () => {
    if (!quote || !paymentMethod || locked) return;
    const saved = discountTotal(quote.discounts);
    const { confirm: ok } = await Taro.showModal({
      title: '确认收款',
      content: `应付 ${formatFen(fen(quote.payableFen))}${saved > 0 ? `（已优惠 ${formatFen(fen(saved))}）` : ''}，${paymentMethodLabel(paymentMethod)}收款，请确认已向顾客收款。`,
      confirmText: '确认收款',
      cancelText: '取消',
      confirmColor: colors.primary,
    }).catch(() => ({ confirm: false }));
    if (!ok) return;
    confirmedFen.current = quote.payableFen;
    await submit();
  };

  const abandon = async () => {
    const { confirm: ok } = await Taro.showModal({
      title: '放弃本单',
      content: '上一次收款结果未知，可能已经记录。放弃后请到「门店交易」核对，避免重复收款。',
      confirmText: '放弃',
      cancelText: '继续重试',
      confirmColor: colors.danger,
    }).catch(() => ({ confirm: false }));
    if (!ok) return;
    setSale(NO_SALE);
    setSubmitError(null);
  };

  if (receipt) return <Receipt sale={receipt} confirmedFen={confirmedFen.current} onNext={onNext} />;

  const view = quote ?? (loading ? shown : null);
  const amountError = amount.kind === 'invalid' ? amount.message : null;

  return (
    <>
      <View className="panel till">
        <Text className="panel__title">收银</Text>

        <View className={`till-amount ${amountError ? 'till-amount--error' : ''}`}>
          <Text className="till-amount__label">消费金额</Text>
          <Text className="till-amount__yuan">¥</Text>
          <Input
            className="till-amount__input till-amount-input"
            type="digit"
            maxlength={12}
            placeholder="输入小票金额（元）"
            value={amountText}
            disabled={locked}
            onInput={(e) => {
              setAmountText(e.detail.value);
              setSubmitError(null);
            }}
          />
        </View>
        {amountError ? <Text className="till-error till-amount-error">{amountError}</Text> : null}

        {summary.coupons.length > 0 ? (
          <View className="till-coupons">
            <Text className="till-coupons__title">{`使用优惠券（${summary.coupons.length} 张可用，点选使用）`}</Text>
            {summary.coupons.map((coupon) => {
              const selected = couponIds.includes(coupon.id);
              const short = amountFen !== null && amountFen < coupon.thresholdFen ? coupon.thresholdFen - amountFen : 0;
              return (
                <CouponCard
                  key={coupon.id}
                  coupon={coupon}
                  selected={selected}
                  className="till-coupon"
                  note={short > 0 ? `还差 ${formatFen(fen(short))} 可用` : undefined}
                  onClick={() => toggleCoupon(coupon)}
                  action={
                    <View className={`till-check ${selected ? 'till-check--on' : ''}`}>
                      {selected ? <Text className="till-check__tick">✓</Text> : null}
                    </View>
                  }
                />
              );
            })}
          </View>
        ) : null}

        <View className={`till-quote ${loading ? 'till-quote--loading' : ''}`}>
          {view ? (
            <>
              <Breakdown subtotalFen={view.subtotalFen} discounts={view.discounts} />
              <View className="till-payable-row">
                <Text className="till-payable-row__label">应付</Text>
                <Price fen={fen(view.payableFen)} size="lg" className="till-payable" />
              </View>
              <View className="till-earn">
                <Text className="till-earn__text till-earn-text">{`本单可得 ${view.pointsToEarn} 积分 · ${view.growthToEarn} 成长值`}</Text>
                {view.memberDay ? <Text className="till-badge till-badge--member-day">会员日</Text> : null}
                {view.birthdayDouble ? <Text className="till-badge till-badge--birthday">生日双倍积分</Text> : null}
              </View>
            </>
          ) : null}
          {!view && loading ? <Text className="till-quote__hint">计算中…</Text> : null}
          {!view && !loading && quoteError ? (
            <View className="till-quote__error">
              <Text className="till-error till-quote-error">{quoteError.message}</Text>
              <Text className="till-quote__retry" onClick={requote}>
                重新计算
              </Text>
            </View>
          ) : null}
          {!view && !loading && !quoteError ? (
            <Text className="till-quote__hint">
              {summary.memberDayToday ? '今日会员日，输入金额后自动计算满减和积分' : '输入金额后自动计算优惠和积分'}
            </Text>
          ) : null}
        </View>

        <View className="till-methods">
          <Text className="till-methods__label">支付方式</Text>
          <View className="till-methods__choices">
            {TILL_PAYMENT_METHOD_CHOICES.map((choice) => (
              <Text
                key={choice.method}
                className={`till-method ${paymentMethod === choice.method ? 'till-method--on' : ''}`}
                onClick={() => {
                  if (locked) return;
                  setPaymentMethod(choice.method);
                  setSubmitError(null);
                }}
              >
                {choice.label}
              </Text>
            ))}
          </View>
        </View>
        {quote && !paymentMethod ? <Text className="till-methods__hint">请选择顾客的支付方式</Text> : null}

        {submitError ? (
          <View className={`till-alert ${sale.uncertain ? 'till-alert--uncertain' : ''}`}>
            <Text className="till-alert__text till-submit-error">{submitError}</Text>
          </View>
        ) : null}

        {sale.uncertain ? (
          <View className="till-actions">
            <View
              className={`btn btn--primary btn--block till-retry ${submitting ? 'btn--disabled' : ''}`}
              onClick={() => void submit()}
            >
              {submitting ? '提交中…' : '重试收款'}
            </View>
            <Text className="till-actions__abandon" onClick={() => void abandon()}>
              放弃本单
            </Text>
          </View>
        ) : (
          <View
            className={`btn btn--primary btn--block till-confirm ${quote && paymentMethod && !submitting ? '' : 'btn--disabled'}`}
            onClick={() => void confirm()}
          >
            {submitting ? '提交中…' : quote ? `确认收款 ${formatFen(fen(quote.payableFen))}` : '确认收款'}
          </View>
        )}
      </View>
      {sale.uncertain ? null : (
        <View className="btn btn--outline btn--block store-scan__next till-skip" onClick={onNext}>
          完成，接待下一位
        </View>
      )}
    </>
  );
}
