import { fen, ORDER_STATE_LABELS, type OrderState } from '@tidepool/shared';
import { Tag } from 'antd';
import { yuan } from '../../format';

const STATE_COLORS: Record<OrderState, string> = {
  PENDING_PAYMENT: 'orange',
  PAID: 'blue',
  FULFILLED: 'cyan',
  COMPLETED: 'green',
  CANCELLED: 'default',
};

export function OrderStateTag({ state }: { state: OrderState }) {
  return (
    <Tag color={STATE_COLORS[state]} data-testid="order-state">
      {ORDER_STATE_LABELS[state]}
    </Tag>
  );
}

/** ¥12.30 for an amount in fen as the API sends it (a plain integer). */
export function money(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? '—' : yuan(fen(amount));
}
