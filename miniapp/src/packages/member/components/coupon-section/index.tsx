import { Text, View } from '@tarojs/components';
import { CouponCard } from '@/components/coupon-card';
import { ErrorState } from '@/components/state-view';
import type { AsyncState } from '@/hooks/use-async';
import type { CouponWalletResponse } from '@tidepool/shared';
import './index.scss';

export interface CouponSectionProps {
  state: AsyncState<CouponWalletResponse>;
  onRetry: () => void;
}

/** The member's coupons (优惠券) in one wallet tab; nothing while loading or when the tab has none. */
export function CouponSection({ state, onRetry }: CouponSectionProps) {
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={onRetry} compact />;
  if (state.status !== 'success' || state.data.items.length === 0) return null;
  return (
    <View className="coupon-section coupon-list">
      <View className="coupon-section__head">
        <Text className="coupon-section__title">优惠券</Text>
        <Text className="coupon-section__hint">{`${state.data.items.length} 张`}</Text>
      </View>
      {state.data.items.map((coupon) => (
        <CouponCard key={coupon.id} coupon={coupon} />
      ))}
    </View>
  );
}
