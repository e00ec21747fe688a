import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { VOUCHER_STATUSES, type VoucherStatus } from '@tidepool/shared';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-view';
import { VOUCHER_STATUS_LABEL, VoucherCard } from '@/components/voucher-card';
import { useAsync } from '@/hooks/use-async';
import { listMyVouchers } from '@/services/api/members.api';
import '../../member.scss';
import './index.scss';

const EMPTY_TITLE: Record<VoucherStatus, string> = {
  AVAILABLE: '暂无可用的券',
  REDEEMED: '还没有使用过券',
  EXPIRED: '没有过期的券',
};

export default function VouchersPage() {
  const [status, setStatus] = useState<VoucherStatus>('AVAILABLE');
  const { state, reload } = useAsync(() => listMyVouchers(status), [status]);
  const items = state.status === 'success' ? state.data.items : [];

  return (
    <View className="member-page vouchers-page">
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
        {state.status === 'loading' ? <LoadingState /> : null}
        {state.status === 'error' ? <ErrorState error={state.error} onRetry={() => void reload()} /> : null}
        {state.status === 'success' && items.length === 0 ? (
          <EmptyState
            title={EMPTY_TITLE[status]}
            description={status === 'AVAILABLE' ? '会员日、生日和门店活动都会送券' : undefined}
          />
        ) : null}
        {items.map((voucher) => (
          <VoucherCard key={voucher.id} voucher={voucher} />
        ))}
      </View>
      {status === 'AVAILABLE' && items.length > 0 ? (
        <Text className="field-note vouchers-page__note">到店结账时出示会员码，由店员核销使用。</Text>
      ) : null}
    </View>
  );
}
