import { describe, expect, it } from 'vitest';
import {
  type BindingInput,
  type BindingPolicy,
  DEFAULT_BINDING_POLICY,
  decideBinding,
  protectionAfterOrder,
  protectionSecondsLeft,
} from './binding';

const DAY = 86_400_000;
const NOW = new Date('2026-11-25T04:00:00Z');
const days = (n: number) => new Date(NOW.getTime() + n * DAY);

const VISITOR = 100;
const A = { promoterId: 1, promoterMemberId: 11 };
const B = { promoterId: 2, promoterMemberId: 22 };

function input(overrides: Partial<BindingInput> & { promoter?: typeof A }): BindingInput {
  const promoter = overrides.promoter ?? A;
  return {
    visitorMemberId: VISITOR,
    current: null,
    promoterId: promoter.promoterId,
    promoterMemberId: promoter.promoterMemberId,
    upstreamMemberIds: [promoter.promoterMemberId],
    now: NOW,
    policy: DEFAULT_BINDING_POLICY,
    ...overrides,
  };
}

const firstTouchForever: BindingPolicy = { ...DEFAULT_BINDING_POLICY, lastTouchAfterProtection: false };

describe('binding rule table', () => {
  const table: {
    name: string;
    input: BindingInput;
    outcome: string;
    promoterId: number | null;
    until: Date | null;
    changed: boolean;
  }[] = [
    {
      name: 'unbound visitor binds, 15 days',
      input: input({}),
      outcome: 'BOUND',
      promoterId: 1,
      until: days(15),
      changed: true,
    },
    {
      name: 'same promoter renews protection',
      input: input({ current: { promoterId: 1, protectedUntil: days(3) } }),
      outcome: 'EXTENDED',
      promoterId: 1,
      until: days(15),
      changed: true,
    },
    {
      name: 'same promoter never shortens a longer (order) protection',
      input: input({ current: { promoterId: 1, protectedUntil: days(25) } }),
      outcome: 'EXTENDED',
      promoterId: 1,
      until: days(25),
      changed: false,
    },
    {
      name: 'another promoter during protection: kept (no poaching)',
      input: input({ promoter: B, upstreamMemberIds: [22], current: { promoterId: 1, protectedUntil: days(1) } }),
      outcome: 'KEPT',
      promoterId: 1,
      until: days(1),
      changed: false,
    },
    {
      name: 'another promoter the very instant protection ends: last touch takes over',
      input: input({ promoter: B, upstreamMemberIds: [22], current: { promoterId: 1, protectedUntil: NOW } }),
      outcome: 'REBOUND',
      promoterId: 2,
      until: days(15),
      changed: true,
    },
    {
      name: 'another promoter after protection with first-touch policy: kept',
      input: input({
        promoter: B,
        upstreamMemberIds: [22],
        current: { promoterId: 1, protectedUntil: days(-1) },
        policy: firstTouchForever,
      }),
      outcome: 'KEPT',
      promoterId: 1,
      until: days(-1),
      changed: false,
    },
    {
      name: 'self-referral is refused',
      input: input({ visitorMemberId: 11 }),
      outcome: 'REFUSED_SELF',
      promoterId: null,
      until: null,
      changed: false,
    },
    {
      name: 'self-referral is refused even when bound elsewhere and lapsed',
      input: input({ visitorMemberId: 11, current: { promoterId: 2, protectedUntil: days(-5) } }),
      outcome: 'REFUSED_SELF',
      promoterId: 2,
      until: days(-5),
      changed: false,
    },
    {
      name: 'a loop (the promoter is my customer) is refused',
      input: input({ promoter: B, upstreamMemberIds: [22, VISITOR] }),
      outcome: 'REFUSED_LOOP',
      promoterId: null,
      until: null,
      changed: false,
    },
    {
      name: 'a longer loop (three hops) is refused, binding kept',
      input: input({
        promoter: B,
        upstreamMemberIds: [22, 33, 44, VISITOR],
        current: { promoterId: 1, protectedUntil: days(-1) },
      }),
      outcome: 'REFUSED_LOOP',
      promoterId: 1,
      until: days(-1),
      changed: false,
    },
  ];

  for (const row of table) {
    it(row.name, () => {
      const d = decideBinding(row.input);
      expect(d.outcome).toBe(row.outcome);
      expect(d.changed).toBe(row.changed);
      expect(d.next?.promoterId ?? null).toBe(row.promoterId);
      expect(d.next?.protectedUntil.toISOString() ?? null).toBe(row.until?.toISOString() ?? null);
    });
  }

  it('an order extends protection to 30 days after payment, never shortening it', () => {
    const paidAt = days(2);
    expect(protectionAfterOrder({ promoterId: 1, protectedUntil: days(10) }, paidAt, DEFAULT_BINDING_POLICY)).toEqual({
      promoterId: 1,
      protectedUntil: days(32),
    });
    expect(protectionAfterOrder({ promoterId: 1, protectedUntil: days(40) }, paidAt, DEFAULT_BINDING_POLICY)).toEqual({
      promoterId: 1,
      protectedUntil: days(40),
    });
  });

  it('counts protection down in whole seconds, never below zero', () => {
    expect(protectionSecondsLeft(new Date(NOW.getTime() + 90_500), NOW)).toBe(90);
    expect(protectionSecondsLeft(days(-1), NOW)).toBe(0);
  });
});
