import { describe, expect, it } from 'vitest';
import { SystemClock, TestClock } from './clock.service';

describe('SystemClock', () => {
  it('follows the real time when no start instant is configured', () => {
    const before = Date.now();
    const now = new SystemClock({ startAt: null }).now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('starts at TIDEPOOL_NOW and then runs at normal speed', async () => {
    const start = new Date('2026-11-25T02:00:00Z');
    const clock = new SystemClock({ startAt: start });
    const first = clock.now().getTime();
    expect(Math.abs(first - start.getTime())).toBeLessThan(50);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const elapsed = clock.now().getTime() - first;
    expect(elapsed).toBeGreaterThanOrEqual(25);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('TestClock', () => {
  it('moves only when told to', () => {
    const clock = new TestClock(new Date('2026-11-27T03:59:59Z'));
    expect(clock.now().toISOString()).toBe('2026-11-27T03:59:59.000Z');
    clock.advance(1000);
    expect(clock.now().toISOString()).toBe('2026-11-27T04:00:00.000Z');
  });
});
