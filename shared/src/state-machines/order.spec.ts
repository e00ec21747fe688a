import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IllegalTransitionError } from './machine';
import {
  allowedLineActions,
  canRequestLineRefund,
  LINE_REFUND_STATES,
  lineRefundMachine,
  ORDER_STATES,
  orderMachine,
  type LineRefundEvent,
  type OrderEvent,
  type OrderState,
} from './order';

const ORDER_EVENTS: OrderEvent[] = ['PAY', 'CANCEL', 'FULFIL', 'COMPLETE'];
const outcome = <S extends string, E extends string>(
  machine: { applyEvent(s: S, e: E): { state: S; changed: boolean } },
  state: S,
  event: E,
): string => {
  try {
    const result = machine.applyEvent(state, event);
    return result.changed ? result.state : 'no-op';
  } catch (error) {
    return error instanceof IllegalTransitionError ? 'conflict' : 'other error';
  }
};

describe('order state machine', () => {
  it('answers every (state, event) pair as the table says', () => {
    // columns: PAY, CANCEL, FULFIL, COMPLETE
    const expected: Record<OrderState, string[]> = {
      PENDING_PAYMENT: ['PAID', 'CANCELLED', 'conflict', 'conflict'],
      PAID: ['no-op', 'conflict', 'FULFILLED', 'conflict'],
      FULFILLED: ['no-op', 'conflict', 'no-op', 'COMPLETED'],
      COMPLETED: ['no-op', 'conflict', 'no-op', 'no-op'],
      CANCELLED: ['conflict', 'no-op', 'conflict', 'conflict'],
    };
    for (const state of ORDER_STATES) {
      expect(ORDER_EVENTS.map((event) => outcome(orderMachine, state, event))).toEqual(expected[state]);
    }
  });

  it('treats a duplicate payment notice for a fulfilled order as a no-op, not a step back', () => {
    expect(orderMachine.applyEvent('FULFILLED', 'PAY')).toEqual({ state: 'FULFILLED', changed: false });
  });

  it('refuses a payment for a cancelled order with a conflict code (the server refunds it)', () => {
    expect(() => orderMachine.applyEvent('CANCELLED', 'PAY')).toThrow(
      expect.objectContaining({ code: 'ORDER_STATE_CONFLICT', state: 'CANCELLED', event: 'PAY' }),
    );
  });

  it('cancels only before payment', () => {
    expect(ORDER_STATES.filter((s) => orderMachine.canTransition(s, 'CANCEL'))).toEqual(['PENDING_PAYMENT']);
  });

  it('returns null from nextState for anything that is not a transition, repeats included', () => {
    expect(orderMachine.nextState('PAID', 'FULFIL')).toBe('FULFILLED');
    expect(orderMachine.nextState('PAID', 'PAY')).toBeNull();
    expect(orderMachine.nextState('PAID', 'CANCEL')).toBeNull();
  });

  it('knows the terminal states', () => {
    expect(ORDER_STATES.filter((s) => orderMachine.isTerminal(s))).toEqual(['COMPLETED', 'CANCELLED']);
  });

  it.each<[OrderState, string[], string[]]>([
    ['PENDING_PAYMENT', ['PAY', 'CANCEL'], []],
    ['PAID', ['APPLY_REFUND'], ['FULFIL']],
    ['FULFILLED', ['CONFIRM_RECEIPT', 'APPLY_REFUND'], []],
    ['COMPLETED', ['APPLY_REFUND'], []],
    ['CANCELLED', [], []],
  ])('offers the right buttons in %s', (state, member, staff) => {
    expect(orderMachine.allowedActions(state)).toEqual(member);
    expect(orderMachine.allowedActions(state, 'STAFF')).toEqual(staff);
    expect(orderMachine.allowedActions(state, 'SYSTEM')).toEqual([]);
  });

  it('property: whatever events arrive, in any order and repeated, an order never moves backwards', () => {
    const rank: Record<OrderState, number> = { PENDING_PAYMENT: 0, PAID: 1, FULFILLED: 2, COMPLETED: 3, CANCELLED: 1 };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ORDER_EVENTS), { maxLength: 30 }), (events) => {
        let state: OrderState = 'PENDING_PAYMENT';
        for (const event of events) {
          if (outcome(orderMachine, state, event) === 'conflict') continue;
          const next: OrderState = orderMachine.applyEvent(state, event).state;
          expect(rank[next]).toBeGreaterThanOrEqual(rank[state]);
          if (state === 'CANCELLED') expect(next).toBe('CANCELLED');
          state = next;
        }
      }),
    );
  });
});

describe('line refund state machine', () => {
  const EVENTS: LineRefundEvent[] = ['REQUEST_REFUND', 'REFUND_SUCCEEDED', 'REFUND_REJECTED'];

  it('answers every (state, event) pair as the table says', () => {
    const expected = {
      NONE: ['REFUNDING', 'conflict', 'no-op'],
      REFUNDING: ['no-op', 'REFUNDED', 'NONE'],
      REFUNDED: ['no-op', 'no-op', 'no-op'],
    };
    for (const state of LINE_REFUND_STATES) {
      expect(EVENTS.map((event) => outcome(lineRefundMachine, state, event))).toEqual(expected[state]);
    }
  });

  it('refuses a refund success for a line that is not being refunded', () => {
    expect(() => lineRefundMachine.applyEvent('NONE', 'REFUND_SUCCEEDED')).toThrow(
      expect.objectContaining({ code: 'REFUND_STATE_CONFLICT' }),
    );
  });

  it('lets a member ask again after a rejection', () => {
    const rejected = lineRefundMachine.applyEvent('REFUNDING', 'REFUND_REJECTED').state;
    expect(lineRefundMachine.applyEvent(rejected, 'REQUEST_REFUND')).toEqual({ state: 'REFUNDING', changed: true });
  });

  it('allows a refund request only on a paid order and a line not already refunding', () => {
    expect(canRequestLineRefund('PENDING_PAYMENT', 'NONE')).toBe(false);
    expect(canRequestLineRefund('CANCELLED', 'NONE')).toBe(false);
    for (const order of ['PAID', 'FULFILLED', 'COMPLETED'] as const) {
      expect(canRequestLineRefund(order, 'NONE')).toBe(true);
      expect(canRequestLineRefund(order, 'REFUNDING')).toBe(false);
      expect(canRequestLineRefund(order, 'REFUNDED')).toBe(false);
    }
  });

  it('offers line buttons by order state, line state and actor', () => {
    expect(allowedLineActions('FULFILLED', 'NONE')).toEqual(['APPLY_REFUND']);
    expect(allowedLineActions('PENDING_PAYMENT', 'NONE')).toEqual([]);
    expect(allowedLineActions('FULFILLED', 'REFUNDING')).toEqual([]);
    expect(allowedLineActions('FULFILLED', 'REFUNDING', 'STAFF')).toEqual(['APPROVE_REFUND', 'REJECT_REFUND']);
    expect(allowedLineActions('COMPLETED', 'REFUNDED', 'STAFF')).toEqual([]);
  });
});
