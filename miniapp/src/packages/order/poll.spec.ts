import { describe, expect, it } from 'vitest';
import { pollUntil } from './poll';

/** A fake clock: sleeping moves time forward at once. */
function fakeClock() {
  let time = 0;
  const sleeps: number[] = [];
  return {
    now: () => time,
    sleep: (ms: number) => {
      sleeps.push(ms);
      time += ms;
      return Promise.resolve();
    },
    sleeps,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

describe('pollUntil (waiting for the payment notification)', () => {
  it('stops as soon as the order is paid', async () => {
    const clock = fakeClock();
    const states = ['PENDING_PAYMENT', 'PENDING_PAYMENT', 'PAID', 'PAID'];
    let loads = 0;
    const result = await pollUntil(
      () => Promise.resolve(states[loads++]),
      (s) => s === 'PAID',
      { ...clock },
    );
    expect(result).toEqual({ done: true, value: 'PAID', error: null });
    expect(loads).toBe(3);
    expect(clock.sleeps).toEqual([1000, 1000]);
  });

  it('gives up after the timeout with the last value', async () => {
    const clock = fakeClock();
    let loads = 0;
    const result = await pollUntil(
      () => {
        loads++;
        return Promise.resolve('PENDING_PAYMENT');
      },
      (s) => s === 'PAID',
      { ...clock, intervalMs: 1000, timeoutMs: 15_000 },
    );
    expect(result.done).toBe(false);
    expect(result.value).toBe('PENDING_PAYMENT');
    // Loads at 0, 1 s, … 15 s: never sleeps past the timeout.
    expect(loads).toBe(16);
    expect(clock.now()).toBe(15_000);
  });

  it('keeps polling through a failed load and reports the last error only if it was last', async () => {
    const clock = fakeClock();
    const answers: (string | Error)[] = [new Error('offline'), 'PENDING_PAYMENT', 'PAID'];
    const result = await pollUntil(
      () => {
        const next = answers.shift();
        return next instanceof Error ? Promise.reject(next) : Promise.resolve(next ?? '');
      },
      (s) => s === 'PAID',
      { ...clock },
    );
    expect(result).toEqual({ done: true, value: 'PAID', error: null });

    const failing = await pollUntil(
      () => Promise.reject(new Error('offline')),
      () => true,
      { ...fakeClock(), timeoutMs: 3000 },
    );
    expect(failing.done).toBe(false);
    expect(failing.value).toBeNull();
    expect(failing.error).toBeInstanceOf(Error);
  });

  it('stops when the page is left', async () => {
    const clock = fakeClock();
    let loads = 0;
    let left = false;
    const result = await pollUntil(
      () => {
        loads++;
        if (loads === 2) left = true;
        return Promise.resolve('PENDING_PAYMENT');
      },
      (s) => s === 'PAID',
      { ...clock, cancelled: () => left },
    );
    expect(result.done).toBe(false);
    expect(loads).toBe(2);
  });
});
