import { describe, expect, it } from 'vitest';
import { DEFAULT_GROWTH_RULES } from './growth-rules';
import { holdoutBucket, inHoldout } from './holdout';

const MEMBERS = Array.from({ length: 20_000 }, (_, i) => i + 1);
const held = (campaign: string, bp = DEFAULT_GROWTH_RULES.holdoutBp): number[] =>
  MEMBERS.filter((id) => inHoldout(id, campaign, bp));

describe('holdout assignment', () => {
  it('holds out 10% ± 1.5% of 20,000 sequential members', () => {
    for (const campaign of ['winback-2026-06:wave-1', 'winback-2026-06:wave-2', 'golden-window']) {
      const share = held(campaign).length / MEMBERS.length;
      expect(share).toBeGreaterThanOrEqual(0.085);
      expect(share).toBeLessThanOrEqual(0.115);
    }
  });

  it('is the same on a second call', () => {
    expect(held('winback-2026-06:wave-1')).toEqual(held('winback-2026-06:wave-1'));
  });

  it('reshuffles across campaign keys', () => {
    const a = new Set(held('winback-2026-06:wave-1'));
    const b = held('winback-2026-07:wave-1');
    const overlap = b.filter((id) => a.has(id)).length;
    expect(b).not.toEqual([...a]);
    // Independent 10% draws share about 10% of their members (≈ 200 of ≈ 2,000), far from all of them.
    expect(overlap).toBeLessThan(400);
  });

  it('treats a numeric id and its decimal string alike, and honours 0 and the whole range', () => {
    expect(holdoutBucket(12345, 'c')).toBe(holdoutBucket('12345', 'c'));
    expect(held('c', 0)).toEqual([]);
    expect(held('c', 10_000)).toHaveLength(MEMBERS.length);
  });

  it('hashes non-ASCII campaign keys into the bucket range', () => {
    const bucket = holdoutBucket(7, '老客召回·第一波');
    expect(Number.isInteger(bucket)).toBe(true);
    expect(bucket).toBeGreaterThanOrEqual(0);
    expect(bucket).toBeLessThan(10_000);
  });
});
