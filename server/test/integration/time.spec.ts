import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';

describe('GET /api/time', () => {
  let t: TestApp;
  const wednesday = new Date('2026-11-25T10:00:00+08:00');
  beforeAll(async () => {
    t = await createTestApp({ startAt: wednesday });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the clock started at TIDEPOOL_NOW, running forward from there', async () => {
    const first = await t.inject({ method: 'GET', url: '/api/time' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ timeZone: 'Asia/Shanghai' });
    const now = new Date(first.json<{ now: string }>().now).getTime();
    expect(now).toBeGreaterThanOrEqual(wednesday.getTime());
    expect(now - wednesday.getTime()).toBeLessThan(60_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const later = new Date((await t.inject({ method: 'GET', url: '/api/time' })).json<{ now: string }>().now);
    expect(later.getTime()).toBeGreaterThan(now);
  });
});
