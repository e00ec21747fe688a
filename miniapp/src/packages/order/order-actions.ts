import { type OrderAction, orderMachine } from '@tidepool/shared';

/** What the order page's button for an action says, and the dialog that confirms it before anything happens. */
export interface OrderActionButton {
  text: string;
  className: string;
  /** The confirmation shown first; null when the button itself only opens something (pay, refund form). */
  confirm: { title: string; content: string; confirmText: string } | null;
}

/**
 * A button for every action the server may offer a member (`OrderView.actions`, from the shared order machine).
 * Null only for actions no member is ever offered (staff actions): order-actions.spec checks that against the
 * machine, so a new member action without a button fails the build instead of silently showing nothing.
 */
export const ORDER_ACTION_BUTTONS: Record<OrderAction, OrderActionButton | null> = {
  CANCEL: {
    text: '取消订单',
    className: 'btn--outline cancel-order-button',
    confirm: { title: '取消订单', content: '取消后优惠券将退回', confirmText: '确认取消' },
  },
  PAY: { text: '去支付', className: 'btn--primary pay-button', confirm: null },
  APPLY_REFUND: {
    text: '申请退款',
    className: 'btn--outline apply-refund-button',
    confirm: { title: '申请退款', content: '确定要为该订单申请退款/退货吗？', confirmText: '去申请' },
  },
  CONFIRM_RECEIPT: {
    text: '确认收货',
    className: 'btn--primary confirm-receipt-button',
    confirm: { title: '确认收货', content: '请确认已收到商品且完好无损，确认后订单完成', confirmText: '确认收货' },
  },
  FULFIL: null,
};

/** Left to right in the bar: the primary action last (nearest the thumb). */
export const ORDER_ACTION_ORDER: readonly OrderAction[] = [
  'CANCEL',
  'APPLY_REFUND',
  'PAY',
  'CONFIRM_RECEIPT',
  'FULFIL',
];

/** Every action the machine offers a member in some state. */
export function memberOrderActions(): OrderAction[] {
  return [...new Set(orderMachine.states.flatMap((state) => orderMachine.allowedActions(state, 'MEMBER')))];
}

/** The buttons to show for the actions the server offers, in bar order. */
export function orderActionButtons(
  actions: readonly OrderAction[],
): { action: OrderAction; button: OrderActionButton }[] {
  return ORDER_ACTION_ORDER.flatMap((action) => {
    const button = ORDER_ACTION_BUTTONS[action];
    return actions.includes(action) && button ? [{ action, button }] : [];
  });
}

/** Where 申请退款 goes: the after-sales form for the order. */
export function afterSaleApplyUrl(orderId: number): string {
  return `/packages/order/pages/after-sale-apply/index?orderId=${orderId}`;
}
