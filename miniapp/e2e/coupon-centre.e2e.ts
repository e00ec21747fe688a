// 领券中心 end to end, on a phone whose clock is in New York (the store is in Shanghai): an online signup refuses
// 00000000000 with a message that says what a mainland number looks like, promises only what an online signup
// gives (no shopping bag) and joins; 我的 → 领券中心 lists the demo brand's claimable coupons (立即领取, 已抢光);
// 立即领取 puts 零食满30减5 in the wallet and turns into 去使用; the wallet shows it with its validity in Shanghai
// time and the online channel (not "show the member code at the till"); 去使用 lists exactly the snack products; a
// product opens from there. Then a cashier scans the member: the card's 可用券 counts the coupon the till lists,
// and after a sale the card shows the new points. One shopper's journey, so its steps run in order.
import type { Locator, Page } from '@playwright/test';
import { memberCodeAt } from '@tidepool/shared';
import {
  assert,
  confirmModal,
  memberToken,
  phoneNumber,
  shot as saveShot,
  test,
  textOf,
  visibleIn,
  type Api,
  type CallOptions,
  type Json,
  type Phones,
} from './fixtures';

const CASHIER = { username: 'cashier.sh001', password: 'tidepool123' };
const PHONE = phoneNumber('139');

// The wallet's validity check below reads the claim time (15:17 Shanghai).
test.use({ suite: 'coupon-centre', now: '2026-12-03T15:17:00+08:00' });

