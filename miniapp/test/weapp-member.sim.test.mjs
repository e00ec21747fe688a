// The member center (我的) and the member code page, compiled (dist/weapp) and run in miniprogram-simulate
// (host in sim-host.mjs): the silent WeChat login, the bearer token, and what the member card shows.
//
// Run: pnpm build:weapp && pnpm test:weapp
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { attr, byClass, installHost, nodeText, openPage, requests, tapText, textOf, waitFor } from './sim-host.mjs';

// ---------------------------------------------------------------- fixtures
const SIGNED_UP = {
  signedUp: true,
  phoneMasked: '138****5678',
  birthday: '05-20',
  signedUpAt: '2026-10-01T02:00:00.000Z',
  signupStoreName: '上海徐汇店',
  tier: { code: 'SILVER', name: '银卡' },
  growth: 4200,
  nextTier: { code: 'GOLD', name: '金卡', minGrowth: 6000 },
  growthToNextTier: 1800,
  tierProgressPermille: 400,
  points: 356,
  couponCount: 2,
  memberDay: { today: true, hint: '今天是会员日：满68元立减8元' },
};
const NOT_SIGNED_UP = {
  ...SIGNED_UP,
  signedUp: false,
  phoneMasked: null,
  birthday: null,
  signedUpAt: null,
  signupStoreName: null,
  tier: { code: 'NORMAL', name: '普卡' },
  growth: 0,
  nextTier: { code: 'SILVER', name: '银卡', minGrowth: 3000 },
  growthToNextTier: 3000,
  tierProgressPermille: 0,
  points: 0,
  couponCount: 0,
  memberDay: { today: false, hint: null },
};
// RFC 6238's test key; the handle is what the server would issue.
const CREDENTIAL = { handle: '1234567890', secret: '3132333435363738393031323334353637383930', stepSeconds: 30 };

const server = { member: SIGNED_UP, meDown: false, logins: 0 };

function answer(url, options) {
  const u = new URL(url, 'http://fixture.invalid');
  const method = options.method ?? 'GET';
  if (u.pathname === '/api/auth/wechat-login' && method === 'POST') {
    server.logins++;
    return { statusCode: 201, data: { accessToken: `sim-token-${server.logins}` } };
  }
  const auth = options.header?.Authorization ?? '';
  if (u.pathname.startsWith('/api/members/') && !auth.startsWith('Bearer sim-token-')) {
    return { statusCode: 401, data: { code: 'UNAUTHENTICATED', message: 'no token' } };
  }
  if (u.pathname === '/api/members/me' && method === 'GET') {
    return server.meDown
      ? { statusCode: 503, data: { code: 'DATABASE_UNAVAILABLE', message: 'db down (raw server text)' } }
      : { statusCode: 200, data: server.member };
  }
  if (u.pathname === '/api/members/me/code-credential' && method === 'POST') {
    return { statusCode: 201, data: { ...CREDENTIAL, serverTime: new Date().toISOString() } };
  }
  return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: 'no route' } };
}

const text = (comp, className) => byClass(comp, className).map(nodeText).join('|');

