// The share handlers of the drop page, compiled (dist/weapp) and run in miniprogram-simulate (host in
// sim-host.mjs): the card (onShareAppMessage) and 朋友圈 (onShareTimeline) both carry an approved promoter's
// referral token (rt=…) with the token's suggested title and picture; anyone else shares them without a token.
// The product page uses the same hook (components/share/use-referral-share.ts).
//
// Run: pnpm build:weapp && pnpm test:weapp
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dropView, simLogin } from './drop-fixture.mjs';
import { installHost, openPage, requests, waitFor } from './sim-host.mjs';

const TOKEN = 'Rt7Promoter';
const state = { promoter: true };

function view() {
  const opensAt = Date.now() + 3_600_000;
  return dropView({ opensAt, closesAt: opensAt + 3_600_000, serverTime: Date.now(), phase: 'UPCOMING' });
}

function answer(url, options) {
  const u = new URL(url, 'http://fixture.invalid');
  const method = options.method ?? 'GET';
  if (u.pathname === '/api/auth/wechat-login' && method === 'POST') {
    return { statusCode: 201, data: { accessToken: 'sim-token-share' } };
  }
  if (u.pathname === '/api/drops/7' && method === 'GET') return { statusCode: 200, data: view() };
  if (u.pathname === '/api/distribution/me' && method === 'GET') {
    return { statusCode: 200, data: { status: state.promoter ? 'APPROVED' : 'NONE' } };
  }
  if (u.pathname === '/api/distribution/share-tokens' && method === 'POST') {
    return {
      statusCode: 201,
      data: {
        token: TOKEN,
        targetType: 'DROP',
        targetId: 7,
        shareTitle: '我在抢：周五午间团购',
        imageUrl: '/static/products/1.svg',
        createdAt: new Date().toISOString(),
      },
    };
  }
  return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: 'no route' } };
}

describe('weapp share handlers (compiled, miniprogram-simulate)', () => {
  before(() => {
    installHost(answer, {
      login: simLogin,
    });
  });

  test('a promoter shares the card and 朋友圈 with their referral token', async () => {
    const { page, close } = openPage('packages/drop/pages/detail/index', { id: '7' });
    try {
      assert.equal(
        typeof page.onShareTimeline,
        'function',
        'the drop page has no onShareTimeline (enableShareTimeline)',
      );
      await waitFor(() => requests.some((r) => r.url.endsWith('/api/distribution/share-tokens')), 'the token');
      await waitFor(() => page.onShareAppMessage({ from: 'menu' })?.path.includes('rt='), 'the card to carry it');
      const card = page.onShareAppMessage({ from: 'menu' });
      assert.equal(card.path, `/packages/drop/pages/detail/index?id=7&rt=${TOKEN}`);
      assert.equal(card.title, '我在抢：周五午间团购');
      assert.match(card.imageUrl, /^https?:\/\/[^/]+\/static\/products\/1\.svg$/);

      const timeline = page.onShareTimeline();
      assert.equal(timeline.query, `id=7&rt=${TOKEN}`);
      assert.equal(timeline.title, card.title);
      assert.equal(timeline.imageUrl, card.imageUrl);
    } finally {
      close();
    }
  });

  test('anyone else shares both without a token, titled after the drop', async () => {
    state.promoter = false;
    const tokens = () => requests.filter((r) => r.url.endsWith('/api/distribution/share-tokens')).length;
    const before = tokens();
    const { page, close } = openPage('packages/drop/pages/detail/index', { id: '7' });
    try {
      await waitFor(() => page.onShareAppMessage({ from: 'menu' })?.title === '周五午间团购｜限量团购', 'the drop');
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(tokens(), before, 'a token was made for a non-promoter');
      const card = page.onShareAppMessage({ from: 'menu' });
      assert.equal(card.path, '/packages/drop/pages/detail/index?id=7');
      assert.match(card.imageUrl, /\/static\/products\/1\.svg$/);
      const timeline = page.onShareTimeline();
      assert.equal(timeline.query, 'id=7');
      assert.equal(timeline.title, '周五午间团购｜限量团购');
    } finally {
      close();
    }
  });
});
