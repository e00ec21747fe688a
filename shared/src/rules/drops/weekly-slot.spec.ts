import { describe, expect, it } from 'vitest';
import {
  dropStateAt,
  earlyAccessChoiceOf,
  earlyAccessOf,
  invalidWeeklySlot,
  scheduleOfSlot,
  upcomingWindows,
} from './weekly-slot';

const FRIDAY_NOON_2H = { weekday: 5, startMinute: 12 * 60, durationMinutes: 120 };

describe('weekly slot (every Friday 12:00 for 2 hours)', () => {
  it('lists the next openings in the brand zone, skipping a window already open', () => {
    const schedule = scheduleOfSlot(FRIDAY_NOON_2H, 'Asia/Shanghai');
    const tuesday = new Date('2026-11-24T02:00:00Z');
    const windows = upcomingWindows(schedule, tuesday, 3);
    expect(windows.map((w) => w.opensAt.toISOString())).toEqual([
      '2026-11-27T04:00:00.000Z',
      '2026-12-04T04:00:00.000Z',
      '2026-12-11T04:00:00.000Z',
    ]);
    expect(windows[0].closesAt.toISOString()).toBe('2026-11-27T06:00:00.000Z');
    const fridayOneOClock = new Date('2026-11-27T05:00:00Z');
    expect(upcomingWindows(schedule, fridayOneOClock, 1)[0].opensAt.toISOString()).toBe('2026-12-04T04:00:00.000Z');
  });

  it('skips a window whose priority purchase has begun', () => {
    const schedule = scheduleOfSlot(FRIDAY_NOON_2H, 'Asia/Shanghai');
    const at1145 = new Date('2026-11-27T03:45:00Z');
    expect(upcomingWindows(schedule, at1145, 1)[0].opensAt.toISOString()).toBe('2026-11-27T04:00:00.000Z');
    expect(upcomingWindows(schedule, at1145, 1, { GOLD: 30 })[0].opensAt.toISOString()).toBe(
      '2026-12-04T04:00:00.000Z',
    );
  });

  it('closes on a later weekday when the duration crosses midnight', () => {
    expect(scheduleOfSlot({ weekday: 6, startMinute: 22 * 60, durationMinutes: 180 }, 'Asia/Shanghai')).toMatchObject({
      opensWeekday: 6,
      closesWeekday: 0,
      closesAtMinute: 60,
    });
  });

  it('names the bad field', () => {
    expect(invalidWeeklySlot({ ...FRIDAY_NOON_2H, weekday: 7 })?.field).toBe('weekday');
    expect(invalidWeeklySlot({ ...FRIDAY_NOON_2H, startMinute: 1440 })?.field).toBe('startMinute');
    expect(invalidWeeklySlot({ ...FRIDAY_NOON_2H, durationMinutes: 0 })?.field).toBe('durationMinutes');
    expect(invalidWeeklySlot(FRIDAY_NOON_2H)).toBeNull();
  });
});

describe('early access choice', () => {
  it('round-trips', () => {
    expect(earlyAccessOf('NONE', 30)).toEqual({});
    expect(earlyAccessOf('SILVER_UP', 15)).toEqual({ SILVER: 15, GOLD: 15 });
    expect(earlyAccessOf('GOLD_ONLY', 30)).toEqual({ GOLD: 30 });
    expect(earlyAccessChoiceOf({ GOLD: 30 })).toEqual({ choice: 'GOLD_ONLY', minutes: 30 });
    expect(earlyAccessChoiceOf({})).toEqual({ choice: 'NONE', minutes: 0 });
  });
});

describe('drop state', () => {
  const drop = {
    cancelled: false,
    opensAt: new Date('2026-11-27T04:00:00Z'),
    closesAt: new Date('2026-11-27T06:00:00Z'),
    earlyAccess: { GOLD: 30 },
  };
  it('is open from the earliest tier opening until the close', () => {
    expect(dropStateAt(drop, new Date('2026-11-27T03:29:59Z'))).toBe('UPCOMING');
    expect(dropStateAt(drop, new Date('2026-11-27T03:30:00Z'))).toBe('OPEN');
    expect(dropStateAt(drop, new Date('2026-11-27T06:00:00Z'))).toBe('ENDED');
    expect(dropStateAt({ ...drop, cancelled: true }, new Date('2026-11-27T03:00:00Z'))).toBe('CANCELLED');
  });
});
