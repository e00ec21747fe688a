// Distribution (分销) end to end: a member signs up and applies to be a promoter (申请成为推手, 审核中); the
// operator approves them (where the server does not auto-approve) and sets the earbuds' commission rate; the
// promoter shares the product (分享赚, the link with its referral token) and draws the poster; on a second phone a
// forged token leaves the visit unreferred, then the shared link is opened, the visitor buys and pays on the WeChat
// Pay simulator page and is bound to the promoter at login; the promoter sees the pending commission (待结算) with
// the buyer masked, the customer with the protection countdown and the share's funnel; the operator fulfils the
// order, the buyer confirms receipt, the server clock passes the return window and the settlement runs: the
// commission is withdrawable (可提现); the withdraw page refuses below the minimum and above the balance in plain
// Chinese, asks before submitting, and pays out (已到账); a payout the bank refuses reads 失败已退回 and the money
// comes back; the materials; the (empty) team, then the customer applies through the promoter's invite link and
// joins the team; a poster code opening the home page (scene = the token) sends a new visitor on to the product.
// One promoter's ledger from application to payout, so the steps run in order.
import type { Locator, Page, Request, Response } from '@playwright/test';
import {
  assert,
  buyNow,
  payOnSimulator,
  confirmModal,
  memberToken,
  phoneNumber,
  shot as saveShot,
  test,
  textOf,
  visibleIn,
  WAIT_MS,
  type Api,
  type CallOptions,
  type Json,
  type Phones,
} from './fixtures';

const DAY_MS = 86_400_000;
/** Fresh numbers per run, so the test also runs against a server that has seen it before. */
const PROMOTER_PHONE = phoneNumber('137');
const BUYER_PHONE = phoneNumber('136', 7);
/** 30% of the ¥93 the buyer pays: enough for two ¥10 withdrawals (one paid, one refused by the bank). */
const RATE_BP = 3000;

test.use({ suite: 'distribution', now: '2026-11-25T10:00:00+08:00' });

