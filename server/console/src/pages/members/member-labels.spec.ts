import { describe, expect, it } from 'vitest';
import { confirmationProblem, GROWTH_KIND_LABELS, labelOf, LOT_STATUS_LABELS, newRequestId } from './member-labels';

describe('member profile labels', () => {
  it('names the growth ledger’s kinds and the lots’ states, and shows an unknown code as it is', () => {
    expect(labelOf(GROWTH_KIND_LABELS, 'ADJUST')).toBe('人工调整');
    expect(labelOf(LOT_STATUS_LABELS, 'EXPIRED')).toBe('已过期');
    expect(labelOf(GROWTH_KIND_LABELS, 'NEW_KIND')).toBe('NEW_KIND');
  });

  it('makes request ids the server accepts ([A-Za-z0-9_-]{8,64}), different per opening', () => {
    const a = newRequestId('growth', 1_700_000_000_000, 0.123456);
    const b = newRequestId('growth', 1_700_000_000_000, 0.654321);
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(a).not.toBe(b);
  });

  it('wants the exact member id before a deletion is processed', () => {
    expect(confirmationProblem('', 42)).toBe('请输入会员 ID 以确认');
    expect(confirmationProblem('41', 42)).toBe('会员 ID 不一致');
    expect(confirmationProblem(' 42 ', 42)).toBeNull();
  });
});
