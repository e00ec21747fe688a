import { describe, expect, it } from 'vitest';
import { ORDER_STATES, type OrderAction, orderMachine } from '@tidepool/shared';
import {
  afterSaleApplyUrl,
  memberOrderActions,
  ORDER_ACTION_BUTTONS,
  ORDER_ACTION_ORDER,
  orderActionButtons,
} from './order-actions';

describe('order action buttons', () => {
  it('has a button for every action the order machine offers a member, in every state', () => {
    const offered = memberOrderActions();
    expect(offered.sort()).toEqual(['APPLY_REFUND', 'CANCEL', 'CONFIRM_RECEIPT', 'PAY']);
    for (const state of ORDER_STATES) {
      const actions = orderMachine.allowedActions(state, 'MEMBER');
      expect(
        orderActionButtons(actions)
          .map((b) => b.action)
          .sort(),
      ).toEqual([...actions].sort());
    }
  });

  it('maps every OrderAction: a button, or null only for an action no member is offered', () => {
    const all = new Set<OrderAction>(orderMachine.actions.map((a) => a.action));
    expect(new Set(Object.keys(ORDER_ACTION_BUTTONS))).toEqual(all);
    expect(new Set(ORDER_ACTION_ORDER)).toEqual(all);
    const offered = memberOrderActions();
    for (const action of all) {
      const button = ORDER_ACTION_BUTTONS[action];
      if (offered.includes(action)) {
        expect(button?.text, action).toMatch(/\S/);
      } else {
        expect(button, action).toBeNull();
      }
    }
  });

  it('asks before anything that changes the order or leaves the page', () => {
    for (const action of ['CANCEL', 'CONFIRM_RECEIPT', 'APPLY_REFUND'] as const) {
      expect(ORDER_ACTION_BUTTONS[action]?.confirm?.confirmText, action).toBeTruthy();
    }
  });

  it('shows 确认收货 and 申请退款 for a shipped order, 申请退款 for a paid one', () => {
    expect(orderActionButtons(orderMachine.allowedActions('FULFILLED', 'MEMBER')).map((b) => b.button.text)).toEqual([
      '申请退款',
      '确认收货',
    ]);
    expect(orderActionButtons(['APPLY_REFUND']).map((b) => b.button.text)).toEqual(['申请退款']);
    expect(orderActionButtons(['FULFIL'])).toEqual([]);
  });

  it('sends 申请退款 to the after-sales form of the order', () => {
    expect(afterSaleApplyUrl(42)).toBe('/packages/order/pages/after-sale-apply/index?orderId=42');
  });
});
