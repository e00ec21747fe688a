import { Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  AFTER_SALE_PHOTO_RULES,
  AFTER_SALE_REASONS,
  AFTER_SALE_TEXT_LIMITS,
  AFTER_SALE_TYPE_LABELS,
  AFTER_SALE_TYPES,
  ERROR_CODES,
  fen,
  formatFen,
  type AfterSaleOptionsResponse,
  type AfterSalePhotoView,
  type AfterSaleReasonCode,
  type AfterSaleType,
} from '@tidepool/shared';
import { Price } from '@/components/price';
import { EmptyState } from '@/components/state-view';
import { useAsync } from '@/hooks/use-async';
import { ApiError, toApiError } from '@/services/api-error';
import { applyAfterSale, getAfterSaleOptions, uploadAfterSalePhoto } from '@/services/api/after-sales.api';
import { resolveAssetUrl } from '@/services/asset-url';
import { navigateTo, orderDetailUrl, redirectTo } from '@/utils/routes';
import { toast } from '@/utils/toast';
import {
  AFTER_SALE_ROUTES,
  afterSaleDetailUrl,
  clampPicks,
  parseId,
  previewRefund,
  type Picks,
} from '../../after-sale';
import { DetailFallback } from '@/components/detail-fallback';
import '../../order.scss';
import '../../after-sale.scss';

const TYPE_NOTE: Record<AfterSaleType, string> = {
  REFUND_ONLY: '未收到货，或与商家协商一致不退货',
  RETURN_REFUND: '已收到货，需要寄回商品',
};

/** 申请售后: pick lines and units, 仅退款 or 退货退款, a reason and photos; shows what will be refunded. */
export default function AfterSaleApplyPage() {
  const orderId = parseId(useRouter().params.orderId);
  const options = useAsync<AfterSaleOptionsResponse>(
    () => (orderId === null ? Promise.reject(new ApiError('ORDER_NOT_FOUND', 404)) : getAfterSaleOptions(orderId)),
    [orderId],
  );
  const data = options.state.data;
  if (!data) {
    return (
      <DetailFallback
        className="order-page"
        state={options.state}
        onRetry={() => void options.reload()}
        notFound={{
          code: 'ORDER_NOT_FOUND',
          actionText: '查看售后记录',
          onAction: () => redirectTo(AFTER_SALE_ROUTES.list),
        }}
      />
    );
  }
  if (data.blockedBy || data.lines.every((l) => l.refundableQuantity === 0)) {
    return (
      <View className="order-page">
        <EmptyState
          title={data.blockedBy ? ERROR_CODES[data.blockedBy].message : '该订单的商品都已申请过售后'}
          description="如有疑问请联系客服"
          actionText="返回订单"
          onAction={() => redirectTo(orderDetailUrl(data.orderId))}
        />
      </View>
    );
  }
  return <ApplyForm options={data} onStale={() => void options.reload()} />;
}