// ---------------------------------------------------------------- tests
describe('weapp member center (compiled, miniprogram-simulate)', () => {
  before(() => {
    // wx.login answers the code the server exchanges for a token (the dev gateway does the same with dev-*).
    installHost(answer, {
      login: (options) => {
        setTimeout(() => {
          const res = { code: 'sim-login-code', errMsg: 'login:ok' };
          options.success?.(res);
          options.complete?.(res);
        }, 1);
      },
    });
  });

  test('logs in silently and shows tier, growth progress, points, coupons and the member-day hint', async () => {
    const { comp, close } = openPage('pages/mine/index');
    try {
      await waitFor(() => byClass(comp, 'tier-name').length > 0, 'the member card');
      assert.equal(text(comp, 'tier-name'), '银卡');
      assert.equal(text(comp, 'stat-points'), '356');
      assert.equal(text(comp, 'stat-growth'), '4200');
      assert.equal(text(comp, 'stat-coupons'), '2');
      assert.ok(text(comp, 'member-card__tip').includes('138****5678'), 'masked phone not shown');

      // The progress bar to the next tier: 400‰ → 40% wide, and what is still needed.
      const [fill] = byClass(comp, 'tier-progress__fill');
      assert.ok(fill, 'no progress bar');
      assert.match(String(attr(fill, 'style')), /width:\s*40%/);
      assert.equal(text(comp, 'tier-progress__text'), '再获得 1800 成长值升级金卡');

      assert.equal(text(comp, 'member-day-hint'), '今天是会员日：满68元立减8元');
      assert.ok(textOf(comp).includes('周三会员日'));
      for (const entry of ['会员码', '我的券', '个人信息与隐私', '门店模式']) {
        assert.ok(text(comp, 'mine-entry__title').includes(entry), `entry ${entry} missing`);
      }
      assert.ok(text(comp, 'mine-entry__hint').includes('2 张可用'));

      const login = requests.find((r) => r.url.endsWith('/api/auth/wechat-login'));
      assert.deepEqual(login.data, { code: 'sim-login-code' });
      const me = requests.find((r) => r.url.endsWith('/api/members/me'));
      assert.equal(me.header.Authorization, 'Bearer sim-token-1');
    } finally {
      close();
    }
  });

  test('not signed up: 成为会员, no numbers, no member-day banner', async () => {
    server.member = NOT_SIGNED_UP;
    const { comp, close } = openPage('pages/mine/index');
    try {
      await waitFor(() => byClass(comp, 'signup-button').length > 0, 'the signup button');
      assert.equal(text(comp, 'signup-button'), '成为会员');
      assert.equal(text(comp, 'stat-points'), '--');
      assert.equal(byClass(comp, 'tier-progress__fill').length, 0);
      assert.equal(byClass(comp, 'member-day-hint').length, 0);
      assert.ok(textOf(comp).includes('成为会员，送免费购物袋'));
      // Still the one login from the first test: the token is kept.
      assert.equal(server.logins, 1);
    } finally {
      server.member = SIGNED_UP;
      close();
    }
  });

  test('error: the Chinese message for the code, then 重试 shows the card', async () => {
    server.meDown = true;
    const { comp, close } = openPage('pages/mine/index');
    try {
      await waitFor(() => textOf(comp).includes('重试'), 'the error state');
      assert.ok(textOf(comp).includes('服务繁忙，请稍后再试'));
      assert.ok(!textOf(comp).includes('raw server text'));
      server.meDown = false;
      tapText(comp, '重试');
      await waitFor(() => text(comp, 'tier-name') === '银卡', 'the card after retry');
    } finally {
      server.meDown = false;
      close();
    }
  });

  test('会员码 (subpackage): fetches the credential and draws the masked code, barcode and QR', async () => {
    const { comp, close } = openPage('packages/member/pages/code/index');
    try {
      await waitFor(() => byClass(comp, 'member-code-digits').length > 0, 'the member code');
      assert.match(text(comp, 'member-code-digits'), /^1234 \*{4} \*{4} \*{4} \*{2}$/);
      const images = byClass(comp, 'code-barcode').concat(byClass(comp, 'code-qr'));
      assert.equal(images.length, 2);
      for (const image of images) assert.match(String(attr(image, 'src')), /^data:image\/svg\+xml;base64,/);
      assert.match(text(comp, 'code-countdown'), /^\d{1,2} 秒后自动刷新$/);
      tapText(comp, '查看数字');
      await waitFor(() => /^1234 5678 90\d\d \d{4} \d\d$/.test(text(comp, 'member-code-digits')), 'revealed digits');
      const credentialCall = requests.find((r) => r.url.endsWith('/api/members/me/code-credential'));
      assert.equal(credentialCall.method, 'POST');
    } finally {
      close();
    }
  });
});
