// WeChat's privacy authorization, compiled (dist/weapp) and run in miniprogram-simulate (host in sim-host.mjs).
// The stubbed `wx` does what the base library (≥ 2.32.3) does on a phone: a privacy API called before the member
// agreed to the privacy guide is HELD and `onNeedPrivacyAuthorization`'s listener is called with a resolve;
// resolve({ event: 'agree', buttonId }) lets the held call go on — only if that agreePrivacyAuthorization button
// was really pressed — and resolve({ event: 'disagree' }) fails it with "privacy permission is not authorized".
// The page is the member privacy page (我的 → 隐私与数据), whose 复制全部 copies the export to the clipboard.
//
// Run: pnpm build:weapp && pnpm test:weapp
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { attr, byClass, installHost, nodeText, openPage, tapText, waitFor } from './sim-host.mjs';

const CONTRACT = '《潮汐会员商城隐私保护指引》';
const EXPORT = {
  exportedAt: '2026-11-30T02:00:00.000Z',
  member: {
    phone: '13812345678',
    birthday: '05-20',
    consentVersion: '2026-10',
    consentedAt: '2026-10-01T02:00:00.000Z',
    signedUpAt: '2026-10-01T02:00:00.000Z',
    signupStoreName: '上海徐汇店',
    createdAt: '2026-10-01T02:00:00.000Z',
    lastLoginAt: '2026-11-30T01:00:00.000Z',
  },
  vouchers: [],
};
const MEMBER = {
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
  memberDay: { today: false, hint: null },
};

/** What WeChat knows: whether the member agreed, the listener, the agree buttons pressed, every answer. */
const wechat = { agreed: false, listener: null, pressed: new Set(), answers: [], clipboard: null, toasts: [] };

function answer(url, options) {
  const u = new URL(url, 'http://fixture.invalid');
  const method = options.method ?? 'GET';
  if (u.pathname === '/api/auth/wechat-login' && method === 'POST') {
    return { statusCode: 201, data: { accessToken: 'sim-token-privacy' } };
  }
  if (u.pathname === '/api/members/me' && method === 'GET') return { statusCode: 200, data: MEMBER };
  if (u.pathname === '/api/members/me/export' && method === 'GET') return { statusCode: 200, data: EXPORT };
  return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: 'no route' } };
}

const later = (fn) => setTimeout(fn, 1);

/** A privacy API as the base library runs it: held until the member answers the app's privacy sheet. */
function privacyApi(name, effect) {
  return (options = {}) => {
    const succeed = () =>
      later(() => {
        effect(options);
        const res = { errMsg: `${name}:ok` };
        options.success?.(res);
        options.complete?.(res);
      });
    const fail = (errMsg) =>
      later(() => {
        const res = { errMsg, errno: 104 };
        options.fail?.(res);
        options.complete?.(res);
      });
    if (wechat.agreed) return succeed();
    assert.ok(wechat.listener, 'a privacy API was called but the app registered no onNeedPrivacyAuthorization');
    let settled = false;
    const resolve = (a) => {
      wechat.answers.push({ api: name, ...a });
      if (settled || a.event === 'exposureAuthorization') return;
      settled = true;
      if (a.event === 'agree' && wechat.pressed.has(a.buttonId)) {
        wechat.agreed = true;
        succeed();
      } else if (a.event === 'agree') {
        fail(`${name}:fail agree button ${a.buttonId} was not pressed`);
      } else {
        fail(`${name}:fail privacy permission is not authorized`);
      }
    };
    wechat.listener(resolve, { referrer: name });
  };
}

/** Presses the sheet's agreePrivacyAuthorization button as the member would (WeChat then emits the event). */
function pressAgree(comp) {
  const [button] = byClass(comp, 'privacy-agree');
  assert.ok(button, 'no 同意 button');
  assert.equal(attr(button, 'openType'), 'agreePrivacyAuthorization');
  const id = attr(button, 'id');
  wechat.pressed.add(id);
  comp.querySelector(`#${id}`).dispatchEvent('agreeprivacyauthorization');
}

/** Taps the first element with this class (导出我的数据 is also the panel's title, so not by text). */
function tapClass(comp, className) {
  const [node] = byClass(comp, className);
  assert.ok(node, `no .${className}`);
  comp.querySelector(`#${attr(node, 'id')}`).dispatchEvent('tap');
}

