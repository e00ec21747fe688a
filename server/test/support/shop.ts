import type { CreateAppOptions } from '../../src/app.factory';
import type { TestClock } from '../../src/common/clock/clock.service';
import { type AppConfig, DEV_AUTH_TOKEN_SECRET } from '../../src/config/env';
import { type Actor, staffLogin } from './actors';
import { createTestApp, type TestApp, type TestDatabase } from './test-app';
import { notifyInProcess, simWechatPay } from './wechatpay';

/** Tokens that outlive the months a spec moves the clock through. */
export const LONG_LIVED_TOKENS: AppConfig['auth'] = {
  tokenSecret: DEV_AUTH_TOKEN_SECRET,
  tokenTtlSeconds: 365 * 86_400,
};

/**
 * The shop as the order flows need it: the app on a fresh database with the WeChat Pay simulator delivering its
 * notifications in-process, and the demo operator logged in.
 */
export async function bootShop(
  clock: TestClock,
  overrides: Partial<AppConfig> = {},
  options: CreateAppOptions = {},
): Promise<{ t: TestApp & { db: TestDatabase }; operator: Actor }> {
  const t = await createTestApp({ ...simWechatPay(), ...overrides }, undefined, { ...options, clock });
  notifyInProcess(t);
  return { t, operator: await staffLogin(t, 'operator') };
}
