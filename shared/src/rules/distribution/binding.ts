import type { BindingOutcome } from '../../contracts/distribution.contract';

const DAY_MS = 86_400_000;

/** How bindings behave (DistributionRulesView carries the same values to the promoter). */
export interface BindingPolicy {
  /** A click protects the binding for this many days. */
  protectionDays: number;
  /** An attributed order protects it for this many days after the order. */
  orderProtectionDays: number;
  /** After protection lapses, another promoter's link takes the customer over (last touch). */
  lastTouchAfterProtection: boolean;
}

export const DEFAULT_BINDING_POLICY: BindingPolicy = {
  protectionDays: 15,
  orderProtectionDays: 30,
  lastTouchAfterProtection: true,
};

export interface CurrentBinding {
  promoterId: number;
  protectedUntil: Date;
}

export interface BindingInput {
  /** The visitor (a member). */
  visitorMemberId: number;
  /** The visitor's current binding, if any. */
  current: CurrentBinding | null;
  /** The promoter whose token was opened. */
  promoterId: number;
  /** The promoter's own member id (null for a promoter without one). */
  promoterMemberId: number | null;
  /**
   * Member ids reached by walking up from the promoter: the promoter's member, the promoter its member is bound
   * to, that promoter's member, … (bindings and invites). The visitor among them would close a loop.
   */
  upstreamMemberIds: readonly number[];
  now: Date;
  policy: BindingPolicy;
}

export interface BindingDecision {
  outcome: BindingOutcome;
  /** The binding after the visit (unchanged for KEPT and refusals). */
  next: CurrentBinding | null;
  /** Whether the binding row changes (BOUND, REBOUND, EXTENDED when the end moved). */
  changed: boolean;
}

export function protectionEnd(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

/**
 * The binding rule table (客户关系): no self-binding, no loops, first touch kept during protection (no poaching),
 * after protection last touch takes over (or first touch is kept, by policy); the same promoter renews protection.
 */
export function decideBinding(input: BindingInput): BindingDecision {
  const { current, now, policy } = input;
  const keep = (outcome: BindingOutcome): BindingDecision => ({ outcome, next: current, changed: false });
  if (input.promoterMemberId !== null && input.promoterMemberId === input.visitorMemberId) return keep('REFUSED_SELF');
  if (input.upstreamMemberIds.includes(input.visitorMemberId)) return keep('REFUSED_LOOP');
  const renewed = protectionEnd(now, policy.protectionDays);
  if (!current)
    return { outcome: 'BOUND', next: { promoterId: input.promoterId, protectedUntil: renewed }, changed: true };
  if (current.promoterId === input.promoterId) {
    const end = renewed > current.protectedUntil ? renewed : current.protectedUntil;
    return {
      outcome: 'EXTENDED',
      next: { promoterId: current.promoterId, protectedUntil: end },
      changed: end.getTime() !== current.protectedUntil.getTime(),
    };
  }
  const protectedNow = current.protectedUntil.getTime() > now.getTime();
  if (protectedNow || !policy.lastTouchAfterProtection) return keep('KEPT');
  return { outcome: 'REBOUND', next: { promoterId: input.promoterId, protectedUntil: renewed }, changed: true };
}

/** An attributed order extends protection to `orderProtectionDays` after the order (never shortens it). */
export function protectionAfterOrder(current: CurrentBinding, paidAt: Date, policy: BindingPolicy): CurrentBinding {
  const end = protectionEnd(paidAt, policy.orderProtectionDays);
  return {
    promoterId: current.promoterId,
    protectedUntil: end > current.protectedUntil ? end : current.protectedUntil,
  };
}

/** Seconds of protection left at `now` (0 once lapsed). */
export function protectionSecondsLeft(protectedUntil: Date, now: Date): number {
  return Math.max(0, Math.floor((protectedUntil.getTime() - now.getTime()) / 1000));
}
