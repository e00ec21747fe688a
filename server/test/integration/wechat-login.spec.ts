import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeWechat } from '../support/fake-wechat';
import { createTestApp, type TestApp } from '../support/test-app';
import { httpWechat } from '../support/wechat-http';

/** Login through the real HTTP gateway against the fake WeChat, with every log line captured at trace level. */
let fake: FakeWechat;
let t: TestApp;
const logs: string[] = [];
beforeAll(async () => {
  fake = await new FakeWechat().start();
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  t = await createTestApp({ ...httpWechat(fake), logLevel: 'trace' }, undefined, { logDestination: destination });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

const login = (code: string) => t.inject({ method: 'POST', url: '/api/auth/wechat-login', payload: { code } });
const SESSION_KEY = 'SeSsIoNkEy-must-never-be-logged==';

describe('POST /api/auth/wechat-login (HTTP gateway)', () => {
  it('logs in, and neither the session key nor the app secret reaches any log line or the response', async () => {
    fake.addLoginCode('wx-code-1', { openid: 'o-http-1', unionid: 'u-http-1', session_key: SESSION_KEY });
    const res = await login('wx-code-1');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(SESSION_KEY);
    const all = logs.join('');
    expect(all).toContain('member logged in');
    expect(all).toContain('/api/auth/wechat-login');
    expect(all).not.toContain(SESSION_KEY);
    expect(all).not.toContain(fake.secret);
  });

  it('answers a reused code with WECHAT_CODE_USED and an unknown one with WECHAT_CODE_INVALID', async () => {
    fake.addLoginCode('wx-code-2', { openid: 'o-http-2', session_key: SESSION_KEY });
    expect((await login('wx-code-2')).statusCode).toBe(200);
    const reused = await login('wx-code-2');
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toEqual({ code: 'WECHAT_CODE_USED', message: '微信登录凭证已使用，请重新登录' });
    expect((await login('wx-code-never')).json()).toMatchObject({ code: 'WECHAT_CODE_INVALID' });
  });

  it('answers 429 when WeChat rate-limits and 503 when WeChat fails', async () => {
    fake.addLoginCode('wx-code-3', { openid: 'o-http-3', session_key: SESSION_KEY });
    fake.failNext.jscode2session = [45011, -1];
    const limited = await login('wx-code-3');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.headers['retry-after']).toBe('60'); // WeChat names no time: a minute, its quota's window
    const down = await login('wx-code-3');
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(logs.join('')).not.toContain(SESSION_KEY);
  });
});
