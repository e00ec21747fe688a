import type { AppConfig } from '../../src/config/env';
import type { FakeWechat } from './fake-wechat';

/** Config overrides pointing the app's HTTP WeChat gateway at a fake WeChat. */
export function httpWechat(fake: FakeWechat, apiBase = fake.url): Partial<AppConfig> {
  return { wechat: { gateway: 'http', apiBase, appId: fake.appId, secret: fake.secret } };
}
