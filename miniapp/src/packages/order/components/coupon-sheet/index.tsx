import { ScrollView, Text, View } from '@tarojs/components';
import { fen, formatFen, type CheckoutCouponOption } from '@tidepool/shared';
import { CouponCard } from '@/components/coupon-card';
import { couponOptionNote, sameCoupons, toggleCoupon } from '@/utils/order-text';

export interface CouponSheetProps {
  options: readonly CheckoutCouponOption[];
  /** The coupons the current quote applied. */
  applied: readonly number[];
  /** The best combination (marked 推荐). */
  suggested: readonly number[];
  /** Total of the coupon discount lines of the current quote. */
  couponDiscountFen: number;
  /** A new quote is on its way: taps wait. */
  busy: boolean;
  onChange: (couponIds: number[]) => void;
  onClose: () => void;
}

function Check({ on }: { on: boolean }) {
  return (
    <View className={`order-check ${on ? 'order-check--on' : ''}`}>
      {on ? <Text className="order-check__tick">✓</Text> : null}
    </View>
  );
}

/** 优惠券 as a bottom sheet: usable coupons to tick, the others greyed with why (还差 ¥x 可用), and 不使用优惠券. */
export function CouponSheet({
  options,
  applied,
  suggested,
  couponDiscountFen,
  busy,
  onChange,
  onClose,
}: CouponSheetProps) {
  const usable = options.filter((o) => o.usable);
  const unusable = options.filter((o) => !o.usable);
  const tap = (option: CheckoutCouponOption) => {
    if (busy || !option.usable) return;
    onChange(toggleCoupon(applied, option, options));
  };
  const isSuggested = suggested.length > 0 && sameCoupons(applied, suggested);
  return (
    <View className="order-sheet coupon-sheet" catchMove>
      <View className="order-sheet__mask" onClick={onClose} />
      <View className="order-sheet__body">
        <View className="order-sheet__head">
          <Text className="order-sheet__title">优惠券</Text>
          <Text className="order-sheet__close coupon-sheet-close" onClick={onClose}>
            ×
          </Text>
        </View>
        <Text className="coupon-sheet__summary">
          {applied.length > 0
            ? `已选 ${applied.length} 张，共减 ${formatFen(fen(couponDiscountFen))}${isSuggested ? '（推荐组合）' : ''}`
            : `${usable.length} 张可用`}
        </Text>
        <ScrollView className="order-sheet__scroll" scrollY>
          <View className="coupon-sheet__none coupon-none" onClick={() => !busy && onChange([])}>
            <Text className="coupon-sheet__none-text">不使用优惠券</Text>
            <Check on={applied.length === 0} />
          </View>
          {usable.map((option) => {
            const on = applied.includes(option.coupon.id);
            return (
              <CouponCard
                key={option.coupon.id}
                coupon={option.coupon}
                selected={on}
                className="checkout-coupon"
                note={suggested.includes(option.coupon.id) ? '推荐使用' : undefined}
                onClick={() => tap(option)}
                action={<Check on={on} />}
              />
            );
          })}
          {unusable.length > 0 ? (
            <Text className="coupon-sheet__section">{`不可用优惠券（${unusable.length}）`}</Text>
          ) : null}
          {unusable.map((option) => (
            <CouponCard
              key={option.coupon.id}
              coupon={option.coupon}
              className="checkout-coupon checkout-coupon--disabled"
              note={couponOptionNote(option) ?? undefined}
              action={<Text className="coupon-sheet__na">不可用</Text>}
            />
          ))}
        </ScrollView>
        <View
          className={`btn btn--primary btn--block coupon-sheet__done coupon-sheet-done ${busy ? 'btn--disabled' : ''}`}
          onClick={onClose}
        >
          {busy ? '计算中…' : '完成'}
        </View>
      </View>
    </View>
  );
}
