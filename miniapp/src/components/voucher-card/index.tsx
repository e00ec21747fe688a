import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { VoucherStatus, VoucherView } from '@tidepool/shared';
import { formatDate, formatEnd } from '@/utils/date';
import './index.scss';

export const VOUCHER_STATUS_LABEL: Record<VoucherStatus, string> = {
  AVAILABLE: '可用',
  REDEEMED: '已使用',
  EXPIRED: '已过期',
};

export interface VoucherCardProps {
  voucher: VoucherView;
  /** Shown on the right, e.g. the cashier's 核销 button; defaults to the status label. */
  action?: ReactNode;
}

function validity(voucher: VoucherView): string {
  switch (voucher.status) {
    case 'REDEEMED':
      return `${formatDate(voucher.redeemedAt)} 已使用${voucher.redeemedStoreName ? ` · ${voucher.redeemedStoreName}` : ''}`;
    case 'EXPIRED':
      return `${formatEnd(voucher.expiresAt)} 已过期`;
    case 'AVAILABLE':
      return voucher.expiresAt ? `有效期至 ${formatEnd(voucher.expiresAt)}` : '长期有效';
  }
}

/** One voucher (券) as a ticket: title and description on the left, status or an action on the right. */
export function VoucherCard({ voucher, action }: VoucherCardProps) {
  const used = voucher.status !== 'AVAILABLE';
  return (
    <View className={`voucher-card ${used ? 'voucher-card--used' : ''}`}>
      <View className="voucher-card__stub">
        <Text className="voucher-card__stub-text">券</Text>
      </View>
      <View className="voucher-card__body">
        <Text className="voucher-card__title voucher-title">{voucher.title}</Text>
        {voucher.description ? <Text className="voucher-card__desc">{voucher.description}</Text> : null}
        <Text className="voucher-card__validity">{validity(voucher)}</Text>
      </View>
      <View className="voucher-card__side">
        {action ?? (
          <Text className={`voucher-card__status voucher-status voucher-card__status--${voucher.status.toLowerCase()}`}>
            {VOUCHER_STATUS_LABEL[voucher.status]}
          </Text>
        )}
      </View>
    </View>
  );
}