function ApplyForm({ options, onStale }: { options: AfterSaleOptionsResponse; onStale: () => void }) {
  const single = options.lines.filter((l) => l.refundableQuantity > 0);
  const [type, setType] = useState<AfterSaleType>(options.types[0] ?? 'REFUND_ONLY');
  // One line left: it is picked already (one unit); otherwise the member ticks lines.
  const [picks, setPicks] = useState<Picks>(() => (single.length === 1 ? { [single[0].lineId]: 1 } : {}));
  const [reason, setReason] = useState<AfterSaleReasonCode | null>(null);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<AfterSalePhotoView[]>([]);
  const [uploading, setUploading] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  // One id per page: a retried submit (lost answer) answers the same after-sales instead of making new ones.
  const clientRequestId = useRef(`as-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`);

  useEffect(() => setPicks((p) => clampPicks(options.lines, p)), [options]);
  useEffect(() => {
    if (!options.types.includes(type) && options.types[0]) setType(options.types[0]);
  }, [options.types]);

  const amount = useMemo(() => previewRefund(options.lines, picks), [options.lines, picks]);
  const units = Object.values(picks).reduce((n, q) => n + q, 0);

  const setUnits = (lineId: number, quantity: number) =>
    setPicks((p) => {
      const next = { ...p };
      if (quantity > 0) next[lineId] = quantity;
      else delete next[lineId];
      return next;
    });

  const addPhotos = async () => {
    const room = AFTER_SALE_PHOTO_RULES.maxPerApplication - photos.length - uploading;
    if (room <= 0) return;
    let paths: string[];
    try {
      const chosen = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      paths = chosen.tempFilePaths.slice(0, room);
    } catch {
      return; // the member closed the picker
    }
    setUploading((n) => n + paths.length);
    for (const path of paths) {
      try {
        const photo = await uploadAfterSalePhoto(path);
        setPhotos((list) => [...list, photo]);
      } catch (err) {
        toast(toApiError(err).message);
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };

  const problem = !units ? '请选择要售后的商品' : !reason ? '请选择售后原因' : uploading ? '图片上传中，请稍候' : null;

  const submit = async () => {
    if (submitting) return;
    if (problem) {
      toast(problem);
      return;
    }
    const { confirm } = await Taro.showModal({
      title: `确认申请${AFTER_SALE_TYPE_LABELS[type]}`,
      content: `共 ${units} 件商品，预计退款 ${formatFen(fen(amount))}，审核通过后原路退回。${
        type === 'RETURN_REFUND' ? '商家同意后请寄回商品。' : ''
      }`,
      confirmText: '提交申请',
      cancelText: '再想想',
    }).catch(() => ({ confirm: false }));
    if (!confirm) return;
    setSubmitting(true);
    try {
      const made = await applyAfterSale({
        clientRequestId: clientRequestId.current,
        orderId: options.orderId,
        type,
        reasonCode: reason!,
        reasonText: text.trim() || undefined,
        photoIds: photos.map((p) => p.id),
        lines: Object.entries(picks).map(([lineId, quantity]) => ({ lineId: Number(lineId), quantity })),
      });
      toast('申请已提交');
      redirectTo(made.length === 1 ? afterSaleDetailUrl(made[0].id) : AFTER_SALE_ROUTES.list);
    } catch (err) {
      const error = toApiError(err);
      Taro.showModal({ title: '提交失败', content: error.message, showCancel: false }).catch(() => undefined);
      if (error.code === 'AFTER_SALE_QUANTITY_EXCEEDED' || error.code === 'AFTER_SALE_TYPE_NOT_ALLOWED') onStale();
      // A different request under this id was refused: the next submit is a new one.
      if (error.code === 'AFTER_SALE_REQUEST_CONFLICT') clientRequestId.current = `${clientRequestId.current}-n`;
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="order-page after-sale-apply-page">
      <View className="order-card">
        <View className="order-card__head">
          <Text className="order-card__title">售后类型</Text>
        </View>
        <View className="as-types">
          {AFTER_SALE_TYPES.map((t) => {
            const allowed = options.types.includes(t);
            return (
              <View
                key={t}
                className={`as-type as-type--${t.toLowerCase()} ${t === type ? 'as-type--active' : ''} ${allowed ? '' : 'as-type--disabled'}`}
                onClick={() => (allowed ? setType(t) : toast('订单发货后才能申请退货退款'))}
              >
                <Text className="as-type__title">{AFTER_SALE_TYPE_LABELS[t]}</Text>
                <Text className="as-type__note">{allowed ? TYPE_NOTE[t] : '发货后可申请'}</Text>
              </View>
            );
          })}
        </View>
      </View>

      <View className="order-card">
        <View className="order-card__head">
          <Text className="order-card__title">选择商品和数量</Text>
          <Text className="order-card__extra">{`订单 ${options.orderNo}`}</Text>
        </View>
        {options.lines.map((line) => {
          const picked = picks[line.lineId] ?? 0;
          const none = line.refundableQuantity === 0;
          return (
            <View key={line.lineId} className={`as-line ${none ? 'as-line--none' : ''}`}>
              <View
                className={`as-check as-line-check ${picked ? 'as-check--on' : ''}`}
                onClick={() => (none ? undefined : setUnits(line.lineId, picked ? 0 : 1))}
              >
                {picked ? '✓' : ''}
              </View>
              <Image className="as-line__img" src={resolveAssetUrl(line.imageUrl)} mode="aspectFill" />
              <View className="as-line__body">
                <Text className="as-line__name">{line.productName}</Text>
                {line.specText ? <Text className="as-line__spec">{line.specText}</Text> : null}
                <Text className="as-line__note">
                  {none
                    ? '已全部申请售后'
                    : `购买 ${line.quantity} 件，可申请 ${line.refundableQuantity} 件 · 实付 ${formatFen(fen(line.paidFen))}`}
                </Text>
              </View>
              {none ? null : (
                <View className="stepper as-stepper">
                  <Text
                    className={`stepper__btn stepper-minus ${picked > 0 ? '' : 'stepper__btn--disabled'}`}
                    onClick={() => setUnits(line.lineId, Math.max(0, picked - 1))}
                  >
                    −
                  </Text>
                  <Text className="stepper__value as-quantity">{picked}</Text>
                  <Text
                    className={`stepper__btn stepper-plus ${picked < line.refundableQuantity ? '' : 'stepper__btn--disabled'}`}
                    onClick={() => setUnits(line.lineId, Math.min(line.refundableQuantity, picked + 1))}
                  >
                    +
                  </Text>
                </View>
              )}
            </View>
          );
        })}
      </View>

      <View className="order-card">
        <View className="order-card__head">
          <Text className="order-card__title">售后原因</Text>
        </View>
        <View className="as-reasons">
          {AFTER_SALE_REASONS.map((r) => (
            <Text
              key={r.code}
              className={`as-reason as-reason--${r.code.toLowerCase()} ${reason === r.code ? 'as-reason--active' : ''}`}
              onClick={() => setReason(r.code)}
            >
              {r.label}
            </Text>
          ))}
        </View>
        <Textarea
          className="as-textarea as-reason-text"
          value={text}
          maxlength={AFTER_SALE_TEXT_LIMITS.reasonText}
          placeholder="补充说明（选填），例如商品的问题"
          onInput={(e) => setText(e.detail.value)}
        />
        <View className="as-photos">
          {photos.map((p) => (
            <View key={p.id} className="as-photo">
              <Image className="as-photo__img" src={resolveAssetUrl(p.url)} mode="aspectFill" />
              <Text className="as-photo__remove" onClick={() => setPhotos((list) => list.filter((x) => x.id !== p.id))}>
                ×
              </Text>
            </View>
          ))}
          {uploading > 0 ? <View className="as-photo as-photo--uploading">上传中…</View> : null}
          {photos.length + uploading < AFTER_SALE_PHOTO_RULES.maxPerApplication ? (
            <View className="as-photo as-photo--add as-add-photo" onClick={() => void addPhotos()}>
              <Text className="as-photo__plus">+</Text>
              <Text className="as-photo__hint">{`上传凭证 ${photos.length}/${AFTER_SALE_PHOTO_RULES.maxPerApplication}`}</Text>
            </View>
          ) : null}
        </View>
        <Text className="as-hint">支持 JPG、PNG、WebP，每张不超过 5MB</Text>
      </View>

      <View className="order-card as-refund">
        <View className="order-row">
          <Text className="order-row__label">退款金额</Text>
          <View className="order-row__value">
            <Price fen={fen(amount)} className="as-refund-amount" />
          </View>
        </View>
        <Text className="as-hint">按商品实付金额计算（已分摊优惠），原路退回；积分和成长值按退款比例扣回</Text>
      </View>

      <View className="order-bar">
        <View className="order-bar__inner">
          <View className="as-bar__summary">
            <Text className="as-bar__label">{`退款 ${units} 件`}</Text>
            <Text className="as-bar__amount">{formatFen(fen(amount))}</Text>
          </View>
          <View
            className={`btn btn--primary order-bar__action as-submit ${problem || submitting ? 'btn--disabled' : ''}`}
            onClick={() => void submit()}
          >
            {submitting ? '提交中…' : '提交申请'}
          </View>
        </View>
      </View>
      <View className="as-links">
        <Text className="as-links__link" onClick={() => navigateTo(AFTER_SALE_ROUTES.list)}>
          查看售后记录
        </Text>
      </View>
    </View>
  );
}
