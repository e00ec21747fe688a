import { describe, expect, it } from 'vitest';
import { dropStatusText, formatDropCountdown, livePhase, msUntilOpen, storeClock, storeWhen } from './drops-time';

// Friday 2026-11-27 12:00 Shanghai = 04:00 UTC; closes Saturday 18:00 Shanghai.
const drop = { myOpensAt: '2026-11-27T04:00:00.000Z', closesAt: '2026-11-28T10:00:00.000Z' };
const at = (iso: string) => Date.parse(iso);

describe('livePhase', () => {
  it('is UPCOMING until the opening on the server clock, OPEN from it, ENDED at the close', () => {
    expect(livePhase(drop, at('2026-11-27T03:59:59.000Z'), 0)).toBe('UPCOMING');
    expect(livePhase(drop, at('2026-11-27T04:00:00.000Z'), 0)).toBe('OPEN');
    expect(livePhase(drop, at('2026-11-28T09:59:59.999Z'), 0)).toBe('OPEN');
    expect(livePhase(drop, at('2026-11-28T10:00:00.000Z'), 0)).toBe('ENDED');
  });

  it('corrects a phone clock that is off by the measured skew', () => {
    // The phone runs 5 minutes fast: at its 12:03 the server says 11:58.
    const phone = at('2026-11-27T04:03:00.000Z');
    expect(livePhase(drop, phone, -5 * 60_000)).toBe('UPCOMING');
    expect(msUntilOpen(drop, phone, -5 * 60_000)).toBe(2 * 60_000);
    // A slow phone opens on time too.
    expect(livePhase(drop, at('2026-11-27T03:58:00.000Z'), 2 * 60_000)).toBe('OPEN');
  });
});

describe('formatDropCountdown', () => {
  it('shows hh:mm:ss, rounding seconds up so 00:00:00 means open', () => {
    expect(formatDropCountdown(35_000)).toBe('00:00:35');
    expect(formatDropCountdown(34_001)).toBe('00:00:35');
    expect(formatDropCountdown(1)).toBe('00:00:01');
    expect(formatDropCountdown(0)).toBe('00:00:00');
    expect(formatDropCountdown(-5)).toBe('00:00:00');
    expect(formatDropCountdown(86_399_000)).toBe('23:59:59');
  });

  it('counts days beyond 24 hours', () => {
    expect(formatDropCountdown(2 * 86_400_000 + 3 * 3600_000 + 4 * 60_000 + 5_000)).toBe('2天 03:04:05');
  });
});

describe('store time', () => {
  it('says the opening in Shanghai time whatever the phone zone', () => {
    expect(storeClock('2026-11-27T04:00:00.000Z')).toBe('12:00');
    expect(storeClock('2026-11-27T03:30:00Z')).toBe('11:30');
    expect(storeClock('nonsense')).toBe('');
  });

  it('says 今天 / 明天 by the store calendar, else the date and weekday', () => {
    // 2026-11-26 23:30 Shanghai is still Thursday: Friday noon is 明天.
    expect(storeWhen('2026-11-27T04:00:00Z', at('2026-11-26T15:30:00Z'))).toBe('明天 12:00');
    // 00:30 Friday Shanghai (Thursday 16:30 UTC): 今天.
    expect(storeWhen('2026-11-27T04:00:00Z', at('2026-11-26T16:30:00Z'))).toBe('今天 12:00');
    expect(storeWhen('2026-11-27T04:00:00Z', at('2026-11-25T02:00:00Z'))).toBe('11月27日 周五 12:00');
  });
});

describe('dropStatusText', () => {
  it('counts down within a day, names the day further out, then says when it ends', () => {
    expect(dropStatusText(drop, at('2026-11-27T03:59:20.000Z'), 0)).toBe('距开抢 00:00:40');
    expect(dropStatusText(drop, at('2026-11-25T02:00:00Z'), 0)).toBe('11月27日 周五 12:00 开抢');
    expect(dropStatusText(drop, at('2026-11-27T05:00:00Z'), 0)).toBe('抢购中 · 明天 18:00 结束');
    expect(dropStatusText(drop, at('2026-11-28T10:00:00Z'), 0)).toBe('已结束');
  });
});
