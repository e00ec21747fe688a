import { describe, expect, it } from 'vitest';
import { TestClock } from '../../common/clock/clock.service';
import { DEV_SUBSCRIBE_MESSAGES_KEPT, DevWechatGateway } from './dev-wechat.gateway';
import { WechatApiError, WechatGatewayError } from './wechat.errors';

describe('DevWechatGateway', () => {
  const gateway = new DevWechatGateway(new TestClock(new Date('2026-11-25T12:00:00Z')));

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

  describe('sendSubscribeMessage', () => {
    const message = (n: number, toOpenId = 'dev_a') => ({
      toOpenId,
      templateId: 'tpl-drop',
      page: `packages/drops/pages/detail/index?id=${n}`,
      data: { thing1: `新品 ${n}`, time2: '2026-11-25 20:00' },
    });

    it('records each message with the clock time, newest first', async () => {
      const clock = new TestClock(new Date('2026-11-25T12:00:00Z'));
      const dev = new DevWechatGateway(clock);
      await dev.sendSubscribeMessage(message(1));
      clock.set(new Date('2026-11-25T12:00:05Z'));
      await dev.sendSubscribeMessage({ ...message(2, 'dev_b'), miniprogramState: 'trial' });
      const sent = dev.sentSubscribeMessages();
      expect(sent).toEqual([
        { ...message(2, 'dev_b'), miniprogramState: 'trial', seq: 2, sentAt: new Date('2026-11-25T12:00:05Z') },
        { ...message(1), seq: 1, sentAt: new Date('2026-11-25T12:00:00Z') },
      ]);
    });

    it('keeps a copy: changing the message or the listing afterwards does not change the record', async () => {
      const dev = new DevWechatGateway(new TestClock(new Date('2026-11-25T12:00:00Z')));
      const m = message(1);
      await dev.sendSubscribeMessage(m);
      m.data.thing1 = 'changed';
      dev.sentSubscribeMessages()[0].data.thing1 = 'changed too';
      expect(dev.sentSubscribeMessages()[0].data.thing1).toBe('新品 1');
    });

    it(`keeps only the last ${DEV_SUBSCRIBE_MESSAGES_KEPT}`, async () => {
      const dev = new DevWechatGateway(new TestClock(new Date('2026-11-25T12:00:00Z')));
      for (let n = 1; n <= DEV_SUBSCRIBE_MESSAGES_KEPT + 7; n++) await dev.sendSubscribeMessage(message(n));
      const sent = dev.sentSubscribeMessages();
      expect(sent).toHaveLength(DEV_SUBSCRIBE_MESSAGES_KEPT);
      expect(sent[0].seq).toBe(DEV_SUBSCRIBE_MESSAGES_KEPT + 7);
      expect(sent.at(-1)!.seq).toBe(8);
      expect(sent.at(-1)!.data.thing1).toBe('新品 8');
    });

    it.each([
      [{ toOpenId: '' }, 40003],
      [{ templateId: '' }, 40037],
      [{ data: { thing1: '新品', time2: '' } }, 47003],
    ])('refuses %j with errcode %i like WeChat, recording nothing', async (change, errcode) => {
      const dev = new DevWechatGateway(new TestClock(new Date('2026-11-25T12:00:00Z')));
      const error = await dev.sendSubscribeMessage({ ...message(1), ...change }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WechatApiError);
      expect(error).toBeInstanceOf(WechatGatewayError);
      expect(error).toMatchObject({ errcode, retryable: false, code: 'SERVICE_UNAVAILABLE' });
      expect(dev.sentSubscribeMessages()).toEqual([]);
    });
  });
});
