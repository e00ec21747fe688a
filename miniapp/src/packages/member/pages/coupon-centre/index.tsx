import { Text, View } from '@tarojs/components';
import Taro, { stopPullDownRefresh, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import type { CouponCentreItem } from '@tidepool/shared';
import { couponFace, couponTerms } from '@/components/coupon-card/coupon-text';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-view';
import { useAsync } from '@/hooks/use-async';
import { claimCoupon, listCouponCentre } from '@/services/api/coupons.api';
import { toApiError } from '@/services/api-error';
import { couponProductsUrl, navigateTo, ROUTES } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { centreAction, centreNote } from '../../coupon-centre-text';
import { colors } from '@/styles/tokens';
import '@/components/coupon-card/index.scss';
import '../../member.scss';
import './index.scss';

interface CentreCardProps {
  item: CouponCentreItem;
  busy: boolean;
  claimedCouponId: number | null;
  onClaim: () => void;
}

function CentreCard({ item, busy, claimedCouponId, onClaim }: CentreCardProps) {
  const action = centreAction(item, claimedCouponId !== null);
  const onTap = () => {
    if (action.kind === 'claim' && !busy) onClaim();
    if (action.kind === 'use' && claimedCouponId !== null) navigateTo(couponProductsUrl(claimedCouponId));
  };
  return (
    <View
      className={`coupon-card centre-card centre-card--${item.state.toLowerCase()} ${item.state === 'SOLD_OUT' ? 'coupon-card--used' : ''}`}
    >
      <View className="coupon-card__stub">
        <Text className="coupon-card__face">{couponFace(item)}</Text>
        <Text className="coupon-card__kind">{item.kind === 'AMOUNT_OFF' ? '优惠券' : '折扣券'}</Text>
      </View>
      <View className="coupon-card__body">
        <Text className="coupon-card__label centre-card__label">{item.label}</Text>
        {item.name !== item.label ? <Text className="coupon-card__name">{item.name}</Text> : null}
        <Text className="coupon-card__terms">{couponTerms(item)}</Text>
        <Text className="coupon-card__validity centre-card__note">{centreNote(item)}</Text>
      </View>
      <View className="coupon-card__side">
        <View
          className={`btn btn--small centre-card__action centre-action ${action.kind === 'none' ? 'btn--disabled' : 'btn--primary'} ${busy ? 'btn--disabled' : ''}`}
          onClick={onTap}
        >
          {busy ? '领取中' : action.label}
        </View>
      </View>
    </View>
  );
}

/** 领券中心: the coupons the brand lets members claim; 立即领取 puts one in the wallet, 去使用 opens its products. */
export default function CouponCentrePage() {
  const { state, reload } = useAsync(listCouponCentre, []);
  const [items, setItems] = useState<Record<number, CouponCentreItem>>({});
  const [claimed, setClaimed] = useState<Record<number, number>>({});
  const [busyId, setBusyId] = useState<number | null>(null);

  usePullDownRefresh(() => {
    setItems({});
    void reload().finally(() => void stopPullDownRefresh());
  });

  const claim = async (item: CouponCentreItem) => {
    if (busyId !== null) return;
    setBusyId(item.templateId);
    try {
      const result = await claimCoupon(item.templateId);
      setItems((current) => ({ ...current, [item.templateId]: result.item }));
      setClaimed((current) => ({ ...current, [item.templateId]: result.coupon.id }));
      toast('领取成功，已放入“我的券”');
    } catch (err) {
      const error = toApiError(err);
      if (error.code === 'NOT_SIGNED_UP') {
        const { confirm } = await Taro.showModal({
          title: '成为会员',
          content: '成为会员后即可领取优惠券',
          confirmText: '去入会',
          cancelText: '再看看',
          confirmColor: colors.primary,
        }).catch(() => ({ confirm: false }));
        if (confirm) navigateTo(ROUTES.memberSignup);
        return;
      }
      toast(error.message);
      // Sold out or already claimed elsewhere: show the state as it is now.
      if (error.code === 'COUPON_CLAIM_SOLD_OUT' || error.code === 'COUPON_CLAIM_LIMIT') {
        setItems({});
        void reload();
      }
    } finally {
      setBusyId(null);
    }
  };

  const list = state.data?.items.map((item) => items[item.templateId] ?? item) ?? [];

  return (
    <View className="member-page coupon-centre-page">
      <View className="coupon-centre__banner">
        <Text className="coupon-centre__title">领券中心</Text>
        <Text className="coupon-centre__sub">领取后放入“我的券”，线上下单结算时可用，到店出示会员码也可用</Text>
        <Text className="coupon-centre__link wallet-link" onClick={() => navigateTo(ROUTES.memberVouchers)}>
          我的券 ›
        </Text>
      </View>
      {state.status === 'loading' && !state.data ? <LoadingState /> : null}
      {state.status === 'error' && !state.data ? (
        <ErrorState error={state.error} onRetry={() => void reload()} />
      ) : null}
      {state.data && list.length === 0 ? (
        <EmptyState title="暂时没有可领的券" description="会员日和新品上架时会有新券，记得回来看看" />
      ) : null}
      <View className="coupon-centre__list">
        {list.map((item) => (
          <CentreCard
            key={item.templateId}
            item={item}
            busy={busyId === item.templateId}
            claimedCouponId={claimed[item.templateId] ?? null}
            onClaim={() => void claim(item)}
          />
        ))}
      </View>
    </View>
  );
}
