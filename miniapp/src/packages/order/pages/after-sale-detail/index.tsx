import { Image, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { AFTER_SALE_TEXT_LIMITS, AFTER_SALE_TYPE_LABELS, fen, type AfterSaleView } from '@tidepool/shared';
import { Price } from '@/components/price';
import { useAsync } from '@/hooks/use-async';
import { ApiError, toApiError } from '@/services/api-error';
import { cancelAfterSale, getAfterSale, submitReturnParcel } from '@/services/api/after-sales.api';
import { resolveAssetUrl } from '@/services/asset-url';
import { formatDate, formatTime } from '@/utils/date';
import { navigateTo, orderDetailUrl, redirectTo } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { AFTER_SALE_ROUTES, AFTER_SALE_STATE_HINT, afterSaleStateLabel, parseId } from '../../after-sale';
import { colors } from '@/styles/tokens';
import { useRefreshOnShow, usePullDownReload } from '@/hooks/use-page-refresh';
import { DetailFallback } from '@/components/detail-fallback';
import { InfoRow } from '../../components/info-row';
import '../../order.scss';
import '../../after-sale.scss';

const CARRIERS = ['顺丰速运', '中通快递', '圆通速递', '韵达快递', '京东快递', 'EMS'];
const when = (iso: string | null) => (iso ? `${formatDate(iso)} ${formatTime(iso)}` : '');

/** 售后详情: state and timeline, the refund, the return parcel form while 待退货, 撤销 while 待审核. */
export default function AfterSaleDetailPage() {
  const id = parseId(useRouter().params.id);
  const detail = useAsync<AfterSaleView>(
    () => (id === null ? Promise.reject(new ApiError('AFTER_SALE_NOT_FOUND', 404)) : getAfterSale(id)),
    [id],
  );
  useRefreshOnShow(detail.reload);
  usePullDownReload(detail.reload);
  const data = detail.state.data;
  if (!data) {
    return (
      <DetailFallback
        className="order-page"
        state={detail.state}
        onRetry={() => void detail.reload()}
        notFound={{
          code: 'AFTER_SALE_NOT_FOUND',
          actionText: '查看售后记录',
          onAction: () => redirectTo(AFTER_SALE_ROUTES.list),
        }}
      />
    );
  }
  return <AfterSaleDetail initial={data} onReload={() => void detail.reload()} />;
}

function AfterSaleDetail({ initial, onReload }: { initial: AfterSaleView; onReload: () => void }) {
  const [item, setItem] = useState(initial);
  useEffect(() => setItem(initial), [initial]);
  const [busy, setBusy] = useState(false);
  const [carrier, setCarrier] = useState(initial.returnCarrier ?? '');
  const [trackingNo, setTrackingNo] = useState(initial.returnTrackingNo ?? '');

  // While the money is on its way, look again every few seconds (the refund result comes from WeChat Pay).
  useEffect(() => {
    if (item.state !== 'REFUNDING') return;
    const timer = setInterval(onReload, 4000);
    return () => clearInterval(timer);
  }, [item.state]);

  const act = async (work: () => Promise<AfterSaleView>, done: string) => {
    if (busy) return;
    setBusy(true);
    try {
      setItem(await work());
      toast(done);
    } catch (err) {
      toast(toApiError(err).message);
      onReload();
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤销申请',
      content: '撤销后本次售后申请将关闭，仍在售后期内可再次申请',
      confirmText: '确认撤销',
      cancelText: '再想想',
      confirmColor: colors.danger,
    }).catch(() => ({ confirm: false }));
    if (confirm) await act(() => cancelAfterSale(item.id), '已撤销申请');
  };

  const sendParcel = async () => {
    const no = trackingNo.trim();
    if (!carrier.trim()) return toast('请选择或填写快递公司');
    if (!/^[A-Za-z0-9-]{4,40}$/.test(no)) return toast('请填写正确的快递单号（字母或数字）');
    await act(() => submitReturnParcel(item.id, { carrier: carrier.trim(), trackingNo: no }), '退货信息已提交');
  };

  const latest = item.timeline.length - 1;
  return (
    <View className="order-page after-sale-detail-page">
      <View className={`as-banner as-banner--${item.state.toLowerCase()}`}>
        <Text className="as-banner__title after-sale-state">{afterSaleStateLabel(item.state)}</Text>
        <Text className="as-banner__hint">
          {item.state === 'REJECTED' && item.rejectReason
            ? `原因：${item.rejectReason}`
            : AFTER_SALE_STATE_HINT[item.state]}
        </Text>
      </View>

      <View className="order-card">
        <View className="order-row">
          <Text className="order-row__label">{item.state === 'REFUNDED' ? '已退款' : '退款金额'}</Text>
          <View className="order-row__value">
            <Price fen={fen(item.amountFen)} className="after-sale-amount" />
          </View>
        </View>
        <Text className="as-hint">原路退回到付款账户；积分和成长值按退款比例扣回</Text>
      </View>

      {item.actions.includes('SUBMIT_RETURN') ? (
        <View className="order-card as-parcel return-parcel-form">
          <View className="order-card__head">
            <Text className="order-card__title">填写退货物流</Text>
          </View>
          <View className="as-parcel__carriers">
            {CARRIERS.map((c) => (
              <Text
                key={c}
                className={`as-reason ${carrier === c ? 'as-reason--active' : ''}`}
                onClick={() => setCarrier(c)}
              >
                {c}
              </Text>
            ))}
          </View>
          <Input
            className="as-parcel__input return-carrier"
            value={carrier}
            maxlength={AFTER_SALE_TEXT_LIMITS.carrier}
            placeholder="快递公司"
            onInput={(e) => setCarrier(e.detail.value)}
          />
          <Input
            className="as-parcel__input return-tracking"
            value={trackingNo}
            maxlength={AFTER_SALE_TEXT_LIMITS.trackingNo}
            placeholder="快递单号"
            onInput={(e) => setTrackingNo(e.detail.value)}
          />
          <View
            className={`btn btn--primary return-submit ${busy ? 'btn--disabled' : ''}`}
            onClick={() => void sendParcel()}
          >
            {item.returnTrackingNo ? '修改退货信息' : '提交退货信息'}
          </View>
        </View>
      ) : null}

      <View className="order-card">
        <View className="order-card__head">
          <Text className="order-card__title">售后进度</Text>
        </View>
        <View className="as-timeline after-sale-timeline">
          {item.timeline.map((entry, i) => (
            <View key={`${entry.title}-${entry.at}`} className={`as-step ${i === latest ? 'as-step--latest' : ''}`}>
              <Text className="as-step__title">{entry.title}</Text>
              <Text className="as-step__at">{when(entry.at)}</Text>
              {entry.note ? <Text className="as-step__note">{entry.note}</Text> : null}
            </View>
          ))}
        </View>
      </View>

      <View className="order-card">
        <View className="as-item__body">
          <Image className="as-item__img" src={resolveAssetUrl(item.imageUrl)} mode="aspectFill" />
          <View className="as-item__text">
            <Text className="as-item__name">{item.productName}</Text>
            <Text className="as-item__meta">{`${item.specText ? `${item.specText} · ` : ''}${item.quantity} 件`}</Text>
          </View>
        </View>
        <InfoRow label="售后类型" value={AFTER_SALE_TYPE_LABELS[item.type]} />
        <InfoRow
          label="售后原因"
          value={item.reasonText ? `${item.reasonLabel}：${item.reasonText}` : item.reasonLabel}
        />
        {item.returnTrackingNo ? (
          <InfoRow label="退货物流" value={`${item.returnCarrier ?? ''} ${item.returnTrackingNo}`} />
        ) : null}
        <InfoRow label="售后编号" value={item.afterSaleNo} copyable />
        <InfoRow label="申请时间" value={when(item.createdAt)} />
        {item.photos.length ? (
          <View className="as-photos">
            {item.photos.map((p) => (
              <Image
                key={p.id}
                className="as-photo as-photo__img"
                src={resolveAssetUrl(p.url)}
                mode="aspectFill"
                onClick={() =>
                  void Taro.previewImage({
                    current: resolveAssetUrl(p.url),
                    urls: item.photos.map((x) => resolveAssetUrl(x.url)),
                  }).catch(() => undefined)
                }
              />
            ))}
          </View>
        ) : null}
      </View>

      <View className="as-links">
        <Text className="as-links__link" onClick={() => navigateTo(orderDetailUrl(item.orderId))}>
          查看订单
        </Text>
        <Text className="as-links__dot">·</Text>
        <Text className="as-links__link" onClick={() => navigateTo(AFTER_SALE_ROUTES.list)}>
          全部售后
        </Text>
      </View>

      {item.actions.includes('CANCEL') ? (
        <View className="order-bar">
          <View className="order-bar__inner">
            <View className="order-bar__actions">
              <View
                className={`btn btn--outline order-bar__action cancel-after-sale ${busy ? 'btn--disabled' : ''}`}
                onClick={() => void cancel()}
              >
                撤销申请
              </View>
            </View>
          </View>
        </View>
      ) : null}
    </View>
  );
}
