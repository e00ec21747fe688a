import { fen, type Fulfilment, type OrderState, orderStateLabel } from '@tidepool/shared';
import { Tag } from 'antd';
import { yuan } from '../../format';

const STATE_COLORS: Record<OrderState, string> = {
  PENDING_PAYMENT: 'orange',
  PAID: 'blue',
  FULFILLED: 'cyan',
  COMPLETED: 'green',
  CANCELLED: 'default',
};

export function OrderStateTag({ state, fulfilment }: { state: OrderState; fulfilment: Fulfilment }) {
  return (
    <Tag color={STATE_COLORS[state]} data-testid="order-state">
      {orderStateLabel(state, fulfilment)}
    </Tag>
  );
}

/** ¥12.30 for an amount in fen as the API sends it (a plain integer). */
export function money(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? '—' : yuan(fen(amount));
}
