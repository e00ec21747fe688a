import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, memberLogin } from '../support/actors';
import { createTestApp, type TestApp } from '../support/test-app';

// Limits that hold before any module sees a request: the JSON body's depth and size, and which proxy headers are
// believed when the staff-login limiter keys on the client's address.

const logs: string[] = [];
let t: TestApp;
let member: Actor;
beforeAll(async () => {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString());
      callback();
    },
  });
  t = await createTestApp({ logLevel: 'info' }, undefined, { logDestination: destination });
  member = await memberLogin(t, 'deep-body');
});
afterAll(() => t.close());

/** `{"a":[{"a":[…1…]}]}`: objects and arrays by turns, `depth` levels (2,000 levels is about 8 KB). */
function nested(depth: number): string {
  const pairs = depth / 2;
  return '{"a":['.repeat(pairs) + '1' + ']}'.repeat(pairs);
}

describe('JSON body depth and size', () => {
  it('answers 400 BODY_TOO_DEEP for an 8 KB body nested 2,000 deep, on a public and on a member route', async () => {
    const body = nested(2000);
    expect(body.length).toBeGreaterThan(7900);
    expect(body.length).toBeLessThan(8100);
    const before = logs.length;
    const responses = [
      await t.inject({
        method: 'POST',
        url: '/api/auth/staff-login',
        headers: { 'content-type': 'application/json' },
        payload: body,
      }),
      await t.inject({
        method: 'POST',
        url: '/api/cart/items',
        headers: { ...member.headers, 'content-type': 'application/json' },
        payload: body,
      }),
    ];
    for (const res of responses) {
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ code: 'BODY_TOO_DEEP', message: '请求内容嵌套层级过深' });
    }
    // One short warning per refusal (beside Fastify's request lines), never the body or a stack trace.
    const written = logs.slice(before).join('');
    expect(written).not.toContain('RangeError');
    expect(written).not.toContain('{"a":[{"a":[');
    expect(written.match(/JSON body too deep/g)).toHaveLength(2);
    for (const line of written.split('\n')) expect(line.length).toBeLessThan(400);
  });

  it('counts depth over arrays too, and ignores brackets inside strings', async () => {
    const deepArray = '['.repeat(65) + ']'.repeat(65);
    const res = await t.inject({
      method: 'POST',
      url: '/api/auth/wechat-login',
      headers: { 'content-type': 'application/json' },
      payload: deepArray,
    });
    expect(res.json()).toMatchObject({ code: 'BODY_TOO_DEEP' });
    // 64 levels of containers is allowed; brackets and escaped quotes inside a string are not levels.
    const code = `x-${'{['.repeat(40)}\\"${'['.repeat(40)}`;
    const inString = await t.inject({
      method: 'POST',
      url: '/api/auth/wechat-login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ code: code.slice(0, 128) }),
    });
    expect(inString.json()).toMatchObject({ code: 'WECHAT_CODE_INVALID' });
    const atLimit = await t.inject({
      method: 'POST',
      url: '/api/auth/wechat-login',
      headers: { 'content-type': 'application/json' },
      payload: '['.repeat(64) + ']'.repeat(64),
    });
    expect(atLimit.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('still answers ordinary bodies, and malformed JSON as before', async () => {
    const ok = await t.inject({ method: 'POST', url: '/api/auth/wechat-login', payload: { code: 'dev-deep-body' } });
    expect(ok.statusCode).toBe(200);
    const malformed = await t.inject({
      method: 'POST',
      url: '/api/auth/wechat-login',
      headers: { 'content-type': 'application/json' },
      payload: '{"code":',
    });
    expect(malformed.json()).toMatchObject({ code: 'MALFORMED_JSON' });
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a JSON body over the size limit', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/auth/wechat-login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ code: 'x'.repeat(300 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('proxy headers and the staff-login limit', () => {
  const guess = (app: TestApp, password: string, forwardedFor: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/staff-login',
      payload: { username: 'cashier.sh001', password },
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('ignores X-Forwarded-For by default: 30 forged addresses share one budget', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 30; i++) answers.push((await guess(t, `wrong-${i}`, `203.0.113.${i + 1}`)).statusCode);
    expect(answers).toEqual([...Array<number>(5).fill(401), ...Array<number>(25).fill(429)]);
    // The right password from yet another forged address is refused too: the client is 127.0.0.1, locked out.
    const right = await guess(t, 'tidepool123', '198.51.100.7');
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(14 * 60);
  });

  it('believes X-Forwarded-For from a proxy listed in TRUSTED_PROXIES', async () => {
    const behindProxy = await createTestApp({ trustedProxies: ['127.0.0.0/8'] });
    try {
      for (let i = 0; i < 5; i++) expect((await guess(behindProxy, `wrong-${i}`, '203.0.113.1')).statusCode).toBe(401);
      expect((await guess(behindProxy, 'tidepool123', '203.0.113.1')).statusCode).toBe(429);
      // Another client behind the same proxy has its own budget.
      expect((await guess(behindProxy, 'tidepool123', '203.0.113.2')).statusCode).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });
});
