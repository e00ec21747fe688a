import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { CouponView } from '@tidepool/shared';
import { COUPON_STATUS_LABEL, couponFace, couponTerms, couponValidity } from './coupon-text';
import './index.scss';

export { COUPON_STATUS_LABEL } from './coupon-text';

export interface CouponCardProps {
  coupon: CouponView;
  /** Shown on the right instead of the status label (e.g. the till's check mark). */
  action?: ReactNode;
  /** Highlights the card (a coupon chosen at the till). */
  selected?: boolean;
  /** A line under the terms, e.g. "还差 ¥19.00 可用". */
  note?: string;
  onClick?: () => void;
  className?: string;
}

/** One coupon (优惠券) as a ticket: face value on the stub; label, name, terms and validity beside it. */
export function CouponCard({ coupon, action, selected = false, note, onClick, className = '' }: CouponCardProps) {
  const used = coupon.status !== 'AVAILABLE';
  const classes = [
    'coupon-card',
    used ? 'coupon-card--used' : '',
    selected ? 'coupon-card--selected' : '',
    className,
  ].filter(Boolean);
  return (
    <View className={classes.join(' ')} onClick={onClick}>
      <View className="coupon-card__stub">
        <Text className="coupon-card__face">{couponFace(coupon)}</Text>
        <Text className="coupon-card__kind">{coupon.kind === 'AMOUNT_OFF' ? '优惠券' : '折扣券'}</Text>
      </View>
      <View className="coupon-card__body">
        <Text className="coupon-card__label coupon-label">{coupon.label}</Text>
        {coupon.name !== coupon.label ? <Text className="coupon-card__name coupon-name">{coupon.name}</Text> : null}
        <Text className="coupon-card__terms coupon-terms">{couponTerms(coupon)}</Text>
        <Text className="coupon-card__validity coupon-validity">{couponValidity(coupon)}</Text>
        {note ? <Text className="coupon-card__note">{note}</Text> : null}
      </View>
      <View className="coupon-card__side">
        {action ?? (
          <Text className={`coupon-card__status coupon-status coupon-card__status--${coupon.status.toLowerCase()}`}>
            {COUPON_STATUS_LABEL[coupon.status]}
          </Text>
        )}
      </View>
    </View>
  );
}
