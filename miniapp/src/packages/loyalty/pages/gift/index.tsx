import { Image, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import {
  GIFT_FULFILMENT_LABELS,
  type GiftDetail,
  type GiftFulfilment,
  type ShippingAddress,
  isMainlandMobile,
  MAINLAND_MOBILE_MESSAGE,
} from '@tidepool/shared';
import { useAsync } from '@/hooks/use-async';
import { ApiError, toApiError } from '@/services/api-error';
import { getPointsBalance } from '@/services/api/loyalty.api';
import { getGift, redeemGift } from '@/services/api/points-mall.api';
import { resolveAssetUrl } from '@/services/asset-url';
import { navigateTo, redirectTo, ROUTES } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { PointsPrice, StockTag } from '../../components';
import { RedemptionAttempt } from '../../redemption-attempt';
import { colors } from '@/styles/tokens';
import { DetailFallback } from '@/components/detail-fallback';
import { EMPTY_ADDRESS } from '@/utils/address';
import '../../loyalty.scss';
import './index.scss';

function parseId(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 ? id : null;
}

/** What is wrong with the address, in the words the member needs; null when it will do. */
function addressProblem(address: ShippingAddress): string | null {
  if (!address.recipientName.trim()) return '请填写收货人';
  if (!isMainlandMobile(address.phone.trim())) return MAINLAND_MOBILE_MESSAGE;
  if (!address.region.trim()) return '请填写所在地区';
  if (!address.detail.trim()) return '请填写详细地址';
  return null;
}

/** The delivery address fields, in order; `hook` is the class tests find each input by. */
const ADDRESS_ROWS: readonly {
  field: keyof ShippingAddress;
  label: string;
  placeholder: string;
  maxlength: number;
  type?: 'number';
  hook: string;
}[] = [
  { field: 'recipientName', label: '收货人', placeholder: '姓名', maxlength: 32, hook: 'address-name' },
  { field: 'phone', label: '手机号', placeholder: '11 位手机号', maxlength: 11, type: 'number', hook: 'address-phone' },
  { field: 'region', label: '所在地区', placeholder: '省 市 区', maxlength: 64, hook: 'address-region' },
  { field: 'detail', label: '详细地址', placeholder: '街道、门牌号', maxlength: 128, hook: 'address-detail' },
];

export default function GiftPage() {
  const router = useRouter();
  const giftId = parseId(router.params.id);
  const detail = useAsync<GiftDetail>(
    () => (giftId === null ? Promise.reject(new ApiError('GIFT_NOT_FOUND', 404)) : getGift(giftId)),
    [giftId],
  );
  const gift = detail.state.data;

  if (!gift) {
    return (
      <DetailFallback
        className="loyalty-page gift-page gift-page--state"
        state={detail.state}
        onRetry={() => void detail.reload()}
        notFound={{
          code: 'GIFT_NOT_FOUND',
          actionText: '去看看其他礼品',
          onAction: () => redirectTo(ROUTES.pointsMall),
        }}
      />
    );
  }
  return <GiftView gift={gift} onStale={() => void detail.reload()} />;
}

function GiftView({ gift, onStale }: { gift: GiftDetail; onStale: () => void }) {
  const balance = useAsync(getPointsBalance, []);
  const [fulfilment, setFulfilment] = useState<GiftFulfilment>(gift.fulfilments[0] ?? 'PICKUP');
  const [address, setAddress] = useState<ShippingAddress>(EMPTY_ADDRESS);
  const [busy, setBusy] = useState(false);
  const [attempt] = useState(() => new RedemptionAttempt());

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: gift.name }).catch(() => undefined);
  }, [gift.name]);

  const points = balance.state.data?.available;
  const soldOut = gift.stock <= 0;
  const short = points !== undefined && points < gift.pointsPrice;
  const disabled = soldOut || short || busy;
  const buttonText = soldOut ? '已兑完' : short ? '积分不足' : busy ? '兑换中…' : '立即兑换';
  const setField = (field: keyof ShippingAddress) => (e: { detail: { value: string } }) =>
    setAddress((current) => ({ ...current, [field]: e.detail.value }));

  const redeem = async () => {
    if (disabled) return;
    const shipTo =
      fulfilment === 'SHIP'
        ? {
            recipientName: address.recipientName.trim(),
            phone: address.phone.trim(),
            region: address.region.trim(),
            detail: address.detail.trim(),
          }
        : undefined;
    if (shipTo) {
      const problem = addressProblem(shipTo);
      if (problem) {
        toast(problem);
        return;
      }
    }
    const { confirm } = await Taro.showModal({
      title: '确认兑换',
      content:
        fulfilment === 'PICKUP'
          ? `使用 ${gift.pointsPrice} 积分兑换「${gift.name}」，兑换后凭提货码到店领取。`
          : `使用 ${gift.pointsPrice} 积分兑换「${gift.name}」，将快递至 ${shipTo?.region ?? ''}${shipTo?.detail ?? ''}。`,
      confirmText: '确认兑换',
      cancelText: '再想想',
      confirmColor: colors.primary,
    }).catch(() => ({ confirm: false }));
    if (!confirm) return;

    const choice = { giftId: gift.id, fulfilment, ...(shipTo ? { address: shipTo } : {}) };
    setBusy(true);
    try {
      await redeemGift({ ...choice, clientRequestId: attempt.idFor(choice) });
      attempt.settle();
      toast('兑换成功');
      redirectTo(`${ROUTES.myGifts}?from=redeem`);
    } catch (err) {
      const error = toApiError(err);
      attempt.settle(error);
      if (error.code === 'NOT_SIGNED_UP') {
        toast('成为会员后即可用积分兑换');
        navigateTo(ROUTES.memberSignup);
      } else {
        // Unknown outcome (no answer): tapping again retries the same attempt and cannot spend twice.
        toast(error.status === 0 ? `${error.message}，可再次点击重试` : error.message);
        if (error.code === 'GIFT_OUT_OF_STOCK') onStale();
        if (error.code === 'POINTS_INSUFFICIENT') void balance.reload();
      }
    } finally {
      setBusy(false);
    }
  };

  const paragraphs = gift.description
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);

  return (
    <View className="loyalty-page gift-page">
      <Image className="gift-page__image" src={resolveAssetUrl(gift.imageUrl)} mode="aspectFill" />

      <View className="gift-page__card gift-info">
        <PointsPrice points={gift.pointsPrice} size="lg" className="gift-detail-price" />
        <Text className="gift-info__name gift-detail-name">{gift.name}</Text>
        <View className="gift-info__meta">
          <StockTag stock={gift.stock} />
          <Text className="gift-info__ways">{gift.fulfilments.map((f) => GIFT_FULFILMENT_LABELS[f]).join(' / ')}</Text>
        </View>
      </View>

      {gift.fulfilments.length > 0 ? (
        <View className="gift-page__card">
          <Text className="gift-page__title">领取方式</Text>
          <View className="fulfilment-options">
            {gift.fulfilments.map((f) => (
              <View
                key={f}
                className={`fulfilment-option fulfilment-${f.toLowerCase()} ${f === fulfilment ? 'fulfilment-option--active' : ''}`}
                onClick={() => setFulfilment(f)}
              >
                <Text>{GIFT_FULFILMENT_LABELS[f]}</Text>
              </View>
            ))}
          </View>
          <Text className="field-note">
            {fulfilment === 'PICKUP'
              ? '兑换后在“我的礼品”查看提货码，到任意门店出示给店员核销领取。'
              : '兑换后 7 个工作日内发货，可在“我的礼品”查看发货状态。'}
          </Text>
          {fulfilment === 'SHIP' ? (
            <View className="address-form">
              {ADDRESS_ROWS.map((row) => (
                <View className="form-row" key={row.field}>
                  <Text className="form-row__label">{row.label}</Text>
                  <Input
                    className={`form-row__input ${row.hook}`}
                    type={row.type ?? 'text'}
                    maxlength={row.maxlength}
                    placeholder={row.placeholder}
                    value={address[row.field]}
                    onInput={setField(row.field)}
                  />
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ) : null}

      <View className="gift-page__card">
        <Text className="gift-page__title">礼品介绍</Text>
        {paragraphs.length > 0 ? (
          paragraphs.map((p, index) => (
            <Text className="gift-page__text" key={index}>
              {p}
            </Text>
          ))
        ) : (
          <Text className="gift-page__text">暂无详细介绍</Text>
        )}
        <Text className="gift-page__text gift-page__text--muted">积分兑换的礼品不支持退换，兑换成功即扣除积分。</Text>
      </View>

      <View className="gift-bar">
        <View className="gift-bar__inner">
          <View className="gift-bar__points" onClick={() => navigateTo(ROUTES.loyaltyPoints)}>
            <Text className="gift-bar__label">我的积分</Text>
            <Text className="gift-bar__value gift-my-points">{points === undefined ? '--' : String(points)}</Text>
          </View>
          <View
            className={`btn btn--primary gift-bar__buy redeem-gift-button ${disabled ? 'gift-bar__buy--disabled' : ''}`}
            onClick={() => void redeem()}
          >
            {buttonText}
          </View>
        </View>
      </View>
    </View>
  );
}
