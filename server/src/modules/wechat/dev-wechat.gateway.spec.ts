import { describe, expect, it } from 'vitest';
import { DevWechatGateway } from './dev-wechat.gateway';

describe('DevWechatGateway', () => {
  const gateway = new DevWechatGateway();

  it('gives the same openid for the same dev-<anything>, a different one otherwise', async () => {
    const a = await gateway.code2Session('dev-alice');
    const again = await gateway.code2Session('dev-alice');
    const b = await gateway.code2Session('dev-bob');
    expect(a.openid).toMatch(/^dev_[0-9a-f]{24}$/);
    expect(again.openid).toBe(a.openid);
    expect(b.openid).not.toBe(a.openid);
    expect(again.sessionKey).not.toBe(a.sessionKey);
  });

  it.each(['alice', 'dev-', '', 'wx-dev-alice'])('refuses the code %j like WeChat refuses a bad one', async (code) => {
    await expect(gateway.code2Session(code)).rejects.toMatchObject({ code: 'WECHAT_CODE_INVALID' });
  });

  it('shares the phone number named by dev-phone-<11 digits>', async () => {
    await expect(gateway.getPhoneNumber('dev-phone-13800138000')).resolves.toEqual({
      phoneNumber: '13800138000',
      purePhoneNumber: '13800138000',
      countryCode: '86',
    });
    await expect(gateway.getPhoneNumber('dev-phone-123')).rejects.toMatchObject({ code: 'WECHAT_CODE_INVALID' });
  });
});