const yuan = (fen: number) => `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** The next response matching `match` (a promise that never rejects: null after the timeout). */
function nextResponse(target: Page, match: (res: Response) => boolean): Promise<Response | null> {
  return target.waitForResponse(match, { timeout: WAIT_MS }).catch(() => null);
}

/** The JSON body of the next POST /api/distribution/visits (null when none came). */
function nextVisit(target: Page, { asMember = false } = {}): Promise<Json> {
  return nextResponse(
    target,
    (res) =>
      new URL(res.url()).pathname === '/api/distribution/visits' &&
      (!asMember || !!res.request().headers().authorization),
  ).then((res) => (res ? res.json() : null));
}

/** Waits until `selector` (visible) reads `want`, reloading the page between tries (server data that moves). */
async function waitForText(target: Page, selector: string, want: string, { reloads = 6 } = {}) {
  const visible = visibleIn(target);
  let last = '';
  for (let i = 0; i <= reloads; i++) {
    try {
      await visible(selector).first().waitFor({ timeout: 5_000 });
      last = await textOf(visible(selector));
      if (last === want) return;
    } catch {
      // not there yet
    }
    await target.waitForTimeout(500);
    await target.reload({ waitUntil: 'domcontentloaded' });
  }
  throw new Error(`${selector} reads "${last}", want "${want}"`);
}

test.describe.serial('distribution', () => {
  let client: Api;
  let phones: Phones;
  let BASE_URL = '';
  let operator = { accessToken: '' };
  let product: Json = null;
  let promoter: Page;
  let p: (selector: string) => Locator;
  let buyer: Page;
  let b: (selector: string) => Locator;

  const api = (path: string, options?: CallOptions) => client.call(path, options);
  const shot = (name: string, target: Page, options: { fullPage?: boolean } = {}) => saveShot(target, name, options);

  test.beforeAll(async ({ api: apiFixture, phones: phonesFixture }) => {
    client = apiFixture;
    phones = phonesFixture;
    BASE_URL = client.baseURL;
    promoter = await phones.open();
    p = visibleIn(promoter);
    operator = { accessToken: await client.staff('operator') };
    const found = await api(`/api/catalog/products?keyword=${encodeURIComponent('蓝牙耳机')}`);
    product = found.items[0];
    assert(product, 'no earbuds in the catalogue');
  });

  test('我的 → 推广中心 asks a visitor to sign up first; after signing up it leads to 申请成为推手', async () => {
    await promoter.goto(`${BASE_URL}/pages/mine/index`, { waitUntil: 'domcontentloaded' });
    await p('.mine-entry').filter({ hasText: '推广中心' }).first().click();
    await promoter.waitForURL(/\/packages\/member\/pages\/signup\/index/);
    await p('.phone-input input').first().fill(PROMOTER_PHONE);
    await p('.consent-checkbox').first().click();
    await p('.signup-submit').first().click();
    await p('.signup-success').first().waitFor();
    await promoter.goto(`${BASE_URL}/pages/mine/index`, { waitUntil: 'domcontentloaded' });
    await p('.tier-name').first().waitFor();
    await p('.mine-entry').filter({ hasText: '推广中心' }).first().click();
    // Not a promoter yet: the center sends the member on to the application.
    await promoter.waitForURL(/\/packages\/promoter\/pages\/apply\/index/);
    await p('.apply-rules').first().waitFor();
    const rules = await textOf(p('.apply-rules'));
    assert(rules.includes('¥10.00') && rules.includes('天'), `the rules read "${rules}"`);
    assert((await textOf(p('.promoter-status'))) === '未申请', 'status is not 未申请');
    await shot('apply', promoter, { fullPage: true });
  });

  let promoterId = 0;
  /** Whether the server approves applications itself (DISTRIBUTION_AUTO_APPROVE, on in development). */
  let autoApproved = false;
  test('申请成为推手 needs the rules accepted, then shows 审核中 (or 已通过 where applications are auto-approved)', async () => {
    await p('.apply-nickname input').first().fill('小潮');
    await p('.apply-submit').first().click();
    assert((await textOf(p('.apply-error'))) === '请先阅读并同意推广规则', 'no consent error');
    await p('.apply-agree').first().click();
    await p('.apply-submit').first().click();
    await promoter.waitForFunction(() =>
      [...document.querySelectorAll('.promoter-status')].some((n) =>
        ['审核中', '已通过'].includes(n.textContent?.trim()),
      ),
    );
    const shown = await textOf(p('.promoter-status'));
    const me = await api('/api/distribution/me', { token: await memberToken(promoter) });
    assert(me.promoterId > 0 && me.displayName === '小潮', `the server says ${JSON.stringify(me)}`);
    promoterId = me.promoterId;
    autoApproved = me.status === 'APPROVED';
    assert(shown === (autoApproved ? '已通过' : '审核中'), `the page says ${shown}, the server ${me.status}`);
    assert((await p('.apply-submit').count()) === 0, 'the apply button is still there after applying');
    if (!autoApproved) {
      const pending = await api('/api/admin/distribution/promoters?status=PENDING', { token: operator.accessToken });
      assert(
        pending.items.some((r: Json) => r.id === promoterId),
        `the operator does not see the application: ${JSON.stringify(pending.items)}`,
      );
    }
    await shot('apply-pending', promoter);
  });

  test('the operator approves the promoter (unless auto-approved) and sets the earbuds commission', async () => {
    await api(`/api/admin/distribution/products/${product.id}`, {
      method: 'PUT',
      token: operator.accessToken,
      body: { enabled: true, rateBp: RATE_BP, secondRateBp: 0 },
    });
    if (!autoApproved) {
      const approved = await api(`/api/admin/distribution/promoters/${promoterId}/approve`, {
        method: 'POST',
        token: operator.accessToken,
      });
      assert(approved.status === 'APPROVED', `promoter is ${approved.status}`);
      await promoter.reload({ waitUntil: 'domcontentloaded' });
    }
    await p('.apply-enter').first().click();
    await promoter.waitForURL(/\/packages\/promoter\/pages\/center\/index/);
    assert((await textOf(p('.earnings-available'))) === '¥0.00', 'a new promoter has money available');
    assert((await textOf(p('.promoter-name'))) === '小潮', 'the center does not greet the promoter');
    await shot('center-new', promoter);
  });

  let shareLink = '';
  let token = '';
  test('the product page offers 分享赚 and a link carrying the referral token', async () => {
    await promoter.goto(`${BASE_URL}/packages/product/pages/detail/index?id=${product.id}`, {
      waitUntil: 'domcontentloaded',
    });
    await promoter.waitForFunction(() =>
      [...document.querySelectorAll('.share-button')].some((n) => n.textContent?.includes('分享赚')),
    );
    const earn = await textOf(p('.share-button'));
    await p('.share-button').first().click();
    await p('.share-link').first().waitFor();
    shareLink = await textOf(p('.share-link'));
    token = new URL(shareLink).searchParams.get('rt') ?? '';
    assert(/^[A-Za-z0-9]{1,32}$/.test(token), `no referral token in the link ${shareLink}`);
    assert(new URL(shareLink).searchParams.get('id') === String(product.id), `the link opens ${shareLink}`);
    assert(await p('.share-poster').first().isVisible(), 'no 生成海报 for a promoter');
    console.log(`    ${earn}; link ${shareLink}`);
    await shot('share-sheet', promoter);
  });

  test('生成海报 draws the poster (photo, price, the promoter, the code) as a picture to download', async () => {
    await p('.share-poster').first().click();
    await promoter.waitForURL(/\/packages\/promoter\/pages\/poster\/index\?type=PRODUCT&id=\d+/);
    await promoter.waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLImageElement>('.poster-image img')].some(
          (img) => img.complete && img.naturalWidth === 1200 && img.naturalHeight === 1920,
        ),
      undefined,
      { timeout: 20_000 },
    );
    // The code on the poster is the token's: the server answers its PNG.
    const code = await fetch(`${BASE_URL}/api/distribution/codes/${token}.png`);
    assert(code.ok && code.headers.get('content-type') === 'image/png', `code image ${code.status}`);
    assert((await textOf(p('.poster-save'))) === '下载海报', 'no 下载海报 on H5');
    await shot('poster', promoter, { fullPage: true });
  });

  test('a forged token opens the product page normally; the visit is unreferred', async () => {
    // The visitor: another phone (browser context), never logged in.
    buyer = await phones.open();
    b = visibleIn(buyer);
    const visit = nextVisit(buyer);
    await buyer.goto(`${BASE_URL}/packages/product/pages/detail/index?id=${product.id}&rt=Forged0000Token`, {
      waitUntil: 'domcontentloaded',
    });
    const answer = await visit;
    assert(answer.referred === false && answer.outcome === 'UNREFERRED', `forged visit: ${JSON.stringify(answer)}`);
    await b('.detail-name').first().waitFor();
    assert((await b('.state-error, .state-empty').count()) === 0, 'an error page for a forged token');
    // A token that is not even well formed is never sent.
    let sent = false;
    const onRequest = (req: Request) => {
      if (new URL(req.url()).pathname === '/api/distribution/visits') sent = true;
    };
    buyer.on('request', onRequest);
    await buyer.goto(`${BASE_URL}/packages/product/pages/detail/index?id=${product.id}&rt=%3Cscript%3E`, {
      waitUntil: 'domcontentloaded',
    });
    await b('.detail-name').first().waitFor();
    await buyer.waitForTimeout(500);
    buyer.off('request', onRequest);
    assert(!sent, 'a malformed token was sent to the server');
  });

  let orderId = 0;
  test('the shared link: the view is counted; the visitor is bound when they log in to join', async () => {
    assert(shareLink, 'no shared link to open');
    const anonymous = nextVisit(buyer);
    await buyer.goto(shareLink, { waitUntil: 'domcontentloaded' });
    const first = await anonymous;
    assert(first?.referred === true && first.outcome === 'ANONYMOUS', `first visit: ${JSON.stringify(first)}`);
    await b('.sku-item--selected').first().waitFor();
    const store = await buyer.evaluate(() => localStorage.getItem('tidepool-referral'));
    assert(store?.includes(token), `the token is not kept for after login: ${store}`);
    await shot('buyer-landing', buyer);
    // Logging in (here: to join) reports the kept token again, now as the member: bound.
    const bound = nextVisit(buyer, { asMember: true });
    await buyer.goto(`${BASE_URL}/packages/member/pages/signup/index`, { waitUntil: 'domcontentloaded' });
    const binding = await bound;
    assert(binding?.outcome === 'BOUND', `binding: ${JSON.stringify(binding)}`);
    await b('.phone-input input').first().fill(BUYER_PHONE);
    await b('.consent-checkbox').first().click();
    await b('.signup-submit').first().click();
    await b('.signup-success').first().waitFor();
    const kept = await buyer.evaluate(() => localStorage.getItem('tidepool-referral'));
    assert(!kept, `the token is still kept after binding: ${kept}`);
  });

  test('the bound customer buys the earbuds and pays on the simulator page', async () => {
    await buyNow(buyer, product.id);
    await b('.address-name input').first().fill('王五');
    await b('.address-phone input').first().fill('13900139000');
    await b('.address-region input').first().fill('上海市 徐汇区');
    await b('.address-detail input').first().fill('漕溪北路88号');
    await b('.submit-order').first().click();
    orderId = await payOnSimulator(buyer);
    await shot('buyer-paid', buyer);
  });

  let commission = 0;
  test('the promoter sees the pending commission (待结算) with the buyer masked', async () => {
    const promoterToken = await memberToken(promoter);
    const page = await api('/api/distribution/me/commissions', { token: promoterToken });
    const record = page.items.find((r: Json) => r.orderId === orderId);
    assert(record && record.status === 'PENDING', `commissions: ${JSON.stringify(page.items)}`);
    commission = record.netFen;
    assert(
      commission === Math.floor((record.baseFen * RATE_BP) / 10_000),
      `commission ${commission} of ${record.baseFen}`,
    );
    await promoter.goto(`${BASE_URL}/packages/promoter/pages/center/index`, { waitUntil: 'domcontentloaded' });
    await waitForText(promoter, '.earnings-pending', yuan(commission));
    assert((await textOf(p('.earnings-available'))) === '¥0.00', 'pending commission is already available');
    await shot('center-pending', promoter);
    await p('.center-entry--commissions').first().click();
    await promoter.waitForURL(/\/packages\/promoter\/pages\/commissions\/index/);
    await p('.commission-row').first().waitFor();
    assert((await textOf(p('.commission-amount'))) === yuan(commission), 'the row shows another amount');
    assert((await textOf(p('.commission-status'))) === '待结算', 'the row is not 待结算');
    const buyerText = await textOf(p('.commission-buyer'));
    const masked = `${BUYER_PHONE.slice(0, 3)}****${BUYER_PHONE.slice(-4)}`;
    assert(buyerText === masked, `the buyer reads "${buyerText}", want ${masked}`);
    await shot('commissions', promoter, { fullPage: true });
  });

  test('我的客户 lists the buyer with the protection countdown; 推广效果 counts view → order → paid', async () => {
    await promoter.goto(`${BASE_URL}/packages/promoter/pages/customers/index`, { waitUntil: 'domcontentloaded' });
    await p('.customer-row').first().waitFor();
    const countdown = await textOf(p('.customer-protection'));
    assert(/^剩 \d+ 天( \d+ 小时)?$/.test(countdown), `countdown reads "${countdown}"`);
    await shot('customers', promoter);
    await promoter.goto(`${BASE_URL}/packages/promoter/pages/shares/index`, { waitUntil: 'domcontentloaded' });
    await p('.share-row').first().waitFor();
    const views = Number(await textOf(p('.share-views')));
    const orders = Number(await textOf(p('.share-orders')));
    assert(views >= 1 && orders === 1, `funnel ${views} views, ${orders} orders`);
    assert((await textOf(p('.share-commission'))) === yuan(commission), 'the funnel shows another commission');
    await shot('shares', promoter);
  });

  test('fulfilled, received and past the return window, the commission becomes 可提现', async () => {
    await api(`/api/admin/orders/${orderId}/fulfil`, { method: 'POST', token: operator.accessToken });
    const buyerToken = await memberToken(buyer);
    const completed = await api(`/api/orders/${orderId}/confirm-receipt`, { method: 'POST', token: buyerToken });
    assert(completed.state === 'COMPLETED', `order is ${completed.state}`);
    const rules = await api('/api/distribution/rules');
    // Not yet: the settlement leaves it pending inside the window.
    await api('/api/dev/jobs/commission-settlement/run', { method: 'POST' });
    let earnings = await api('/api/distribution/me/earnings', { token: await memberToken(promoter) });
    assert(earnings.availableFen === 0 && earnings.pendingFen === commission, `early: ${JSON.stringify(earnings)}`);
    await api('/api/dev/clock/advance', { method: 'POST', body: { ms: (rules.returnWindowDays + 1) * DAY_MS } });
    // Days later the browsers' sessions have expired: the app's first calls get 401 and it logs in again.
    phones.expectFailure(/^401 (GET|POST|PUT|DELETE) \/api\//);
    const run = await api('/api/dev/jobs/commission-settlement/run', { method: 'POST' });
    assert(run.settled >= 1, `settlement: ${JSON.stringify(run)}`);
    await promoter.goto(`${BASE_URL}/packages/promoter/pages/center/index`, { waitUntil: 'domcontentloaded' });
    await waitForText(promoter, '.earnings-available', yuan(commission));
    earnings = await api('/api/distribution/me/earnings', { token: await memberToken(promoter) });
    assert(earnings.availableFen === commission && earnings.pendingFen === 0, `after: ${JSON.stringify(earnings)}`);
    assert((await textOf(p('.earnings-pending'))) === '¥0.00', 'still pending');
    await shot('center-available', promoter);
  });

  test('提现 refuses below ¥10 and above the balance in plain Chinese, confirms, then pays out (已到账)', async () => {
    await p('.withdraw-link').first().click();
    await promoter.waitForURL(/\/packages\/promoter\/pages\/withdraw\/index/);
    await p('.withdraw-available').first().waitFor();
    assert((await textOf(p('.withdraw-available'))) === yuan(commission), 'the withdraw page shows another balance');
    await p('.withdraw-amount input').first().fill('5');
    await p('.withdraw-submit').first().click();
    assert((await textOf(p('.withdraw-error'))) === '最低提现 ¥10.00', 'no minimum error');
    await p('.withdraw-amount input')
      .first()
      .fill(String(Math.ceil(commission / 100) + 100));
    await p('.withdraw-submit').first().click();
    const insufficient = await textOf(p('.withdraw-error'));
    assert(insufficient === `可提现佣金不足，当前可提现 ${yuan(commission)}`, `error reads "${insufficient}"`);
    await shot('withdraw-error', promoter);

    // The server refuses on its own too (another device may have withdrawn meanwhile): its code, in Chinese.
    phones.expectFailure(/^(400|409) POST \/api\/distribution\/me\/withdrawals$/);
    const promoterToken = await memberToken(promoter);
    for (const [amountFen, code] of [
      [500, 'WITHDRAW_BELOW_MINIMUM'],
      [commission + 10_000, 'COMMISSION_INSUFFICIENT'],
    ] as const) {
      const res = await fetch(`${BASE_URL}/api/distribution/me/withdrawals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${promoterToken}` },
        body: JSON.stringify({ amountFen, clientRequestId: `e2e-${code.toLowerCase()}` }),
      });
      const body = await res.json();
      assert(body.code === code, `server answered ${res.status} ${JSON.stringify(body)} for ${amountFen}`);
    }

    await p('.withdraw-amount input').first().fill('10');
    const posted = nextResponse(
      promoter,
      (res) => new URL(res.url()).pathname === '/api/distribution/me/withdrawals' && res.request().method() === 'POST',
    );
    await p('.withdraw-submit').first().click();
    await promoter.locator('.taro-modal__content', { hasText: '提现 ¥10.00 到微信零钱？' }).waitFor();
    await shot('withdraw-confirm', promoter);
    await confirmModal(promoter, '确认提现');
    const made = await (await posted)?.json();
    assert(made?.amountFen === 1000, `withdrawal ${JSON.stringify(made)}`);
    await p('.withdrawal-row').first().waitFor();
    // The dev transfer gateway pays at once or on the next sweep (the settlement job sweeps withdrawals).
    await api('/api/dev/jobs/commission-settlement/run', { method: 'POST' });
    await waitForText(promoter, '.withdrawal-status', '已到账');
    await waitForText(promoter, '.withdraw-available', yuan(commission - 1000));
    await shot('withdraw-paid', promoter, { fullPage: true });
  });

  test('a payout the bank refuses reads 失败已退回 and the money is withdrawable again', async () => {
    await api('/api/dev/distribution/transfers/mode', { method: 'POST', body: { mode: 'FAIL' } });
    try {
      await promoter.goto(`${BASE_URL}/packages/promoter/pages/withdraw/index`, { waitUntil: 'domcontentloaded' });
      await p('.withdraw-amount input').first().fill('10');
      await p('.withdraw-submit').first().click();
      await confirmModal(promoter, '确认提现');
      await promoter.waitForFunction(() => document.querySelectorAll('.withdrawal-row').length >= 2);
      await api('/api/dev/jobs/commission-settlement/run', { method: 'POST' });
      await waitForText(promoter, '.withdrawal-status', '失败已退回');
      await waitForText(promoter, '.withdraw-available', yuan(commission - 1000));
      const reason = await textOf(p('.withdrawal-row__reason'));
      assert(reason.length > 0, 'no reason for the failed payout');
      await shot('withdraw-failed', promoter, { fullPage: true });
    } finally {
      await api('/api/dev/distribution/transfers/mode', { method: 'POST', body: { mode: 'SUCCEED' } });
    }
  });

  test('the center shows the payout under 已提现', async () => {
    await promoter.goto(`${BASE_URL}/packages/promoter/pages/center/index`, { waitUntil: 'domcontentloaded' });
    await waitForText(promoter, '.earnings-withdrawn', '¥10.00');
    assert((await textOf(p('.earnings-available'))) === yuan(commission - 1000), 'available after the payout');
  });

  test('推广素材 lists the earbuds with copy and a poster; 我的团队 is empty and says how to grow it', async () => {
    await promoter.goto(`${BASE_URL}/packages/promoter/pages/materials/index`, { waitUntil: 'domcontentloaded' });
    const card = p('.material-card').filter({ hasText: product.name }).first();
    await card.waitFor();
    assert((await card.locator('.material-copy').count()) > 0, 'no copy for the earbuds');
    const earn = await textOf(card.locator('.material-earn'));
    assert(/^每单预计赚 ¥\d+\.\d{2}$/.test(earn), `estimate reads "${earn}"`);
    await shot('materials', promoter);
    await promoter.goto(`${BASE_URL}/packages/promoter/pages/team/index`, { waitUntil: 'domcontentloaded' });
    await p('.state-empty').first().waitFor();
    assert((await textOf(p('.state-empty__title'))) === '还没有团队成员', 'the empty team reads otherwise');
    await shot('team-empty', promoter);
  });

  test("a customer applies through the promoter's invite link and shows up in 我的团队", async () => {
    const me = await api('/api/distribution/me', { token: await memberToken(promoter) });
    assert(/^[A-Za-z0-9]{1,32}$/.test(me.inviteToken ?? ''), `invite token ${me.inviteToken}`);
    await buyer.goto(`${BASE_URL}/packages/promoter/pages/apply/index?invite=${me.inviteToken}`, {
      waitUntil: 'domcontentloaded',
    });
    await b('.apply-form').first().waitFor();
    assert((await textOf(b('.apply-form'))).includes('你正通过好友的邀请申请'), 'the invitation is not mentioned');
    await b('.apply-nickname input').first().fill('阿浪');
    await b('.apply-agree').first().click();
    await b('.apply-submit').first().click();
    await buyer.waitForFunction(() =>
      [...document.querySelectorAll('.promoter-status')].some((n) =>
        ['审核中', '已通过'].includes(n.textContent?.trim()),
      ),
    );
    const joined = await api('/api/distribution/me', { token: await memberToken(buyer) });
    assert(joined.inviter?.promoterId === promoterId, `the new promoter's inviter: ${JSON.stringify(joined.inviter)}`);
    await promoter.goto(`${BASE_URL}/packages/promoter/pages/team/index`, { waitUntil: 'domcontentloaded' });
    await waitForText(promoter, '.team-name', '阿浪');
    await shot('team', promoter);
  });

  test('a poster code (home page, scene = the token) sends a new visitor on to the product', async () => {
    const scanner = await phones.open();
    try {
      const visit = nextVisit(scanner);
      await scanner.goto(`${BASE_URL}/pages/index/index?scene=${token}`, { waitUntil: 'domcontentloaded' });
      await scanner.waitForURL(new RegExp(`/packages/product/pages/detail/index\\?id=${product.id}$`));
      await visibleIn(scanner)('.detail-name').first().waitFor();
      const answer = await visit;
      assert(answer?.referred === true, `the code's visit: ${JSON.stringify(answer)}`);
    } finally {
      await phones.close(scanner);
    }
  });

  test('no uncaught page errors and no failed API or asset requests', () => {
    assert(phones.pageErrors.length === 0, `page errors:\n${phones.pageErrors.join('\n')}`);
    assert(phones.failedRequests.length === 0, `failed requests:\n${phones.failedRequests.join('\n')}`);
  });
});
