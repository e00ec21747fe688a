import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  const { subscribeTemplates, drops } = loadConfig({
    WECHAT_DROP_REMINDER_TEMPLATE_ID: 'tmplDrop1',
    WECHAT_ORDER_SHIPPED_TEMPLATE_ID: 'tmplShip2',
  });
  t = await createTestApp({
    subscribeTemplates,
    drops: { ...drops, reminderTemplateId: subscribeTemplates.dropReminder },
  });
});
afterAll(() => t.close());

describe('GET /api/wechat/subscribe-templates', () => {
  it("answers anyone with this deployment's template ids", async () => {
    const res = await t.inject({ method: 'GET', url: '/api/wechat/subscribe-templates' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      dropReminder: 'tmplDrop1',
      orderShipped: 'tmplShip2',
      refundResult: 'dev-refund-result',
      couponExpiring: 'dev-coupon-expiring',
    });
  });
});
