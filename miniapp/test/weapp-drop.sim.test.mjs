// The drop page (packages/drop), compiled (dist/weapp) and run in miniprogram-simulate (host in sim-host.mjs): the
// countdown on the server's clock when the phone's is an hour behind, 提醒我 through wx.requestSubscribeMessage
// (only accepted templates are sent), and the page opening by itself when the countdown reaches zero.
//
// Run: pnpm build:weapp && pnpm test:weapp
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dropView, simLogin } from './drop-fixture.mjs';
import { byClass, installHost, nodeText, openPage, requests, tapText, waitFor } from './sim-host.mjs';

/** The server's clock runs an hour ahead of the phone's. */
const SKEW_MS = 3_600_000;
const TEMPLATE = 'tmpl-drop-open';
const serverNow = () => Date.now() + SKEW_MS;

const drop = { opensAt: 0, reminded: false, subscribeAnswer: 'accept', subscribeCalls: [], tapping: false };

/**
 * WeChat refuses requestSubscribeMessage outside a tap gesture: it must be called while the tap is handled (in the
 * tap's task; Taro hands the event to React through a microtask), not after a network round trip or a timer.
 */
function tapInside(comp, text) {
  drop.tapping = true;
  try {
    tapText(comp, text);
  } finally {
    setTimeout(() => {
      drop.tapping = false;
    }, 0);
  }
}

function view() {
  const now = serverNow();
  return dropView({
    opensAt: drop.opensAt,
    closesAt: drop.opensAt + 30 * 3_600_000,
    serverTime: now,
    phase: now >= drop.opensAt ? 'OPEN' : 'UPCOMING',
    earlyAccess: [{ tier: 'GOLD', tierName: '金卡', minutes: 30 }],
    reminded: drop.reminded,
  });
}

function answer(url, options) {
  const u = new URL(url, 'http://fixture.invalid');
  const method = options.method ?? 'GET';
  if (u.pathname === '/api/auth/wechat-login' && method === 'POST') {
    return { statusCode: 201, data: { accessToken: 'sim-token-drop' } };
  }
  if (u.pathname === '/api/drops/7' && method === 'GET') return { statusCode: 200, data: view() };
  if (u.pathname === '/api/drops/7/reminder' && method === 'POST') {
    drop.reminded = true;
    return { statusCode: 200, data: { reminded: true } };
  }
  return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: 'no route' } };
}

const text = (comp, className) => byClass(comp, className).map(nodeText).join('|');
const dropLoads = () => requests.filter((r) => r.method === 'GET' && r.url.endsWith('/api/drops/7')).length;

describe('weapp drop page (compiled, miniprogram-simulate)', () => {
  before(() => {
    installHost(answer, {
      login: simLogin,
      requestSubscribeMessage: (options) => {
        assert.ok(drop.tapping, 'requestSubscribeMessage was called outside the tap (after an await or a timer)');
        drop.subscribeCalls.push(options.tmplIds);
        setTimeout(() => {
          const res = { [TEMPLATE]: drop.subscribeAnswer, errMsg: 'requestSubscribeMessage:ok' };
          options.success?.(res);
          options.complete?.(res);
        }, 1);
      },
    });
  });

  test('counts down on the server clock, subscribes to the reminder, then opens by itself at zero', async () => {
    drop.opensAt = serverNow() + 2_500;
    const { comp, close } = openPage('packages/drop/pages/detail/index', { id: '7' });
    try {
      await waitFor(() => byClass(comp, 'drop-countdown').length > 0, 'the countdown');
      // An hour of skew: without the correction the page would say 01:00:0x.
      assert.match(text(comp, 'drop-countdown'), /^00:00:0[1-3]$/);
      assert.equal(text(comp, 'buy-button'), '即将开抢');
      assert.equal(text(comp, 'drop-price'), '¥59.00');
      assert.equal(text(comp, 'drop-item-left'), '剩余 7 件');
      assert.equal(text(comp, 'drop-early-access'), '金卡会员 ' + goldTime() + ' 优先购');

      tapInside(comp, '提醒我');
      await waitFor(() => text(comp, 'remind-button').startsWith('已设置提醒'), 'the reminder set');
      assert.deepEqual(drop.subscribeCalls, [[TEMPLATE]]);
      const remind = requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/drops/7/reminder'));
      assert.deepEqual(remind.data, { templateIds: [TEMPLATE] });
      assert.equal(remind.header.Authorization, 'Bearer sim-token-drop');

      const loadsBefore = dropLoads();
      await waitFor(() => text(comp, 'buy-button') === '立即抢购', 'the drop to open', 6_000);
      assert.ok(dropLoads() > loadsBefore, 'the drop was not read again at zero');
      assert.equal(byClass(comp, 'drop-countdown').length, 0);
      assert.match(text(comp, 'drop-open'), /^抢购中 · /);
    } finally {
      close();
    }
  });

  test('a refused subscribe message sets no reminder', async () => {
    drop.opensAt = serverNow() + 60_000;
    drop.reminded = false;
    drop.subscribeAnswer = 'reject';
    const posts = () => requests.filter((r) => r.method === 'POST' && r.url.endsWith('/reminder')).length;
    const before = posts();
    const { comp, close } = openPage('packages/drop/pages/detail/index', { id: '7' });
    try {
      await waitFor(() => byClass(comp, 'remind-button').length > 0, 'the reminder button');
      tapInside(comp, '提醒我');
      await waitFor(() => drop.subscribeCalls.length === 2, 'the subscribe prompt');
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(posts(), before, 'a reminder was posted without consent');
      assert.equal(text(comp, 'remind-button'), '提醒我');
    } finally {
      close();
    }
  });
});

/** The gold opening (30 minutes early) in Shanghai time, as the page says it. */
function goldTime() {
  const at = new Date(drop.opensAt - 30 * 60_000 + 8 * 3_600_000);
  return `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
}
