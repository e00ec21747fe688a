import { Image, Text, View } from '@tarojs/components';
import { formatPickupCode, GIFT_FULFILMENT_LABELS, type RedemptionView } from '@tidepool/shared';

import { useListPageGestures, usePagedList } from '@/hooks/use-paged-list';
import { listMyRedemptions } from '@/services/api/points-mall.api';
import { resolveAssetUrl } from '@/services/asset-url';
import { formatDate, formatDateTime } from '@/utils/date';
import { navigateTo, ROUTES } from '@/utils/routes';
import { PagedList } from '@/components/paged-list';
import '../../loyalty.scss';
import './index.scss';

type Badge = { text: string; tone: 'todo' | 'done' | 'wait' };

function badgeOf(r: RedemptionView): Badge {
  if (r.status === 'PROCESSING') return { text: '处理中', tone: 'wait' };
  if (r.status === 'FAILED') return { text: '兑换失败', tone: 'done' };
  if (r.voucher)
    return r.voucher.status === 'AVAILABLE' ? { text: '待领取', tone: 'todo' } : { text: '已领取', tone: 'done' };
  if (r.shipment)
    return r.shipment.status === 'PENDING' ? { text: '待发货', tone: 'wait' } : { text: '已发货', tone: 'done' };
  return { text: '已兑换', tone: 'done' };
}

function RedemptionCard({ redemption: r }: { redemption: RedemptionView }) {
  const badge = badgeOf(r);
  const voucher = r.voucher;
  const shipment = r.shipment;
  return (
    <View className="redemption-card">
      <View className="redemption-card__head">
        <Image className="redemption-card__image" src={resolveAssetUrl(r.gift.imageUrl)} mode="aspectFill" />
        <View className="redemption-card__info">
          <Text className="redemption-card__name redemption-name">{r.gift.name}</Text>
          <Text className="redemption-card__meta">
            {`${r.pointsPrice} 积分 · ${GIFT_FULFILMENT_LABELS[r.fulfilment]} · ${formatDate(r.createdAt)}`}
          </Text>
        </View>
        <Text className={`redemption-card__badge redemption-status redemption-card__badge--${badge.tone}`}>
          {badge.text}
        </Text>
      </View>

      {voucher && voucher.status === 'AVAILABLE' ? (
        <View className="pickup-box">
          <Text className="pickup-box__label">提货码</Text>
          <Text className="pickup-box__code pickup-code" selectable>
            {formatPickupCode(voucher.pickupCode)}
          </Text>
          <Text className="pickup-box__hint">到任意门店出示提货码，由店员核销后领取</Text>
        </View>
      ) : null}
      {voucher && voucher.status === 'PICKED_UP' ? (
        <Text className="redemption-card__note">
          {`已于 ${formatDateTime(voucher.pickedUpAt)} 在${voucher.pickedUpStoreName ?? '门店'}领取`}
        </Text>
      ) : null}
      {shipment ? (
        <View className="redemption-card__ship">
          <Text className="redemption-card__note">{`${shipment.recipientName} ${shipment.phoneMasked}`}</Text>
          <Text className="redemption-card__note">{`${shipment.region} ${shipment.detail}`}</Text>
          {shipment.trackingNo ? (
            <Text className="redemption-card__note">{`运单号 ${shipment.trackingNo}`}</Text>
          ) : null}
        </View>
      ) : null}
      {r.status === 'PROCESSING' ? <Text className="redemption-card__note">兑换处理中，请稍后下拉刷新查看</Text> : null}
    </View>
  );
}

/** 我的礼品: redeemed gifts; a pickup gift shows its code large, for the cashier to read or type. */
export default function MyGiftsPage() {
  const list = usePagedList((page) => listMyRedemptions(page), []);
  useListPageGestures(list);

  return (
    <View className="loyalty-page my-gifts-page">
      <PagedList
        list={list}
        empty={{
          title: '还没有兑换过礼品',
          description: '积分可以兑换好礼，别让积分过期哦',
          actionText: '去积分商城',
          onAction: () => navigateTo(ROUTES.pointsMall),
        }}
        renderItem={(r) => <RedemptionCard key={r.id} redemption={r} />}
      />
    </View>
  );
}