test.describe.serial('coupon-centre', () => {
  let client: Api;
  let phones: Phones;
  let BASE_URL = '';
  let page: Page;
  let visible: (selector: string) => Locator;
  let till: Page;
  let tillVisible: (selector: string) => Locator;

  const api = (path: string, options?: CallOptions) => client.call(path, options);
  const shot = (name: string, target: Page = page, options: { fullPage?: boolean } = {}) =>
    saveShot(target, name, options);

  test.beforeAll(async ({ api: apiFixture, phones: phonesFixture }) => {
    client = apiFixture;
    phones = phonesFixture;
    BASE_URL = client.baseURL;
    // The phone is abroad: everything must still read in the store's (Shanghai) time.
    page = await phones.open({ timezoneId: 'America/New_York' });
    visible = visibleIn(page);
  });

  test('online signup refuses 00000000000 with a message naming a mainland number (defect 10)', async () => {
    await page.goto(`${BASE_URL}/packages/member/pages/signup/index`, { waitUntil: 'domcontentloaded' });
    await visible('.phone-input input').first().waitFor();
    await visible('.consent-checkbox').first().click();
    await visible('.phone-input input').first().fill('00000000000');
    await visible('.signup-submit').first().click();
    const error = visible('.phone-error').first();
    await error.waitFor();
    const text = await textOf(error);
    assert(text === '请输入正确的手机号（1 开头的 11 位大陆手机号）', `phone error reads "${text}"`);
    assert((await visible('.signup-success').count()) === 0, 'signed up with 00000000000');
    await shot('phone-refused');
  });

  test('the online signup page promises no shopping bag, and joining gives none (defect 8)', async () => {
    const benefits = await visible('.signup-benefit').allTextContents();
    const all = benefits.join('|');
    assert(!/入会礼.*免费购物袋一个，注册后/.test(all), `online page promises the bag: ${all}`);
    assert(all.includes('门店扫码入会另送'), `no in-store bag line: ${all}`);
    assert(all.includes('生日当天注册也送'), `no birthday line: ${all}`);
    await visible('.phone-input input').first().fill(PHONE);
    await visible('.signup-submit').first().click();
    await visible('.signup-success').first().waitFor();
    assert((await visible('.signup-gifts').count()) === 0, 'an online signup shows a gift it did not promise');
    await shot('signed-up');
  });

  test('我的 → 领券中心 lists claimable coupons with 立即领取 and 已抢光', async () => {
    await page.goto(`${BASE_URL}/pages/mine/index`, { waitUntil: 'domcontentloaded' });
    await visible('.mine-entry').filter({ hasText: '领券中心' }).first().click();
    await page.waitForURL(/\/packages\/member\/pages\/coupon-centre\/index/);
    await visible('.centre-card').first().waitFor();
    const snack = visible('.centre-card').filter({ hasText: '零食满30减5' }).first();
    assert((await textOf(snack.locator('.centre-action'))) === '立即领取', 'snack coupon is not claimable');
    const plush = visible('.centre-card').filter({ hasText: '毛绒公仔满100减20' }).first();
    assert((await textOf(plush.locator('.centre-action'))) === '已抢光', 'the claimed-out coupon is not 已抢光');
    const candle = visible('.centre-card').filter({ hasText: '香氛蜡烛88折券' }).first();
    assert((await textOf(candle.locator('.centre-card__note'))).includes('仅剩 3 张'), 'the last few are not shown');
    await shot('centre', page, { fullPage: true });
  });

  let couponId = 0;
  test('立即领取 puts the coupon in the wallet and turns into 去使用', async () => {
    const snack = visible('.centre-card').filter({ hasText: '零食满30减5' }).first();
    const claimed = page.waitForResponse((r) => /\/api\/coupon-centre\/\d+\/claim$/.test(r.url()));
    await snack.locator('.centre-action').click();
    const answer = await (await claimed).json();
    couponId = answer.coupon.id;
    await page.getByText('领取成功，已放入“我的券”').first().waitFor({ timeout: 5_000 });
    assert((await textOf(snack.locator('.centre-card__note'))).includes('已领 1 张'), 'the claim is not counted');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.centre-card')].some(
        (n) => n.textContent?.includes('零食满30减5') && n.querySelector('.centre-action')?.textContent === '去使用',
      ),
    );
    // The plush coupon can still not be claimed.
    const plush = visible('.centre-card').filter({ hasText: '毛绒公仔满100减20' }).first();
    await plush.locator('.centre-action').click();
    await page.waitForTimeout(300);
    assert(/coupon-centre/.test(page.url()), 'tapping 已抢光 left the page');
    await shot('claimed');
  });

  test('the wallet shows the claimed coupon in Shanghai time and its online channel (defects 11, 13)', async () => {
    await visible('.wallet-link').first().click();
    await page.waitForURL(/\/packages\/member\/pages\/vouchers\/index/);
    const card = visible('.coupon-list .coupon-card').filter({ hasText: '零食满30减5' }).first();
    await card.waitFor();
    const validity = await textOf(card.locator('.coupon-validity'));
    // Claimed at 15:17 Shanghai (02:17 in New York), valid 7 days.
    assert(/^有效期 2026-12-03 15:[1-5]\d 至 2026-12-10 15:[1-5]\d$/.test(validity), `validity reads "${validity}"`);
    const channel = await textOf(visible('.coupon-channel-hint'));
    assert(channel.includes('线上下单') && channel.includes('到店出示会员码也可用'), `channel hint "${channel}"`);
    const note = (await visible('.vouchers-page__note').allTextContents()).join();
    assert(!note.includes('到店结账时出示会员码，由店员核销使用'), `till-only note under online coupons: "${note}"`);
    assert((await visible('.coupon-centre-entry').count()) === 1, 'no 领券中心 entry in the wallet');
    await shot('wallet', page, { fullPage: true });
  });

  test('去使用 lists exactly the products the coupon applies to, and a product opens', async () => {
    const card = visible('.coupon-list .coupon-card').filter({ hasText: '零食满30减5' }).first();
    await card.locator('.coupon-use-button').click();
    await page.waitForURL(new RegExp(`/packages/member/pages/coupon-products/index\\?couponId=${couponId}$`));
    await visible('.coupon-products-page .product-card .product-name').first().waitFor();
    const shown = (await visible('.coupon-products-page .product-name').allTextContents()).map((n) => n.trim());
    const categories = await api('/api/catalog/categories');
    const snacks = categories.find((c: Json) => c.name === '休闲零食');
    const expected = await api(`/api/catalog/products?categoryId=${snacks.id}&pageSize=50`);
    const want = expected.items.map((p: Json) => p.name);
    assert(
      shown.length === want.length && want.every((n: string) => shown.includes(n)),
      `shown ${JSON.stringify(shown)}, want ${JSON.stringify(want)}`,
    );
    const named = await textOf(visible('.coupon-products-label'));
    assert(named === '零食满30减5', `the coupon is named "${named}"`);
    await shot('coupon-products', page, { fullPage: true });
    await visible('.coupon-products-page .product-card').first().click();
    await page.waitForURL(/\/packages\/product\/pages\/detail\/index\?id=\d+/);
    await visible('.detail-name').first().waitFor();
    assert(want.includes(await textOf(visible('.detail-name'))), 'the product opened is not a snack');
  });

  test('another member’s coupon is not found on 去使用 (API)', async () => {
    const stranger = await api('/api/auth/wechat-login', {
      method: 'POST',
      body: { code: `dev-stranger-${Date.now()}` },
    });
    const res = await fetch(`${BASE_URL}/api/coupons/me/${couponId}/products`, {
      headers: { authorization: `Bearer ${stranger.accessToken}` },
    });
    assert(res.status === 404, `a stranger read the coupon's products: ${res.status}`);
  });

  test('the cashier’s card counts the coupon the till lists, and shows the new points after a sale (7, 14)', async () => {
    // The till: another phone (browser context) in store mode.
    till = await phones.open({ timezoneId: 'Asia/Shanghai' });
    tillVisible = visibleIn(till);
    await till.goto(`${BASE_URL}/packages/store/pages/login/index`, { waitUntil: 'domcontentloaded' });
    await tillVisible('.staff-username input').first().fill(CASHIER.username);
    await tillVisible('.staff-password input').first().fill(CASHIER.password);
    await tillVisible('.staff-login-button').first().click();
    await till.waitForURL(/\/packages\/store\/pages\/scan\/index/);
    // The member's code, as their phone would compute it from its credential.
    const token = await memberToken(page);
    assert(token, 'the shopper holds no member token');
    const credential = await api('/api/members/me/code-credential', { method: 'POST', token });
    const { now } = await api('/api/time');
    const code = memberCodeAt(credential, Date.parse(now));
    await tillVisible('.member-code-input input').first().fill(code);
    await tillVisible('.lookup-button').first().click();
    await tillVisible('.member-summary').first().waitFor();
    const usable = await textOf(tillVisible('.summary-usable'));
    const listed = await tillVisible('.till-coupons .coupon-card').count();
    assert(usable === '1' && listed === 1, `the card says ${usable} 可用券, the till lists ${listed}`);
    const expires = await textOf(tillVisible('.member-summary__expires'));
    assert(/^本次扫码 15:\d{2} 前有效$/.test(expires), `scan expiry "${expires}" is not Shanghai time`);
    const before = Number(await textOf(tillVisible('.summary-points')));
    await tillVisible('.till-amount-input input').first().fill('88');
    await till.waitForFunction(
      () => !document.querySelector('.till-quote--loading') && document.querySelector('.till-payable'),
    );
    await tillVisible('.till-method').filter({ hasText: '微信支付' }).first().click();
    await tillVisible('.till-confirm').first().click();
    await confirmModal(till, '确认收款');
    await tillVisible('.till-receipt').first().waitFor();
    const earned = Number((await textOf(tillVisible('.receipt-points'))).replace(/\D/g, ''));
    assert(earned > 0, 'the sale earned no points');
    await till.waitForFunction(
      (want) => [...document.querySelectorAll('.summary-points')].some((n) => n.textContent?.trim() === String(want)),
      before + earned,
    );
    await shot('till-after-sale', till, { fullPage: true });
  });

  test('no uncaught page errors and no unexpected failed requests', () => {
    assert(phones.pageErrors.length === 0, `page errors:\n${phones.pageErrors.join('\n')}`);
    assert(phones.failedRequests.length === 0, `failed requests:\n${phones.failedRequests.join('\n')}`);
  });
});