async function exportAndCopy(comp) {
  await waitFor(() => byClass(comp, 'export-button').length > 0, 'the privacy page');
  tapClass(comp, 'export-button');
  await waitFor(() => comp.dom.textContent.includes('复制全部'), 'the export');
  tapText(comp, '复制全部');
  await waitFor(() => byClass(comp, 'privacy-sheet').length > 0, 'the privacy sheet');
}

describe('weapp privacy authorization (compiled, miniprogram-simulate)', () => {
  before(() => {
    installHost(answer, {
      login: (options) =>
        later(() => {
          const res = { code: 'sim-login-code', errMsg: 'login:ok' };
          options.success?.(res);
          options.complete?.(res);
        }),
      onNeedPrivacyAuthorization: (listener) => {
        assert.equal(wechat.listener, null, 'onNeedPrivacyAuthorization registered twice');
        wechat.listener = listener;
      },
      getPrivacySetting: (options) =>
        later(() => options.success?.({ needAuthorization: true, privacyContractName: CONTRACT, errMsg: 'ok' })),
      showToast: (options) => {
        wechat.toasts.push(options.title);
        later(() => options.success?.({ errMsg: 'showToast:ok' }));
      },
      setClipboardData: privacyApi('setClipboardData', (options) => {
        wechat.clipboard = options.data;
      }),
    });
  });

  test('registered once at launch, with the guide name from getPrivacySetting', () => {
    assert.equal(typeof wechat.listener, 'function');
  });

  test('拒绝 fails the held call with the Chinese message; the page stays usable', async () => {
    const { comp, close } = openPage('packages/member/pages/privacy/index');
    try {
      await exportAndCopy(comp);
      const sheet = byClass(comp, 'privacy-sheet').map(nodeText).join('');
      assert.match(sheet, /隐私保护提示/);
      assert.ok(sheet.includes(CONTRACT), `the sheet names the guide: ${sheet}`);
      assert.ok(sheet.includes('不同意不影响浏览商品和下单支付'));
      // The sheet was shown: WeChat is told (exposure) before the answer.
      assert.deepEqual(wechat.answers, [{ api: 'setClipboardData', event: 'exposureAuthorization' }]);

      tapText(comp, '拒绝');
      await waitFor(() => byClass(comp, 'privacy-sheet').length === 0, 'the sheet to close');
      await waitFor(() => wechat.toasts.includes('复制失败，请长按文字复制'), "the page's own failure toast");
      assert.ok(wechat.toasts.includes('未同意隐私保护指引，暂时无法使用此功能'), wechat.toasts.join(' / '));
      assert.deepEqual(wechat.answers.at(-1), { api: 'setClipboardData', event: 'disagree' });
      assert.equal(wechat.clipboard, null, 'copied without an agreement');
      assert.equal(wechat.agreed, false);
      // Nothing is trapped: the export is still there to read, and 复制全部 asks again.
      assert.ok(comp.dom.textContent.includes('13812345678'));
      tapText(comp, '复制全部');
      await waitFor(() => byClass(comp, 'privacy-sheet').length > 0, 'the sheet again');
      tapText(comp, '拒绝');
      await waitFor(() => byClass(comp, 'privacy-sheet').length === 0, 'the sheet to close again');
    } finally {
      close();
    }
  });

  test('同意 (the agreePrivacyAuthorization button) lets the held call continue', async () => {
    wechat.toasts.length = 0;
    const { comp, close } = openPage('packages/member/pages/privacy/index');
    try {
      await exportAndCopy(comp);
      pressAgree(comp);
      await waitFor(() => wechat.clipboard !== null, 'the held copy to finish');
      assert.deepEqual(wechat.answers.at(-1), { api: 'setClipboardData', event: 'agree', buttonId: 'privacy-agree' });
      assert.deepEqual(JSON.parse(wechat.clipboard), EXPORT);
      await waitFor(() => wechat.toasts.includes('已复制到剪贴板'), 'the success toast');
      assert.equal(byClass(comp, 'privacy-sheet').length, 0);
      // Agreed once: the next call is not held and shows no sheet.
      const answers = wechat.answers.length;
      wechat.clipboard = null;
      tapText(comp, '复制全部');
      await waitFor(() => wechat.clipboard !== null, 'the second copy');
      assert.equal(wechat.answers.length, answers);
      assert.equal(byClass(comp, 'privacy-sheet').length, 0);
    } finally {
      close();
    }
  });
});
