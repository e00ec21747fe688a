// The H5 build end to end: home → detail → 分类 → 购物车 → 我的; the cart: a guest adds a product, logs in, the
// guest cart is merged into the member's, the quantity changes and a line is deleted; then membership: a shopper
// joins through a store's signup link and shows the member code; a cashier, on a second phone, logs in to store
// mode, types the code, sees the member and redeems the signup gift; the used code is refused; the member's points
// page shows the balance and the points mall its gifts. Then loyalty at the till: a second shopper becomes 银卡
// through a till sale, a member-day sale is quoted, confirmed (its lost answer retried without a second award),
// shown on 我的 and refunded from 门店交易. Then an online order: 立即购买 → checkout with the member-day discount →
// 快递配送 → 待付款 with its countdown → 取消订单 → 已取消 in 我的订单; and paying on the simulator's page →
// 已支付. The server's clock is on a Wednesday (member day). Each step builds on the one before, so they run in
// order on the same phones.
import type { Locator, Page, Request } from '@playwright/test';
import {
  appStore as storeOf,
  assert,
  buyNow as openCheckout,
  payOnSimulator,
  confirmModal,
  shot as saveShot,
  test,
  visibleIn,
  WAIT_MS,
  type Api,
  type CallOptions,
  type Json,
  type Phones,
} from './fixtures';

const PRICE = /^-?¥\d+\.\d{2}$/;
const CASHIER = { username: 'cashier.sh001', password: 'tidepool123' };
const PHONE = '13800138000';

test.use({ suite: 'h5', now: '2026-11-25T10:00:00+08:00' });

const fenOf = (price: string) => Math.round(Number(price.replace('¥', '')) * 100);

