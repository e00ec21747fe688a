import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_MESSAGE_RULES, inQuietHours, messageRulesProblems, nextSendableAt } from './message-rules';

const ZONE = 'Asia/Shanghai';
/** A Shanghai wall time as a UTC instant (UTC+8, no daylight saving). */
const sh = (iso: string) => new Date(`${iso}+08:00`);

describe('message rules: quiet hours', () => {
  it('are 21:00 inclusive to 09:00 exclusive in the brand zone', () => {
    expect(inQuietHours(sh('2026-12-03T20:59:00'), ZONE)).toBe(false);
    expect(inQuietHours(sh('2026-12-03T21:00:00'), ZONE)).toBe(true);
    expect(inQuietHours(sh('2026-12-04T03:00:00'), ZONE)).toBe(true);
    expect(inQuietHours(sh('2026-12-04T08:59:00'), ZONE)).toBe(true);
    expect(inQuietHours(sh('2026-12-04T09:00:00'), ZONE)).toBe(false);
  });

  it('defers to 09:00 the next morning in the evening and the same morning after midnight', () => {
    expect(nextSendableAt(sh('2026-12-03T22:30:00'), ZONE)).toEqual(sh('2026-12-04T09:00:00'));
    expect(nextSendableAt(sh('2026-12-31T21:00:00'), ZONE)).toEqual(sh('2027-01-01T09:00:00'));
    expect(nextSendableAt(sh('2026-12-04T06:10:00'), ZONE)).toEqual(sh('2026-12-04T09:00:00'));
    const noon = sh('2026-12-04T12:00:00');
    expect(nextSendableAt(noon, ZONE)).toBe(noon);
  });

  it('handles quiet hours within one day and none at all', () => {
    const lunch = { ...DEFAULT_MESSAGE_RULES, quietStartMinute: 12 * 60, quietEndMinute: 13 * 60 + 30 };
    expect(nextSendableAt(sh('2026-12-04T12:15:00'), ZONE, lunch)).toEqual(sh('2026-12-04T13:30:00'));
    expect(inQuietHours(sh('2026-12-04T22:00:00'), ZONE, lunch)).toBe(false);
    const never = { ...DEFAULT_MESSAGE_RULES, quietStartMinute: 0, quietEndMinute: 0 };
    expect(inQuietHours(sh('2026-12-04T03:00:00'), ZONE, never)).toBe(false);
  });

  it('always answers a sendable instant no earlier than now and within a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), (ms) => {
        const now = new Date(ms);
        const at = nextSendableAt(now, ZONE);
        expect(at.getTime()).toBeGreaterThanOrEqual(now.getTime());
        expect(at.getTime() - now.getTime()).toBeLessThanOrEqual(12 * 3_600_000);
        expect(inQuietHours(at, ZONE)).toBe(false);
      }),
    );
  });

  it('names the bad field', () => {
    expect(messageRulesProblems(DEFAULT_MESSAGE_RULES)).toEqual([]);
    expect(messageRulesProblems({ ...DEFAULT_MESSAGE_RULES, weeklyCap: -1 })[0]).toContain('weeklyCap');
  });
});
