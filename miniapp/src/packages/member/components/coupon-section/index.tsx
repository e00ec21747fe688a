import { Text, View } from '@tarojs/components';
import { CouponCard } from '@/components/coupon-card';
import { CHANNEL_HINT } from '@/components/coupon-card/coupon-text';
import { ErrorState } from '@/components/state-view';
import type { AsyncState } from '@/hooks/use-async';
import type { CouponWalletResponse } from '@tidepool/shared';
import { couponProductsUrl, navigateTo } from '@/utils/routes';
import './index.scss';

export interface CouponSectionProps {
  state: AsyncState<CouponWalletResponse>;
  onRetry: () => void;
}

/**
 * The member's coupons (优惠券) in one wallet tab; nothing while loading or when the tab has none. Coupons are used
 * online at checkout as well as at a till, so the hint says both (the till-only hint belongs to goods vouchers),
 * and a usable coupon offers 去使用: the products it applies to.
 */
export function CouponSection({ state, onRetry }: CouponSectionProps) {
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={onRetry} compact />;
  if (state.status !== 'success' || state.data.items.length === 0) return null;
  return (
    <View className="coupon-section coupon-list">
      <View className="coupon-section__head">
        <Text className="coupon-section__title">优惠券</Text>
        <Text className="coupon-section__hint">{`${state.data.items.length} 张`}</Text>
      </View>
      <Text className="coupon-section__channel coupon-channel-hint">{CHANNEL_HINT.coupon}</Text>
      {state.data.items.map((coupon) => (
        <CouponCard
          key={coupon.id}
          coupon={coupon}
          action={
            coupon.status === 'AVAILABLE' ? (
              <View
                className="btn btn--primary btn--small coupon-use-button"
                onClick={() => navigateTo(couponProductsUrl(coupon.id))}
              >
                去使用
              </View>
            ) : undefined
          }
        />
      ))}
    </View>
  );
}
