import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentOrNextWindow, DEFAULT_DROP_SCHEDULE, dropPhase, msUntil, opensAtFor } from './drop-window';

const SH = DEFAULT_DROP_SCHEDULE;

describe('weekly drop window (Friday 12:00 – Saturday 18:00, Shanghai)', () => {
  it('finds the next window before it opens, and the open one while open', () => {
    const tuesday = new Date('2026-11-24T02:00:00Z');
    expect(currentOrNextWindow(SH, tuesday)).toEqual({
      opensAt: new Date('2026-11-27T04:00:00Z'), // Fri 12:00 +08:00
      closesAt: new Date('2026-11-28T10:00:00Z'), // Sat 18:00 +08:00
    });
    const saturdayNoon = new Date('2026-11-28T04:00:00Z');
    expect(currentOrNextWindow(SH, saturdayNoon).opensAt).toEqual(new Date('2026-11-27T04:00:00Z'));
    const saturdayEvening = new Date('2026-11-28T10:00:00Z'); // exactly 18:00: closed, next week's
    expect(currentOrNextWindow(SH, saturdayEvening).opensAt).toEqual(new Date('2026-12-04T04:00:00Z'));
  });

  it('opens at 12:00:00 sharp for everyone, 30 minutes earlier for gold', () => {
    const w = currentOrNextWindow(SH, new Date('2026-11-26T00:00:00Z'));
    const justBefore = new Date(w.opensAt.getTime() - 1);
    expect(dropPhase(w, justBefore, 'NORMAL')).toBe('UPCOMING');
    expect(dropPhase(w, w.opensAt, 'NORMAL')).toBe('OPEN');
    expect(dropPhase(w, justBefore, 'GOLD')).toBe('OPEN');
    expect(opensAtFor(w, 'GOLD')).toEqual(new Date(w.opensAt.getTime() - 30 * 60_000));
    expect(dropPhase(w, new Date(w.opensAt.getTime() - 31 * 60_000), 'GOLD')).toBe('UPCOMING');
    expect(dropPhase(w, w.closesAt, 'GOLD')).toBe('ENDED');
    expect(dropPhase(w, justBefore, null)).toBe('UPCOMING');
  });

  it('keeps the local wall time across daylight saving (New York in March)', () => {
    const ny = { ...SH, timeZone: 'America/New_York' };
    const before = currentOrNextWindow(ny, new Date('2027-03-01T00:00:00Z'));
    expect(before.opensAt).toEqual(new Date('2027-03-05T17:00:00Z')); // EST: 12:00 = 17:00Z
    const after = currentOrNextWindow(ny, new Date('2027-03-15T00:00:00Z'));
    expect(after.opensAt).toEqual(new Date('2027-03-19T16:00:00Z')); // EDT: 12:00 = 16:00Z
  });

  it('always returns a window that has not closed and lasts 30 hours in Shanghai', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2030, 0, 1) }), (t) => {
        const w = currentOrNextWindow(SH, new Date(t));
        expect(w.closesAt.getTime()).toBeGreaterThan(t);
        expect(w.closesAt.getTime() - w.opensAt.getTime()).toBe(30 * 3600_000);
        expect(w.opensAt.getTime() - t).toBeLessThanOrEqual(7 * 86_400_000);
      }),
    );
  });

  it('counts down by the server clock whatever the phone clock says', () => {
    const target = new Date('2026-11-27T04:00:00Z');
    const serverNow = target.getTime() - 10_000;
    const phoneNow = serverNow - 3 * 60_000; // phone 3 minutes slow
    expect(msUntil(target, phoneNow, serverNow - phoneNow)).toBe(10_000);
    expect(msUntil(target, phoneNow + 60_000, serverNow - phoneNow)).toBe(0);
  });
});