test.describe.serial('h5', () => {
  let client: Api;
  let phones: Phones;
  let BASE_URL = '';
  let page: Page;
  let till: Page;
  let tillVisible: (selector: string) => Locator;
  let shopper: Page;
  let shopperVisible: (selector: string) => Locator;

  const api = (path: string, options?: CallOptions) => client.call(path, options);
  const shot = (name: string, target: Page = page, options: { fullPage?: boolean } = {}) =>
    saveShot(target, name, options);
  const appStore = (target: Page = page) => storeOf(target);
  /** Visible elements only: Taro H5 keeps hidden tab pages in the DOM. */
  const visible = (selector: string) => visibleIn(page)(selector);
  const texts = (selector: string) =>
    page.locator(selector).evaluateAll((nodes) => nodes.map((n) => (n.textContent ?? '').trim()));

  async function clickTab(label: string) {
    const tab = page.locator('.weui-tabbar__item', { hasText: label }).first();
    if (!(await tab.isVisible().catch(() => false))) {
      // Not on a tab page (e.g. after a failed step): start again from home.
      await page.goto('/', { waitUntil: 'domcontentloaded' });
    }
    await tab.click({ timeout: WAIT_MS });
  }

  /** The number on the 购物车 tab ('' when there is none). */
  async function cartBadge() {
    const badge = visible('.weui-tabbar__item').filter({ hasText: '购物车' }).locator('.weui-badge');
    if (!((await badge.count()) > 0 && (await badge.first().isVisible()))) return '';
    // The badge may be removed between the check and the read (the cart just emptied): that reads as no badge.
    return (
      (await badge
        .first()
        .textContent({ timeout: 1000 })
        .catch(() => '')) ?? ''
    ).trim();
  }

  test.beforeAll(async ({ api: apiFixture, phones: phonesFixture }) => {
    client = apiFixture;
    phones = phonesFixture;
    BASE_URL = client.baseURL;
    page = await phones.open();
  });

  let firstProduct = { name: '', price: '' };

  test('home page lists products with ¥ prices', async () => {
    await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
    await visible('.product-card .product-name').first().waitFor();
    const names = await texts('.home-page .product-card .product-name');
    const prices = await texts('.home-page .product-card .product-price');
    assert(
      names.length > 0 && names.every(Boolean),
      `no product names on the home page (got ${JSON.stringify(names)})`,
    );
    assert(
      prices.length === names.length,
      `expected a price per product, got ${prices.length} prices for ${names.length} products`,
    );
    const bad = prices.filter((p) => !PRICE.test(p));
    assert(bad.length === 0, `prices not formatted as ¥0.00: ${JSON.stringify(bad)}`);
    firstProduct = { name: names[0], price: prices[0] };
    console.log(`    ${names.length} products, first: ${firstProduct.name} ${firstProduct.price}`);
    await page.waitForTimeout(400); // let covers paint
    await shot('home');
  });

  test('product detail shows its name, price and SKUs', async () => {
    const card = visible('.home-page .product-card').first();
    await card.waitFor();
    await card.click();
    await page.waitForURL(/\/packages\/product\/pages\/detail\/index\?id=\d+/);
    const name = visible('.detail-name').first();
    await name.waitFor();
    const detailName = (await name.textContent())?.trim() ?? '';
    const detailPrice = (await visible('.detail-price').first().textContent())?.trim() ?? '';
    assert(detailName === firstProduct.name, `detail name "${detailName}" != tapped card "${firstProduct.name}"`);
    assert(PRICE.test(detailPrice), `detail price "${detailPrice}" is not ¥0.00`);
    const skus = await visible('.sku-item').count();
    console.log(`    ${detailName} ${detailPrice}, ${skus} SKU(s)`);
    await page.waitForTimeout(400);
    await shot('detail');
    await page.goBack();
    await visible('.weui-tabbar__item').first().waitFor();
  });

  test('分类 tab shows categories and their products', async () => {
    await clickTab('分类');
    await visible('.category-tab').first().waitFor();
    await visible('.category-products .product-card .product-name').first().waitFor();
    const firstNames = await visible('.category-products .product-name').allTextContents();
    const prices = await visible('.category-products .product-price').allTextContents();
    assert(firstNames.length > 0, 'no products in the first category');
    assert(
      prices.every((p) => PRICE.test(p.trim())),
      `bad prices: ${JSON.stringify(prices)}`,
    );
    const tabs = visible('.category-tab');
    const tabCount = await tabs.count();
    if (tabCount > 1) {
      await tabs.nth(1).click();
      await visible('.category-tab--active')
        .filter({ hasText: (await tabs.nth(1).textContent())?.trim() ?? '' })
        .waitFor();
      await visible('.category-products .product-card, .category-products .state-empty').first().waitFor();
    }
    console.log(`    ${tabCount} categories, ${firstNames.length} products in the first`);
    await page.waitForTimeout(400);
    await shot('category');
  });

  test('购物车 tab shows the empty cart', async () => {
    await clickTab('购物车');
    await visible('.cart-page .state-empty').first().waitFor();
    const title = (await visible('.cart-page .state-empty__title').first().textContent())?.trim();
    assert(title === '购物车还是空的', `cart title is "${title}"`);
    await shot('cart');
  });

  const cartItem = { name: '', price: '', skuId: 0 };
  test('a guest adds a product to the cart from its detail page: kept on the phone, counted on the tab', async () => {
    await clickTab('首页');
    await visible('.home-page .product-card').first().click();
    await page.waitForURL(/\/packages\/product\/pages\/detail\/index\?id=\d+/);
    await visible('.detail-name').first().waitFor();
    cartItem.name = (await visible('.detail-name').first().textContent())?.trim() ?? '';
    cartItem.price = (await visible('.sku-item--selected .sku-item__price').first().textContent())?.trim() ?? '';
    await visible('.add-to-cart').first().click();
    await page.getByText('已加入购物车').first().waitFor();
    await visible('.add-to-cart').first().click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.cart-shortcut-count')].some((n) => n.textContent?.trim() === '2'),
    );
    await shot('cart-detail-added');
    const store = await appStore();
    assert(store?.session?.member === null, 'the guest has a member session before logging in');
    assert(
      store?.cart?.lines?.length === 1 && store.cart.lines[0].quantity === 2,
      `guest cart: ${JSON.stringify(store?.cart)}`,
    );
    cartItem.skuId = store.cart.lines[0].skuId;

    await visible('.cart-shortcut').first().click();
    await page.waitForURL(/\/pages\/cart\/index/);
    const line = visible('.cart-line').first();
    await line.waitFor();
    const name = (await line.locator('.line-name').textContent())?.trim();
    assert(name === cartItem.name, `cart line "${name}" != "${cartItem.name}"`);
    assert((await line.locator('.line-quantity').textContent())?.trim() === '2', 'guest line quantity is not 2');
    const subtotal = (await visible('.cart-subtotal').first().textContent())?.trim() ?? '';
    assert(fenOf(subtotal) === 2 * fenOf(cartItem.price), `subtotal ${subtotal} != 2 × ${cartItem.price}`);
    assert((await cartBadge()) === '2', `tab badge reads "${await cartBadge()}"`);
    await shot('cart-guest');
  });

  test('我的 tab: a new visitor is logged in silently and invited to join', async () => {
    await clickTab('我的');
    await visible('.member-card').first().waitFor();
    const join = visible('.signup-button').first();
    await join.waitFor();
    assert((await join.textContent())?.includes('成为会员'), 'no 成为会员 button');
    const entries = await visible('.mine-entry__title').allTextContents();
    for (const want of ['会员码', '我的券', '个人信息与隐私', '门店模式']) {
      assert(entries.includes(want), `missing entry ${want} (got ${JSON.stringify(entries)})`);
    }
    await shot('mine-guest');
  });

  let memberToken = '';
  test("logging in merges the guest cart into the member's server cart, once", async () => {
    await page.waitForFunction(() => {
      const raw = localStorage.getItem('tidepool-store') ?? '{}';
      const outer = JSON.parse(raw);
      const state = (typeof outer?.data === 'string' ? JSON.parse(outer.data) : outer)?.state;
      return Boolean(state?.session?.member?.token) && state?.cart?.lines?.length === 0;
    });
    memberToken = (await appStore())?.session?.member?.token ?? '';
    const server = await api('/api/cart', { token: memberToken });
    assert(
      server.lines.length === 1 && server.lines[0].skuId === cartItem.skuId && server.lines[0].quantity === 2,
      `server cart after login: ${JSON.stringify(server.lines)}`,
    );
    await clickTab('购物车');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.cart-line .line-quantity')].some((n) => n.textContent?.trim() === '2'),
    );
    assert((await visible('.cart-line').count()) === 1, 'the merged cart does not show exactly one line');
    assert((await cartBadge()) === '2', `tab badge reads "${await cartBadge()}" after the merge`);
    await shot('cart-member');
  });

  test('the member changes a quantity with the stepper; the server keeps it', async () => {
    const line = visible('.cart-line').first();
    await line.locator('.stepper-plus').click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.cart-line .line-quantity')].some((n) => n.textContent?.trim() === '3'),
    );
    const subtotal = (await visible('.cart-subtotal').first().textContent())?.trim() ?? '';
    assert(fenOf(subtotal) === 3 * fenOf(cartItem.price), `subtotal ${subtotal} != 3 × ${cartItem.price}`);
    const server = await api('/api/cart', { token: memberToken });
    assert(server.lines[0]?.quantity === 3, `server quantity ${server.lines[0]?.quantity}`);
    await line.locator('.line-check').click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.cart-subtotal')].some((n) => n.textContent?.trim() === '¥0.00'),
    );
    await line.locator('.line-check').click();
    await page.waitForFunction(
      (text) => [...document.querySelectorAll('.cart-subtotal')].some((n) => n.textContent?.trim() === text),
      subtotal,
    );
    await shot('cart-quantity');
  });

  test('deleting a line asks first; confirmed, the cart is empty and links home', async () => {
    await visible('.cart-line .line-delete').first().click();
    await confirmModal(page, '再想想');
    await page.waitForTimeout(300);
    assert((await visible('.cart-line').count()) === 1, 'the line went away although the delete was cancelled');
    await visible('.cart-line .line-delete').first().click();
    await page.locator('.taro-modal__foot').locator('visible=true').first().waitFor();
    await shot('cart-delete-confirm');
    await confirmModal(page, '删除');
    await visible('.cart-page .state-empty').first().waitFor();
    const server = await api('/api/cart', { token: memberToken });
    assert(server.lines.length === 0, `server cart after delete: ${JSON.stringify(server.lines)}`);
    // The tab badge follows the cart store a moment after the line goes: give it up to 3 s.
    let badge = await cartBadge();
    for (let i = 0; badge !== '' && i < 30; i++) {
      await page.waitForTimeout(100);
      badge = await cartBadge();
    }
    assert(badge === '', `the tab badge still reads "${badge}" for an empty cart`);
    await shot('cart-empty-member');
    await visible('.cart-page .state-empty__action').first().click();
    await visible('.home-page .product-card').first().waitFor();
  });

  // What the cashier would print: the store's signup code, and the name the landing page must greet with.
  let signup = { h5Url: '', storeName: '' };
  test('the store signup link greets the shopper with the store name', async () => {
    const staff = await api('/api/auth/staff-login', { method: 'POST', body: CASHIER });
    const code = await api(`/api/stores/${staff.storeId}/signup-code`, { token: staff.accessToken });
    const info = await api(`/api/signup-codes/${encodeURIComponent(code.token)}`);
    signup = { h5Url: code.h5Url, storeName: info.storeName };
    assert(code.h5Url.startsWith('/packages/member/pages/signup/index?token='), `unexpected h5Url ${code.h5Url}`);
    await page.goto(`${BASE_URL}${code.h5Url}`, { waitUntil: 'domcontentloaded' });
    const welcome = visible('.signup-welcome').first();
    await welcome.waitFor();
    await page.waitForFunction(
      (name) => [...document.querySelectorAll('.signup-welcome')].some((n) => n.textContent?.includes(name)),
      info.storeName,
    );
    const text = (await welcome.textContent())?.trim();
    assert(text === `欢迎加入 ${info.storeName}`, `welcome reads "${text}"`);
    await shot('signup');
  });

  test('signup needs consent, then joins with the H5 phone field and shows the shopping-bag gift', async () => {
    await visible('.phone-input input').first().fill(PHONE);
    await visible('.signup-submit').first().click();
    await page.getByText('请先阅读并同意会员隐私政策').first().waitFor({ timeout: 5_000 });
    await visible('.consent-checkbox').first().click();
    await visible('.consent__box--checked').first().waitFor();
    await visible('.signup-submit').first().click();
    await visible('.signup-success').first().waitFor();
    const gifts = await visible('.voucher-title').allTextContents();
    assert(
      gifts.some((g) => g.includes('购物袋')),
      `no shopping-bag gift after signup (got ${JSON.stringify(gifts)})`,
    );
    await shot('signup-done');
  });

  let memberCode = '';
  test('the member code page shows the barcode, the QR and the 18 digits (masked until tapped)', async () => {
    await visible('.show-code-button').first().click();
    await page.waitForURL(/\/packages\/member\/pages\/code\/index/);
    const digits = visible('.member-code-digits').first();
    await digits.waitFor();
    const masked = (await digits.textContent())?.trim() ?? '';
    assert(/^\d{4}( \*{4}){3} \*{2}$/.test(masked), `digits not masked: "${masked}"`);
    for (const selector of ['.code-barcode img', '.code-qr img']) {
      const loaded = await visible(selector)
        .first()
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
      assert(loaded, `${selector} did not load`);
    }
    const countdown = (await visible('.code-countdown').first().textContent())?.trim() ?? '';
    assert(/^\d{1,2} 秒后自动刷新$/.test(countdown), `countdown reads "${countdown}"`);
    await visible('.reveal-code').first().click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.member-code-digits')].some((n) => /^[\d ]{22}$/.test(n.textContent ?? '')),
    );
    memberCode = ((await digits.textContent()) ?? '').replace(/\s+/g, '');
    assert(/^[1-9]\d{17}$/.test(memberCode), `member code "${memberCode}" is not 18 digits`);
    console.log(`    member code ${memberCode.slice(0, 4)}…`);
    await shot('member-code');
  });

  test('a cashier logs in to store mode from 我的', async () => {
    // The cashier: another phone (browser context), store mode from 我的.
    till = await phones.open();
    tillVisible = visibleIn(till);
    await till.goto(`${BASE_URL}/pages/mine/index`, { waitUntil: 'domcontentloaded' });
    await tillVisible('.mine-entry').filter({ hasText: '门店模式' }).first().click();
    await till.waitForURL(/\/packages\/store\/pages\/login\/index/);
    await tillVisible('.staff-username input').first().fill(CASHIER.username);
    await tillVisible('.staff-password input').first().fill('wrong-password');
    phones.expectFailure('401 POST /api/auth/staff-login');
    await tillVisible('.staff-login-button').first().click();
    const error = tillVisible('.store-login-error').first();
    await error.waitFor();
    assert((await error.textContent())?.includes('账号或密码错误'), 'no 账号或密码错误 for a wrong password');
    await tillVisible('.staff-password input').first().fill(CASHIER.password);
    await tillVisible('.staff-login-button').first().click();
    await till.waitForURL(/\/packages\/store\/pages\/scan\/index/);
    await tillVisible('.staff-name').first().waitFor();
    await shot('store-scan', till);
  });

  test('the cashier types the member code and sees the member, phone masked', async () => {
    assert(memberCode, 'no member code from the member page');
    await tillVisible('.member-code-input input').first().fill(memberCode);
    await tillVisible('.lookup-button').first().click();
    await tillVisible('.member-summary').first().waitFor();
    const phone = (await tillVisible('.summary-phone').first().textContent())?.trim();
    assert(phone === '138****8000', `phone shown as "${phone}"`);
    const tier = (await tillVisible('.summary-tier').first().textContent())?.trim();
    assert(tier === '普卡', `tier shown as "${tier}"`);
    const vouchers = await tillVisible('.member-summary .voucher-title').allTextContents();
    assert(
      vouchers.some((v) => v.includes('购物袋')),
      `no shopping-bag voucher for the cashier (got ${JSON.stringify(vouchers)})`,
    );
    await shot('store-summary', till);
  });

  test('the cashier redeems the shopping-bag voucher after confirming', async () => {
    const card = tillVisible('.member-summary .voucher-card').filter({ hasText: '购物袋' }).first();
    await card.locator('.redeem-button').click();
    await confirmModal(till, '确认核销');
    await till.getByText('核销成功').first().waitFor({ timeout: 5_000 });
    await card.locator('.voucher-status').waitFor();
    const status = (await card.locator('.voucher-status').textContent())?.trim();
    assert(status === '已使用', `voucher status after redeeming is "${status}"`);
    assert((await card.locator('.redeem-button').count()) === 0, 'the 核销 button is still there');
    await shot('store-redeemed', till);
  });

  test('the same member code is refused the second time (会员码已使用)', async () => {
    phones.expectFailure('409 POST /api/store-mode/scans');
    await tillVisible('.member-code-input input').first().fill(memberCode);
    await tillVisible('.lookup-button').first().click();
    const error = tillVisible('.scan-error').first();
    await error.waitFor();
    const text = (await error.textContent())?.trim() ?? '';
    assert(text.includes('会员码已使用'), `scan error reads "${text}"`);
    assert((await tillVisible('.member-summary').count()) === 0, 'a member summary is still shown');
    await shot('store-code-used', till);
  });

  test('store mode shows the store signup code image and its token', async () => {
    await tillVisible('.signup-code-link').first().click();
    await till.waitForURL(/\/packages\/store\/pages\/signup-code\/index/);
    const image = tillVisible('.signup-code-image img').first();
    await image.waitFor();
    await till.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.signup-code-image img')].some(
        (img) => img.complete && img.naturalWidth > 0,
      ),
    );
    const h5Url = (await tillVisible('.signup-code-h5-url').first().textContent())?.trim();
    assert(h5Url === signup.h5Url, `h5 link "${h5Url}" != "${signup.h5Url}"`);
    await shot('store-signup-code', till);
  });

  test('back on the phone: 我的 shows the new member, the voucher is under 已使用', async () => {
    await page.goto(`${BASE_URL}/pages/mine/index`, { waitUntil: 'domcontentloaded' });
    const tierName = visible('.tier-name').first();
    await tierName.waitFor();
    assert((await tierName.textContent())?.trim() === '普卡', 'tier is not 普卡');
    const tip = (await visible('.member-card__tip').first().textContent()) ?? '';
    assert(tip.includes('138****8000'), `masked phone missing from the card: "${tip}"`);
    assert(tip.includes(signup.storeName), `signup store missing from the card: "${tip}"`);
    assert(await visible('.tier-progress__fill').first().isVisible(), 'no tier progress bar');
    await shot('mine-member');
    await visible('.mine-entry').filter({ hasText: '我的券' }).first().click();
    await page.waitForURL(/\/packages\/member\/pages\/vouchers\/index/);
    await visible('.voucher-tab').filter({ hasText: '已使用' }).first().click();
    await visible('.voucher-tab--active').filter({ hasText: '已使用' }).waitFor();
    const used = visible('.voucher-list .voucher-card').filter({ hasText: '购物袋' }).first();
    await used.waitFor();
    assert((await used.textContent())?.includes(signup.storeName), 'redeemed voucher does not name the store');
    await shot('vouchers-used');
  });

  test('积分: 我的 → the points page shows the balance; the mall lists gifts; too few points to redeem', async () => {
    await page.goto(`${BASE_URL}/pages/mine/index`, { waitUntil: 'domcontentloaded' });
    await visible('.stat-points-link').first().click();
    await page.waitForURL(/\/packages\/loyalty\/pages\/points\/index/);
    const balance = visible('.points-balance').first();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.points-balance')].some((n) => /^\d+$/.test(n.textContent ?? '')),
    );
    const shown = (await balance.textContent())?.trim();
    assert(shown === '0', `points balance reads "${shown}"`);
    await visible('.points-history .state-empty').first().waitFor();
    await shot('points');
    await visible('.mall-link').first().click();
    await page.waitForURL(/\/packages\/loyalty\/pages\/mall\/index/);
    await visible('.gift-card .gift-name').first().waitFor();
    const gifts = await visible('.gift-card .gift-name').allTextContents();
    assert(gifts.length >= 6, `expected the demo gifts, got ${JSON.stringify(gifts)}`);
    await page.waitForTimeout(400); // let images paint
    await shot('points-mall');
    await visible('.gift-card').first().click();
    await page.waitForURL(/\/packages\/loyalty\/pages\/gift\/index\?id=\d+/);
    const button = visible('.redeem-gift-button').first();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.redeem-gift-button')].some((n) => n.textContent?.trim() === '积分不足'),
    );
    assert((await button.textContent())?.trim() === '积分不足', 'the redeem button does not say 积分不足');
    await shot('gift');
  });

  test('个人信息与隐私: export shows the full phone; deleting the account returns to 成为会员', async () => {
    await page.goto(`${BASE_URL}/packages/member/pages/privacy/index`, { waitUntil: 'domcontentloaded' });
    await visible('.export-button').first().click();
    const json = visible('.export-json').first();
    await json.waitFor();
    const exported = JSON.parse((await json.textContent()) ?? '{}');
    assert(exported.member?.phone === PHONE, `export has phone ${exported.member?.phone}`);
    assert(exported.vouchers?.length >= 1, 'export lists no vouchers');
    await shot('privacy-export');
    await visible('.delete-account-button').first().click();
    await confirmModal(page, '确认注销');
    await page.waitForURL(/\/pages\/mine\/index/);
    await visible('.signup-button').first().waitFor();
    await shot('mine-after-delete');
  });

  // Loyalty at the till (issue 4), on a Wednesday (the runner starts the server clock with TIDEPOOL_NOW): a second
  // shopper joins; the cashier records ¥306 (会员日满68减6 → ¥300 paid → 3000 growth → 银卡); on the next scan ¥80
  // pays ¥72 (会员日满68减8) and the lost answer of the first confirm is retried without awarding twice; 我的 shows
  // the points and growth; the cashier refunds it from 门店交易 and 我的 goes back.
  const SHOPPER_PHONE = '13800138001';
  const SHOPPER_MASKED = '138****8001';
  let shopperCode = '';

  /** The member code on the shopper's phone, unmasked; `refresh` asks for a new credential (a used code is gone). */
  async function readShopperCode({ refresh = false } = {}) {
    if (!/\/packages\/member\/pages\/code\/index/.test(shopper.url())) {
      await shopper.goto(`${BASE_URL}/packages/member/pages/code/index`, { waitUntil: 'domcontentloaded' });
    }
    const digits = shopperVisible('.member-code-digits').first();
    await digits.waitFor();
    if (refresh) {
      await shopperVisible('.code-refresh__action').first().click();
      await shopper.getByText('会员码已刷新').first().waitFor({ timeout: 5_000 });
    }
    const masked = await digits.textContent();
    if (/\*/.test(masked ?? '')) await shopperVisible('.reveal-code').first().click();
    await shopper.waitForFunction(
      (previous) =>
        [...document.querySelectorAll('.member-code-digits')].some((n) => {
          const code = (n.textContent ?? '').replace(/\s+/g, '');
          return /^\d{18}$/.test(code) && code !== previous;
        }),
      shopperCode,
    );
    return ((await digits.textContent()) ?? '').replace(/\s+/g, '');
  }

  /** The cashier identifies the shopper by the code on their phone. */
  async function tillScan(code: string) {
    if (!/\/packages\/store\/pages\/scan\/index/.test(till.url())) {
      await till.goto(`${BASE_URL}/packages/store/pages/scan/index`, { waitUntil: 'domcontentloaded' });
    }
    await tillVisible('.member-code-input input').first().fill(code);
    await tillVisible('.lookup-button').first().click();
    await tillVisible('.member-summary').first().waitFor();
    const phone = (await tillVisible('.summary-phone').first().textContent())?.trim();
    assert(phone === SHOPPER_MASKED, `the till shows ${phone}, not the shopper`);
  }

  /** Types the amount and waits for the quote of exactly that amount. */
  async function tillQuote(amount: string, wantPayable: string) {
    await tillVisible('.till-amount-input input').first().fill(amount);
    await till.waitForFunction(
      (want) => [...document.querySelectorAll('.till-payable')].some((n) => n.textContent?.trim() === want),
      wantPayable,
    );
    await till.waitForFunction(() => !document.querySelector('.till-quote--loading'));
  }

  async function memberNumbers() {
    await shopper.goto(`${BASE_URL}/pages/mine/index`, { waitUntil: 'domcontentloaded' });
    await shopperVisible('.tier-name').first().waitFor();
    return {
      tier: (await shopperVisible('.tier-name').first().textContent())?.trim(),
      points: Number((await shopperVisible('.stat-points').first().textContent())?.trim()),
      growth: Number((await shopperVisible('.stat-growth').first().textContent())?.trim()),
    };
  }

  test('the e2e server clock is on a Wednesday in Shanghai (TIDEPOOL_NOW)', async () => {
    shopper = await phones.open();
    shopperVisible = visibleIn(shopper);
    const { now } = await api('/api/time');
    const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'Asia/Shanghai' }).format(
      new Date(now),
    );
    assert(weekday === 'Wednesday', `server time ${now} is a ${weekday}: start it with TIDEPOOL_NOW on a Wednesday`);
  });

  test('a second shopper joins and the operator hands them a 满99减20 coupon', async () => {
    await shopper.goto(`${BASE_URL}${signup.h5Url}`, { waitUntil: 'domcontentloaded' });
    await shopperVisible('.phone-input input').first().fill(SHOPPER_PHONE);
    await shopperVisible('.consent-checkbox').first().click();
    await shopperVisible('.signup-submit').first().click();
    await shopperVisible('.signup-success').first().waitFor();
    // The operator's console is not part of the mini program: issue the coupon over the admin API.
    const stored = await shopper.evaluate(() => localStorage.getItem('tidepool-device-id'));
    let device = stored ?? '';
    try {
      device = JSON.parse(stored ?? '""')?.data ?? JSON.parse(stored ?? '""');
    } catch {
      // stored as the bare string
    }
    assert(typeof device === 'string' && device.length >= 16, `no device id in storage (${stored})`);
    const member = await api('/api/auth/wechat-login', { method: 'POST', body: { code: `dev-${device}` } });
    const me = await api('/api/me', { token: member.accessToken });
    const operator = await api('/api/auth/staff-login', {
      method: 'POST',
      body: { username: 'operator', password: CASHIER.password },
    });
    const issued = await api('/api/admin/coupon-templates/FULL_99_MINUS_20/issue', {
      method: 'POST',
      token: operator.accessToken,
      body: { memberIds: [me.id], batch: `e2e-${Date.now()}` },
    });
    assert(issued.issued === 1, `issued ${JSON.stringify(issued)}`);
  });

  test('我的券 shows the coupon under 可用 with its label, threshold and validity', async () => {
    await shopper.goto(`${BASE_URL}/packages/member/pages/vouchers/index`, { waitUntil: 'domcontentloaded' });
    const card = shopperVisible('.coupon-list .coupon-card').filter({ hasText: '满99减20' }).first();
    await card.waitFor();
    const terms = (await card.locator('.coupon-terms').textContent())?.trim() ?? '';
    assert(terms.startsWith('满¥99.00可用'), `coupon terms read "${terms}"`);
    const validity = (await card.locator('.coupon-validity').textContent())?.trim() ?? '';
    // One format (shared formatter): full dates, with the times when an end is not a whole day.
    assert(
      /^有效期 \d{4}-\d{2}-\d{2}( \d{2}:\d{2})? 至 \d{4}-\d{2}-\d{2}/.test(validity),
      `coupon validity reads "${validity}"`,
    );
    const bag = shopperVisible('.voucher-list .voucher-card').filter({ hasText: '购物袋' });
    assert((await bag.count()) === 1, 'the shopping-bag voucher is not listed beside the coupon');
    await shot('wallet-coupons', shopper, { fullPage: true });
    await shopperVisible('.voucher-tab').filter({ hasText: '已使用' }).first().click();
    await shopperVisible('.voucher-tab--active').filter({ hasText: '已使用' }).waitFor();
    await shopperVisible('.state-empty').first().waitFor();
    assert((await shopperVisible('.coupon-card').count()) === 0, 'an unused coupon is listed under 已使用');
  });

  test('the till refuses bad amounts in Chinese, then records ¥306 → ¥300 paid, 3000 growth', async () => {
    shopperCode = await readShopperCode();
    await tillScan(shopperCode);
    assert((await tillVisible('.summary-tier').first().textContent())?.trim() === '普卡', 'the shopper is not 普卡');
    const amountError = async (typed: string, want: string) => {
      await tillVisible('.till-amount-input input').first().fill(typed);
      const error = tillVisible('.till-amount-error').first();
      await error.waitFor();
      const text = (await error.textContent())?.trim();
      assert(text === want, `amount "${typed}" says "${text}", not "${want}"`);
    };
    await amountError('0', '金额需大于 0 元');
    await amountError('80.505', '金额最多两位小数（精确到分）');
    await amountError('100000.01', '单笔金额不能超过 ¥100000.00');
    await shot('till-amount-error', till, { fullPage: true });
    assert(await tillVisible('.till-confirm.btn--disabled').first().isVisible(), 'confirm is enabled without a quote');
    await tillQuote('306', '¥300.00');
    const discounts = await tillVisible('.till-quote .till-discount__label').allTextContents();
    assert(discounts.join() === '会员日满68减6', `discounts ${JSON.stringify(discounts)}`);
    const earn = (await tillVisible('.till-earn-text').first().textContent())?.trim();
    assert(earn === '本单可得 300 积分 · 3000 成长值', `earn reads "${earn}"`);
    // The payment method is never assumed: confirm stays disabled until the cashier picks one.
    assert(await tillVisible('.till-confirm.btn--disabled').first().isVisible(), 'confirm is enabled without a method');
    await tillVisible('.till-methods__hint').first().waitFor();
    await tillVisible('.till-method').filter({ hasText: '微信支付' }).first().click();
    await tillVisible('.till-confirm:not(.btn--disabled)').first().waitFor();
    await tillVisible('.till-confirm').first().click();
    await confirmModal(till, '确认收款');
    await tillVisible('.till-receipt').first().waitFor();
    const paid = (await tillVisible('.receipt-paid').first().textContent())?.trim();
    assert(paid === '¥300.00', `receipt says paid ${paid}`);
    const method = (await tillVisible('.receipt-method').first().textContent())?.trim();
    assert(method === '支付方式 微信支付', `receipt says "${method}"`);
    const points = (await tillVisible('.receipt-points').first().textContent())?.trim();
    const growth = (await tillVisible('.receipt-growth').first().textContent())?.trim();
    assert(points === '300' && growth === '3000', `receipt awards ${points} points, ${growth} growth`);
    await tillVisible('.till-next').first().click();
    await tillVisible('.member-summary').first().waitFor({ state: 'detached' });
  });

  test('我的 shows the shopper as 银卡 with 300 积分 and 3000 成长值', async () => {
    const numbers = await memberNumbers();
    assert(
      numbers.tier === '银卡' && numbers.points === 300 && numbers.growth === 3000,
      `我的 shows ${JSON.stringify(numbers)}`,
    );
  });

  let saleCountBefore = 0;
  test('silver on a Wednesday: ¥80 quotes 会员日满68减8, ¥72.00 payable, 108 积分 · 720 成长值', async () => {
    shopperCode = await readShopperCode({ refresh: true });
    await tillScan(shopperCode);
    assert((await tillVisible('.summary-tier').first().textContent())?.trim() === '银卡', 'the till does not see 银卡');
    await tillQuote('80', '¥72.00');
    const discounts = await tillVisible('.till-quote .till-discount').allTextContents();
    assert(discounts.join() === '会员日满68减8-¥8.00', `discounts ${JSON.stringify(discounts)}`);
    const earn = (await tillVisible('.till-earn-text').first().textContent())?.trim();
    assert(earn === '本单可得 108 积分 · 720 成长值', `earn reads "${earn}"`);
    assert(await tillVisible('.till-badge--member-day').first().isVisible(), 'no 会员日 badge');
    // The 满99减20 coupon is offered but ¥80 is short of its threshold: choosing it is refused, in Chinese.
    const coupon = tillVisible('.till-coupon').filter({ hasText: '满99减20' }).first();
    assert(((await coupon.textContent()) ?? '').includes('还差 ¥19.00 可用'), 'the coupon does not say ¥19 short');
    phones.expectFailure('409 POST /api/store-mode/purchases/quote');
    await coupon.click();
    const quoteError = tillVisible('.till-quote-error').first();
    await quoteError.waitFor();
    assert((await quoteError.textContent())?.trim() === '未达到该优惠券的使用门槛', 'no threshold error');
    await shot('till-coupon-refused', till, { fullPage: true });
    await coupon.click();
    await till.waitForFunction(() =>
      [...document.querySelectorAll('.till-payable')].some((n) => n.textContent?.trim() === '¥72.00'),
    );
    saleCountBefore = (await api('/api/store-mode/purchases', { token: (await tillToken()).token })).total;
    await shot('till-quote', till, { fullPage: true });
  });

  /** The cashier's token as the till holds it (for reading the store's sales over the API). */
  async function tillToken() {
    return api('/api/auth/staff-login', { method: 'POST', body: CASHIER }).then((r) => ({ token: r.accessToken }));
  }

  test('the confirm whose answer is lost is retried with the same clientId: one sale, points once', async () => {
    let attempts = 0;
    const bodies: Json[] = [];
    await till.route('**/api/store-mode/purchases', async (route) => {
      attempts++;
      bodies.push(route.request().postDataJSON());
      if (attempts === 1) {
        await route.fetch(); // the server records the sale…
        await route.abort('connectionreset'); // …and the till never hears back
      } else {
        await route.continue();
      }
    });
    try {
      await tillVisible('.till-method').filter({ hasText: '现金' }).first().click();
      await tillVisible('.till-confirm').first().click();
      await confirmModal(till, '确认收款');
      const alert = tillVisible('.till-submit-error').first();
      await alert.waitFor();
      assert((await alert.textContent())?.trim() === '网络异常，请重试（不会重复积分）', 'no retry hint');
      await shot('till-retry', till, { fullPage: true });
      await tillVisible('.till-retry').first().click();
      await tillVisible('.till-receipt').first().waitFor();
    } finally {
      await till.unroute('**/api/store-mode/purchases');
    }
    assert(attempts === 2, `${attempts} purchase requests`);
    assert(bodies[0].clientId === bodies[1].clientId, `the retry sent a new clientId (${JSON.stringify(bodies)})`);
    assert(/^[A-Za-z0-9_-]{8,64}$/.test(bodies[0].clientId), `clientId ${bodies[0].clientId}`);
    const paid = (await tillVisible('.receipt-paid').first().textContent())?.trim();
    const points = (await tillVisible('.receipt-points').first().textContent())?.trim();
    const growth = (await tillVisible('.receipt-growth').first().textContent())?.trim();
    assert(paid === '¥72.00' && points === '108' && growth === '720', `receipt: ${paid}, ${points}, ${growth}`);
    const after = (await api('/api/store-mode/purchases', { token: (await tillToken()).token })).total;
    assert(after === saleCountBefore + 1, `${after - saleCountBefore} sales recorded for one confirm`);
    await shot('till-receipt', till, { fullPage: true });
  });

  test('我的 shows 408 积分 and 3720 成长值 after the ¥72 sale', async () => {
    const numbers = await memberNumbers();
    assert(numbers.points === 408 && numbers.growth === 3720, `我的 shows ${JSON.stringify(numbers)}`);
    await shot('mine-after-till', shopper);
  });

  test('门店交易 lists the sale; the cashier refunds it after the warning', async () => {
    await tillVisible('.sales-link').first().click();
    await till.waitForURL(/\/packages\/store\/pages\/sales\/index/);
    const row = tillVisible('.sale-row').first();
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    for (const want of [SHOPPER_MASKED, '¥72.00', '+108 积分', '已完成']) {
      assert(rowText.includes(want), `the newest sale row "${rowText}" lacks ${want}`);
    }
    assert((await tillVisible('.sale-row').count()) === saleCountBefore + 1, 'the list does not hold every sale');
    await shot('store-sales', till, { fullPage: true });
    await row.click();
    const detail = tillVisible('.sale-detail').first();
    await detail.waitFor();
    const discounts = await tillVisible('.sale-detail-discount').allTextContents();
    assert(discounts.join() === '会员日满68减8-¥8.00', `detail discounts ${JSON.stringify(discounts)}`);
    await shot('store-sale-detail', till, { fullPage: true });
    await tillVisible('.refund-button').first().click();
    await till.locator('.taro-modal__content', { hasText: '退款将扣回本单积分和成长值，并退回使用的优惠券' }).waitFor();
    await confirmModal(till, '确认退款');
    await detail.locator('.sale-status--refunded').waitFor();
    assert((await tillVisible('.refund-button').count()) === 0, 'the 退款 button is still there');
    await tillVisible('.sale-detail-close').first().click();
    await till.waitForFunction(() => {
      const first = document.querySelector('.sale-row');
      return first?.textContent?.includes('已退款');
    });
    await shot('store-sales-refunded', till, { fullPage: true });
  });

  test('back on 我的: 300 积分 and 3000 成长值 again, still 银卡', async () => {
    const numbers = await memberNumbers();
    assert(
      numbers.tier === '银卡' && numbers.points === 300 && numbers.growth === 3000,
      `我的 shows ${JSON.stringify(numbers)}`,
    );
    await shot('mine-after-refund', shopper);
  });

  // Online orders (issue 5), still on the Wednesday, by the same 银卡 shopper: the earbuds (¥99) with 立即购买; checkout
  // shows 会员日满68减8 and the price the server quotes; 快递配送 with an address; the order waits for payment with
  // its countdown; 取消订单 returns the stock and coupons. Payment runs only where POST /api/orders/:id/pay exists.
  const yuan = (fenAmount: number) => `¥${Math.floor(fenAmount / 100)}.${String(fenAmount % 100).padStart(2, '0')}`;
  const ADDRESS = {
    recipientName: '李四',
    phone: '13900139000',
    region: '上海市 静安区',
    detail: '南京西路1266号 8楼',
  };
  let earbuds: Json = null;
  let checkoutQuote: Json = null;
  let orderId = 0;

  /** The shopper's member token (the browser's device id logs in as the same member). */
  async function shopperToken() {
    const stored = await shopper.evaluate(() => localStorage.getItem('tidepool-device-id'));
    let device = stored ?? '';
    try {
      device = JSON.parse(stored ?? '""')?.data ?? JSON.parse(stored ?? '""');
    } catch {
      // stored as the bare string
    }
    return (await api('/api/auth/wechat-login', { method: 'POST', body: { code: `dev-${device}` } })).accessToken;
  }

  /** From the product page: 立即购买 with the first SKU in stock. */
  const buyNow = (product: { id: number }) => openCheckout(shopper, product.id);

  async function fillAddress(address: typeof ADDRESS) {
    await shopperVisible('.address-name input').first().fill(address.recipientName);
    await shopperVisible('.address-phone input').first().fill(address.phone);
    await shopperVisible('.address-region input').first().fill(address.region);
    await shopperVisible('.address-detail input').first().fill(address.detail);
  }

  /** 提交订单; answers where the browser went: the order page, or the payment simulator's page. */
  async function submitOrderAndWait() {
    const payAnswer = shopper
      .waitForResponse((res) => /\/api\/orders\/\d+\/pay$/.test(new URL(res.url()).pathname), { timeout: WAIT_MS })
      .catch(() => null);
    await shopperVisible('.submit-order').first().click();
    const pay = await payAnswer;
    assert(pay, 'submitting made no payment request');
    // The pay route is part of this server: a 404 is a broken build, not a server without payments.
    assert(pay.status() !== 404, `the pay route answered 404 with ${await pay.text().catch(() => '')}`);
    await shopper.waitForURL((url) => !url.pathname.startsWith('/packages/order/pages/checkout/'));
    return shopper.url().includes('/packages/order/pages/detail/') ? 'order' : 'pay-page';
  }

  test('立即购买 opens checkout: the earbuds, 会员日满68减8 and the payable the server quotes', async () => {
    const found = await api(`/api/catalog/products?keyword=${encodeURIComponent('蓝牙耳机')}`);
    earbuds = found.items[0];
    assert(earbuds, 'no earbuds in the catalogue');
    await buyNow(earbuds);
    const skuId = Number(/items=(\d+)x1/.exec(shopper.url())?.[1]);
    checkoutQuote = await api('/api/orders/quote', {
      method: 'POST',
      token: await shopperToken(),
      body: { lines: [{ skuId, quantity: 1 }] },
    });
    const name = (await shopperVisible('.order-line-name').first().textContent())?.trim();
    assert(name === earbuds.name, `checkout shows "${name}", not ${earbuds.name}`);
    const banner = (await shopperVisible('.member-day-banner-text').first().textContent())?.trim();
    assert(banner === '本单已享会员日满68减8', `member-day banner reads "${banner}"`);
    const labels = await shopperVisible('.breakdown-discount__label').allTextContents();
    assert(labels.includes('会员日满68减8'), `discount lines ${JSON.stringify(labels)}`);
    const payable = (await shopperVisible('.breakdown-payable').first().textContent())?.trim();
    assert(payable === yuan(checkoutQuote.payableFen), `payable ${payable}, quoted ${yuan(checkoutQuote.payableFen)}`);
    const subtotal = (await shopperVisible('.breakdown-subtotal').first().textContent())?.trim();
    assert(subtotal === '¥99.00', `商品金额 ${subtotal}`);
    const note = (await shopperVisible('.breakdown-note').first().textContent())?.trim();
    assert(note === `本单可得 ${checkoutQuote.pointsToEarn} 积分`, `points note "${note}"`);
    console.log(`    ${labels.join(' + ')} → ${payable}, ${checkoutQuote.pointsToEarn} 积分`);
    await shot('checkout', shopper, { fullPage: true });
  });

  test('the coupon sheet lists the 满99减20 coupon (usable, or greyed with why) and 不使用优惠券', async () => {
    await shopperVisible('.coupon-row').first().click();
    const card = shopperVisible('.coupon-sheet .checkout-coupon').filter({ hasText: '满99减20' }).first();
    await card.waitFor();
    const option = checkoutQuote.coupons.find((c: Json) => c.coupon.label === '满99减20');
    assert(option, 'the quote does not offer the 满99减20 coupon');
    const greyed = await card.evaluate((n) => n.classList.contains('checkout-coupon--disabled'));
    assert(greyed === !option.usable, `the card is ${greyed ? 'greyed' : 'selectable'} but usable=${option.usable}`);
    if (!option.usable && option.shortfallFen) {
      const text = (await card.textContent()) ?? '';
      assert(text.includes(`还差 ${yuan(option.shortfallFen)} 可用`), `no shortfall on the card: "${text}"`);
    }
    await shopperVisible('.coupon-none').first().waitFor();
    await shot('checkout-coupons', shopper);
    await shopperVisible('.coupon-sheet-done').first().click();
    await shopperVisible('.coupon-sheet').first().waitFor({ state: 'detached' });
  });

  test('快递配送 needs a complete address with a mainland mobile number', async () => {
    await shopperVisible('.submit-order').first().click();
    await shopperVisible('.address-error').first().waitFor();
    const first = (await shopperVisible('.address-error').first().textContent())?.trim();
    assert(first === '请填写收货人', `first address error "${first}"`);
    await fillAddress({ ...ADDRESS, phone: '1390013900' });
    await shopperVisible('.submit-order').first().click();
    await shopper.waitForFunction(() =>
      [...document.querySelectorAll('.address-error')].some(
        (n) => n.textContent?.trim() === '请输入正确的手机号（1 开头的 11 位大陆手机号）',
      ),
    );
    assert((await shopperVisible('.address-error').count()) === 1, 'more than the phone is flagged');
    await shot('checkout-address-error', shopper, { fullPage: true });
    await shopperVisible('.address-phone input').first().fill(ADDRESS.phone);
    await shopper.waitForFunction(() => document.querySelectorAll('.address-error').length === 0);
  });

  test('提交订单 → the order page shows 待付款 with the payment countdown', async () => {
    const bodies: Json[] = [];
    const onRequest = (req: Request) => {
      if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/orders') bodies.push(req.postDataJSON());
    };
    shopper.on('request', onRequest);
    phones.expectFailure(/^404 POST \/api\/orders\/\d+\/pay$/);
    let landed;
    try {
      landed = await submitOrderAndWait();
    } finally {
      shopper.off('request', onRequest);
    }
    if (landed === 'pay-page') {
      // Payments are live: the simulator's page came up; 取消 there returns to the unpaid order.
      await shopper.locator('#cancel').click();
      await shopper.waitForURL(/\/packages\/order\/pages\/detail\/index\?id=\d+.*pay_result=cancel/);
    } else {
      console.log('    note: POST /api/orders/:id/pay answered 404 ROUTE_NOT_FOUND: payment steps are skipped');
    }
    assert(bodies.length === 1, `${bodies.length} order requests`);
    const sent = bodies[0];
    assert(/^[A-Za-z0-9_-]{8,64}$/.test(sent.clientOrderId), `clientOrderId ${sent.clientOrderId}`);
    assert(sent.fulfilment === 'SHIP', `fulfilment ${sent.fulfilment}`);
    assert(JSON.stringify(sent.address) === JSON.stringify(ADDRESS), `address sent ${JSON.stringify(sent.address)}`);
    assert(sent.expectedPayableFen === checkoutQuote.payableFen, `expected payable ${sent.expectedPayableFen}`);
    orderId = Number(/[?&]id=(\d+)/.exec(shopper.url())?.[1]);
    assert(orderId > 0, `no order id in ${shopper.url()}`);
    const state = shopperVisible('.order-detail-state').first();
    await state.waitFor();
    assert((await state.textContent())?.trim() === '待付款', `state reads "${await state.textContent()}"`);
    const countdown = shopperVisible('.order-countdown').first();
    await countdown.waitFor();
    const shown = (await countdown.textContent())?.trim() ?? '';
    assert(/^1[45]:[0-5]\d$/.test(shown), `countdown reads "${shown}"`);
    const order = await api(`/api/orders/${orderId}`, { token: await shopperToken() });
    assert(order.state === 'PENDING_PAYMENT', `the server says ${order.state}`);
    assert(order.address?.phone === ADDRESS.phone, 'the order has another address');
    const labels = await shopperVisible('.breakdown-discount__label').allTextContents();
    assert(labels.includes('会员日满68减8'), `order discounts ${JSON.stringify(labels)}`);
    const payable = (await shopperVisible('.breakdown-payable').first().textContent())?.trim();
    assert(payable === yuan(order.payableFen), `order payable ${payable}`);
    assert(await shopperVisible('.pay-button').first().isVisible(), 'no 去支付 button');
    console.log(`    order ${order.orderNo}: ${payable}, countdown ${shown}`);
    await shot('order-unpaid', shopper, { fullPage: true });
  });

  test('取消订单 asks first (取消后优惠券将退回), then the order is 已取消 with no buttons', async () => {
    await shopperVisible('.cancel-order-button').first().click();
    await shopper.locator('.taro-modal__content', { hasText: '取消后优惠券将退回' }).waitFor();
    await confirmModal(shopper, '确认取消');
    await shopper.waitForFunction(() =>
      [...document.querySelectorAll('.order-detail-state')].some((n) => n.textContent?.trim() === '已取消'),
    );
    assert((await shopperVisible('.pay-button').count()) === 0, 'the 去支付 button is still there');
    assert((await shopperVisible('.cancel-order-button').count()) === 0, 'the 取消订单 button is still there');
    assert((await shopperVisible('.order-countdown').count()) === 0, 'the countdown is still there');
    const order = await api(`/api/orders/${orderId}`, { token: await shopperToken() });
    assert(order.state === 'CANCELLED' && order.actions.length === 0, `the server says ${order.state}`);
    await shot('order-cancelled', shopper, { fullPage: true });
  });

  test('我的 → 我的订单 lists the order under 全部, not under 待付款', async () => {
    await shopper.goto(`${BASE_URL}/pages/mine/index`, { waitUntil: 'domcontentloaded' });
    await shopperVisible('.mine-entry').filter({ hasText: '我的订单' }).first().click();
    await shopper.waitForURL(/\/packages\/order\/pages\/list\/index/);
    const row = shopperVisible('.order-item').first();
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    assert(text.includes(earbuds.name) && text.includes('已取消'), `the newest order reads "${text}"`);
    await shot('order-list', shopper);
    await shopperVisible('.order-tab').filter({ hasText: '待付款' }).first().click();
    await shopperVisible('.order-tab--active').filter({ hasText: '待付款' }).waitFor();
    await shopperVisible('.order-list .state-empty').first().waitFor();
    await shopperVisible('.order-tab').filter({ hasText: '全部' }).first().click();
    await shopperVisible('.order-tab--active').filter({ hasText: '全部' }).waitFor();
    await shopperVisible('.order-item').first().waitFor();
    await shopperVisible('.order-item').first().click();
    await shopper.waitForURL(new RegExp(`/packages/order/pages/detail/index\\?id=${orderId}$`));
    await shopperVisible('.order-detail-state').first().waitFor();
  });

  test('payment: 去支付 on the simulator page → 支付处理中 → 已支付; the points grow', async () => {
    const before = await memberNumbers();
    await buyNow(earbuds);
    await fillAddress(ADDRESS);
    const quoted = (await shopperVisible('.breakdown-note').first().textContent())?.trim() ?? '';
    const earn = Number(/本单可得 (\d+) 积分/.exec(quoted)?.[1] ?? NaN);
    assert(Number.isInteger(earn), `points note "${quoted}"`);
    assert((await submitOrderAndWait()) === 'pay-page', 'submitting did not open the payment page');
    await shot('pay-page', shopper);
    await payOnSimulator(shopper);
    await shot('order-paid', shopper, { fullPage: true });
    const after = await memberNumbers();
    assert(after.points === before.points + earn, `points ${before.points} → ${after.points}, expected +${earn}`);
  });

  test('no uncaught page errors and no failed API or asset requests', () => {
    assert(phones.pageErrors.length === 0, `page errors:\n${phones.pageErrors.join('\n')}`);
    assert(
      phones.failedRequests.length === 0,
      `failed requests (a 404 for js/css after rebuilding H5 means the server needs a restart):\n${phones.failedRequests.join('\n')}`,
    );
  });
});
