import { describe, expect, it } from 'vitest';
import { formatCountdown, msUntil } from './countdown';

describe('payment countdown', () => {
  it('formats minutes and seconds, rounding up', () => {
    expect(formatCountdown(15 * 60_000)).toBe('15:00');
    expect(formatCountdown(15 * 60_000 - 1)).toBe('15:00');
    expect(formatCountdown(14 * 60_000 + 59_000)).toBe('14:59');
    expect(formatCountdown(61_000)).toBe('01:01');
    expect(formatCountdown(9_000)).toBe('00:09');
    expect(formatCountdown(1)).toBe('00:01');
  });

  it('shows 00:00 only when the time is up, and never a negative time', () => {
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(-5_000)).toBe('00:00');
  });

  it('names hours when the window is an hour or longer', () => {
    expect(formatCountdown(60 * 60_000)).toBe('1:00:00');
    expect(formatCountdown(2 * 3_600_000 + 3 * 60_000 + 4_000)).toBe('2:03:04');
  });

  it('counts on the server clock: the deadline minus server now', () => {
    const payBefore = '2026-11-25T02:15:00.000Z';
    const serverNow = Date.parse('2026-11-25T02:00:30.000Z');
    expect(msUntil(payBefore, serverNow)).toBe(14 * 60_000 + 30_000);
    expect(formatCountdown(msUntil(payBefore, serverNow) ?? -1)).toBe('14:30');
  });

  it('is 0 after the deadline and null without one', () => {
    expect(msUntil('2026-11-25T02:15:00.000Z', Date.parse('2026-11-25T02:16:00.000Z'))).toBe(0);
    expect(msUntil(null, 0)).toBeNull();
    expect(msUntil('not a date', 0)).toBeNull();
  });
});
