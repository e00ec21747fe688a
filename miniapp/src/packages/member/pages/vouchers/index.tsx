import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { VOUCHER_STATUSES, type CouponWalletStatus, type VoucherStatus } from '@tidepool/shared';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-view';
import { VOUCHER_STATUS_LABEL, VoucherCard } from '@/components/voucher-card';
import { useAsync } from '@/hooks/use-async';
import { listMyCoupons } from '@/services/api/coupons.api';
import { CHANNEL_HINT } from '@/components/coupon-card/coupon-text';
import { navigateTo, ROUTES } from '@/utils/routes';
import { listMyVouchers } from '@/services/api/members.api';
import { CouponSection } from '../../components/coupon-section';
import '../../member.scss';
import './index.scss';

const EMPTY_TITLE: Record<VoucherStatus, string> = {
  AVAILABLE: '暂无可用的券',
  REDEEMED: '还没有使用过券',
  EXPIRED: '没有过期的券',
};

/** The coupon wallet's tab shown under each voucher tab (可用 / 已使用 / 已过期). */
const COUPON_STATUS: Record<VoucherStatus, CouponWalletStatus> = {
  AVAILABLE: 'AVAILABLE',
  REDEEMED: 'USED',
  EXPIRED: 'EXPIRED',
};

export default function VouchersPage() {
  const [status, setStatus] = useState<VoucherStatus>('AVAILABLE');
  const { state, reload } = useAsync(() => listMyVouchers(status), [status]);
  const items = state.status === 'success' ? state.data.items : [];
  const coupons = useAsync(() => listMyCoupons(COUPON_STATUS[status]), [status]);
  const couponCount = coupons.state.status === 'success' ? coupons.state.data.items.length : 0;
  const loading = state.status === 'loading' || coupons.state.status === 'loading';

  return (
    <View className="member-page vouchers-page">
      <View className="vouchers-page__centre coupon-centre-entry" onClick={() => navigateTo(ROUTES.couponCentre)}>
        <Text className="vouchers-page__centre-title">领券中心</Text>
        <Text className="vouchers-page__centre-hint">更多好券免费领 ›</Text>
      </View>
      <View className="voucher-tabs">
        {VOUCHER_STATUSES.map((s) => (
          <View
            key={s}
            className={`voucher-tabs__tab voucher-tab ${s === status ? 'voucher-tabs__tab--active voucher-tab--active' : ''}`}
            onClick={() => setStatus(s)}
          >
            <Text>{VOUCHER_STATUS_LABEL[s]}</Text>
          </View>
        ))}
      </View>

      <View className="voucher-list">
        {loading ? <LoadingState /> : null}
        {loading ? null : <CouponSection state={coupons.state} onRetry={() => void coupons.reload()} />}
        {state.status === 'error' ? <ErrorState error={state.error} onRetry={() => void reload()} /> : null}
        {!loading && couponCount > 0 && items.length > 0 ? (
          <View className="voucher-section__head">
            <Text className="voucher-section__title">商品券</Text>
            <Text className="voucher-section__hint">{CHANNEL_HINT.voucher}</Text>
          </View>
        ) : null}
        {!loading && state.status === 'success' && items.length === 0 && couponCount === 0 ? (
          <EmptyState
            title={EMPTY_TITLE[status]}
            description={status === 'AVAILABLE' ? '会员日、生日和门店活动都会送券' : undefined}
          />
        ) : null}
        {(loading ? [] : items).map((voucher) => (
          <VoucherCard key={voucher.id} voucher={voucher} />
        ))}
      </View>
      {/* Only goods vouchers are till-only; coupons say their own channel above. */}
      {status === 'AVAILABLE' && items.length > 0 ? (
        <Text className="field-note vouchers-page__note">{`商品券：${CHANNEL_HINT.voucher}。`}</Text>
      ) : null}
    </View>
  );
}
