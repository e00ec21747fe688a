// Order fulfilment in the H5 build. A member with three lines in the cart checks out two of them (快递配送); the
// first 提交订单 loses its answer (network error) and the failure is a dialog in view; 重新提交 places the order,
// the member pays on the WeChat Pay simulator's page, and the cart keeps only the line that was not bought. The
// paid order offers 申请退款 (with a confirmation) and sits under 待发货; the operator ships it through the API with
// a tracking number; 待收货 shows it with the carrier and number; 确认收货 (confirmed in a dialog) makes it 已完成.
// Then a 到店自提 order, once paid, shows its pickup code (QR + 12 digits); cashier.sh001 opens store mode → 核销自提,
// types the code, sees the goods and hands them over once; a second handover is refused and the other store's
// cashier is told which store the order belongs to. One order's life, so its steps run in order.
import type { Locator, Page } from '@playwright/test';
import {
  appStore,
  assert,
  buyNow,
  payOnSimulator,
  confirmModal,
  phoneNumber,
  shot as saveShot,
  test,
  textOf,
  visibleIn,
  type Api,
  type CallOptions,
  type Json,
  type Phones,
  type Shopper,
} from './fixtures';

const CASHIER = { username: 'cashier.sh001', password: 'tidepool123' };
const OTHER_CASHIER = { username: 'cashier.sh002', password: 'tidepool123' };
const ADDRESS = { recipientName: '赵六', phone: '13900139006', region: '上海市 静安区', detail: '南京西路 100 号' };
const TRACKING = { carrier: '顺丰速运', trackingNo: 'SF1234567890123' };

test.use({ suite: 'fulfilment' });

interface Picked {
  productId: number;
  name: string;
  skuId: number;
}

test.describe.serial('fulfilment', () => {
  let client: Api;
  let phones: Phones;
  let BASE_URL = '';
  let operator = { accessToken: '' };
  let member: Shopper;
  let kept: Picked;
  let bought: Picked;
  let single: Picked;
  let shopper: Page;
  let s: (selector: string) => Locator;
  let till: Page;
  let t: (selector: string) => Locator;
  let orderId = 0;
  let order: Json = null;

  const api = (path: string, options?: CallOptions) => client.call(path, options);
  const shot = (name: string, target: Page, options: { fullPage?: boolean } = {}) => saveShot(target, name, options);

  /** Products with a SKU in stock (distinct products). */
  async function pickSkus(n: number): Promise<Picked[]> {
    const list = await api('/api/catalog/products?page=1&pageSize=20');
    const picked: Picked[] = [];
    for (const summary of list.items) {
      if (picked.length === n) break;
      const product = await api(`/api/catalog/products/${summary.id}`);
      const sku = product.skus.find((x: Json) => x.stock >= 5);
      if (sku) picked.push({ productId: product.id, name: product.name, skuId: sku.id });
    }
    assert(picked.length === n, `only ${picked.length} products in stock`);
    return picked;
  }

  test.beforeAll(async ({ api: apiFixture, phones: phonesFixture }) => {
    client = apiFixture;
    phones = phonesFixture;
    BASE_URL = client.baseURL;
    operator = { accessToken: await client.staff('operator') };
    member = await client.member(phoneNumber('139'));
    [kept, bought, single] = await pickSkus(3);
    shopper = await phones.open({ device: member.device, clipboard: true });
    s = visibleIn(shopper);
  });

  test('the member’s cart holds three lines; two are ticked for 去结算', async () => {
    await api('/api/cart/items', { method: 'POST', token: member.token, body: { skuId: bought.skuId, quantity: 2 } });
    await api('/api/cart/items', { method: 'POST', token: member.token, body: { skuId: single.skuId, quantity: 1 } });
    await api('/api/cart/items', { method: 'POST', token: member.token, body: { skuId: kept.skuId, quantity: 1 } });
    await api('/api/cart/select', {
      method: 'POST',
      token: member.token,
      body: { skuIds: [kept.skuId], selected: false },
    });
    // Any member page logs the phone in (silently, with its WeChat identity); the cart then is the server's.
    await shopper.goto(`${BASE_URL}/packages/order/pages/list/index`, { waitUntil: 'domcontentloaded' });
    for (let i = 0; i < 100 && !(await appStore(shopper))?.session?.member?.token; i++) {
      await shopper.waitForTimeout(200);
    }
    assert((await appStore(shopper))?.session?.member?.token, 'the phone did not log in');
    await shopper.goto(`${BASE_URL}/pages/cart/index`, { waitUntil: 'domcontentloaded' });
    await s('.cart-line').nth(2).waitFor();
    assert((await s('.cart-line').count()) === 3, `the cart shows ${await s('.cart-line').count()} lines`);
    assert(
      (await textOf(s('.checkout-button'))) === '去结算(3)',
      `the button reads ${await textOf(s('.checkout-button'))}`,
    );
    await shot('cart-before', shopper);
    await s('.checkout-button').first().click();
    await shopper.waitForURL(/\/packages\/order\/pages\/checkout\/index\?items=/);
    await s('.breakdown-payable').first().waitFor();
    const names = await s('.order-line-name').allTextContents();
    assert(
      names.length === 2 && names.includes(bought.name) && names.includes(single.name),
      `checkout lists ${JSON.stringify(names)}`,
    );
  });

  test('a network error on 提交订单 is a dialog in view (网络不给力); 重新提交 places the order once', async () => {
    await s('.address-name input').first().fill(ADDRESS.recipientName);
    await s('.address-phone input').first().fill(ADDRESS.phone);
    await s('.address-region input').first().fill(ADDRESS.region);
    await s('.address-detail input').first().fill(ADDRESS.detail);
    const bodies: Json[] = [];
    let dropped = 0;
    await shopper.route('**/api/orders', async (route) => {
      if (route.request().method() === 'POST' && dropped === 0) {
        dropped++;
        bodies.push(route.request().postDataJSON());
        await route.abort('connectionreset');
        return;
      }
      if (route.request().method() === 'POST') bodies.push(route.request().postDataJSON());
      await route.continue();
    });
    await s('.submit-order').first().click();
    const dialog = shopper.locator('.taro-modal__content', { hasText: '网络异常，订单可能已提交' }).first();
    await dialog.waitFor();
    assert((await textOf(shopper.locator('.taro-modal__title'))) === '网络不给力', 'the dialog has another title');
    const box = await dialog.boundingBox();
    const viewport = shopper.viewportSize();
    assert(
      box && viewport && box.y >= 0 && box.y + box.height <= viewport.height,
      `the dialog is out of view: ${JSON.stringify(box)}`,
    );
    await shot('network-error-dialog', shopper);
    // The answer comes this time: 重新提交 sends the very same request, then the payment page opens.
    await confirmModal(shopper, '重新提交');
    await shopper.locator('#pay').waitFor();
    await shopper.unroute('**/api/orders');
    assert(bodies.length === 2, `${bodies.length} order requests`);
    assert(bodies[0].clientOrderId === bodies[1].clientOrderId, 'the retry was a new order attempt');
    const lines = Object.fromEntries(bodies[1].lines.map((l: Json) => [l.skuId, l.quantity]));
    assert(lines[bought.skuId] === 2 && lines[single.skuId] === 1 && !lines[kept.skuId], JSON.stringify(lines));
  });

  test('the member pays on the simulator page → 已支付; 申请退款 is offered and asks first', async () => {
    await shot('pay-page', shopper);
    orderId = await payOnSimulator(shopper);
    order = await api(`/api/orders/${orderId}`, { token: member.token });
    assert(order.state === 'PAID' && order.actions.includes('APPLY_REFUND'), JSON.stringify(order.actions));
    await s('.apply-refund-button').first().waitFor();
    assert((await s('.confirm-receipt-button').count()) === 0, '确认收货 before shipping');
    await shot('paid', shopper);
    await s('.apply-refund-button').first().click();
    await shopper.locator('.taro-modal__content', { hasText: '申请退款' }).first().waitFor();
    await shot('apply-refund-confirm', shopper);
    await confirmModal(shopper, '再想想');
    assert(shopper.url().includes('/packages/order/pages/detail/'), 'cancelling the dialog left the page');
  });

  test('the cart keeps only the line that was not bought (server and tab badge)', async () => {
    const cart = await api('/api/cart', { token: member.token });
    assert(
      cart.lines.length === 1 && cart.lines[0].skuId === kept.skuId && cart.lines[0].quantity === 1,
      `the server cart holds ${JSON.stringify(cart.lines.map((l: Json) => [l.skuId, l.quantity]))}`,
    );
    await shopper.goto(`${BASE_URL}/pages/cart/index`, { waitUntil: 'domcontentloaded' });
    await s('.cart-line').first().waitFor();
    await shopper.waitForFunction(() => document.querySelectorAll('.cart-line').length >= 1);
    assert((await s('.cart-line').count()) === 1, `the cart page shows ${await s('.cart-line').count()} lines`);
    assert((await textOf(s('.cart-line'))).includes(kept.name), `the cart shows "${await textOf(s('.cart-line'))}"`);
    // The tab badge counts the one unit left.
    await shopper.waitForFunction(() =>
      [...document.querySelectorAll('.weui-tabbar__item .weui-badge')].some((n) => n.textContent?.trim() === '1'),
    );
    await shot('cart-after', shopper);
  });

  test('我的订单 → 待发货 lists the paid order (filtered on the server)', async () => {
    await shopper.goto(`${BASE_URL}/packages/order/pages/list/index`, { waitUntil: 'domcontentloaded' });
    // The tabs render after the page script runs: reading them right after domcontentloaded raced it.
    await s('.order-tab').first().waitFor();
    const tabs = await s('.order-tab').allTextContents();
    assert(
      JSON.stringify(tabs.map((t) => t.trim())) ===
        JSON.stringify(['全部', '待付款', '待发货', '待收货', '已完成', '售后']),
      `tabs ${JSON.stringify(tabs)}`,
    );
    const answered = shopper.waitForResponse(
      (res) => res.url().includes('/api/orders?') && res.url().includes('state=PAID'),
    );
    await s('.order-tab').filter({ hasText: '待发货' }).first().click();
    await answered;
    await s('.order-tab--active').filter({ hasText: '待发货' }).waitFor();
    const row = s('.order-item').first();
    await row.waitFor();
    assert(
      (await textOf(s('.order-item-state'))) === '待发货',
      `the row reads ${await textOf(s('.order-item-state'))}`,
    );
    assert((await s('.order-item').count()) === 1, 'another order under 待发货');
    await shot('list-to-ship', shopper);
  });

  test('the operator ships through the API; 待收货 shows the carrier and tracking number', async () => {
    const shipped = await api(`/api/admin/orders/${orderId}/ship`, {
      method: 'POST',
      token: operator.accessToken,
      body: TRACKING,
    });
    assert(shipped.state === 'FULFILLED', `shipped: ${shipped.state}`);
    const bad = await client.raw(`/api/admin/orders/${orderId}/ship`, {
      method: 'POST',
      token: operator.accessToken,
      body: { carrier: '中通快递', trackingNo: 'x' },
    });
    assert(bad.status === 400 && bad.data?.details?.[0]?.field === 'trackingNo', JSON.stringify(bad.data));
    await s('.order-tab').filter({ hasText: '待收货' }).first().click();
    await s('.order-tab--active').filter({ hasText: '待收货' }).waitFor();
    await shopper.waitForFunction(() =>
      [...document.querySelectorAll('.order-item-state')].some((n) => n.textContent?.trim() === '待收货'),
    );
    await shot('list-to-receive', shopper);
    await s('.order-item').first().click();
    await shopper.waitForURL(new RegExp(`/packages/order/pages/detail/index\\?id=${orderId}$`));
    await s('.order-tracking-no').first().waitFor();
    assert((await textOf(s('.order-carrier'))) === TRACKING.carrier, 'no carrier');
    assert((await textOf(s('.order-tracking-no'))) === TRACKING.trackingNo, 'no tracking number');
    assert((await textOf(s('.order-detail-state'))) === '已发货', `state ${await textOf(s('.order-detail-state'))}`);
    assert(/将自动确认收货$/.test(await textOf(s('.auto-confirm-note'))), 'no auto-confirm note');
    await s('.copy-tracking').first().click();
    await shopper.getByText('运单号已复制').first().waitFor();
    await shot('shipped', shopper, { fullPage: true });
  });

  test('确认收货 asks first, then the order is 已完成 (and under 已完成)', async () => {
    await s('.confirm-receipt-button').first().click();
    await shopper.locator('.taro-modal__content', { hasText: '请确认已收到商品' }).first().waitFor();
    await shot('confirm-receipt-dialog', shopper);
    await confirmModal(shopper, '确认收货');
    await shopper.waitForFunction(() =>
      [...document.querySelectorAll('.order-detail-state')].some((n) => n.textContent?.trim() === '已完成'),
    );
    assert((await s('.confirm-receipt-button').count()) === 0, '确认收货 is still offered');
    const done = await api(`/api/orders/${orderId}`, { token: member.token });
    assert(done.state === 'COMPLETED' && done.completedAt, `the server says ${done.state}`);
    await shot('completed', shopper);
    await shopper.goto(`${BASE_URL}/packages/order/pages/list/index?tab=COMPLETED`, { waitUntil: 'domcontentloaded' });
    await s('.order-tab--active').filter({ hasText: '已完成' }).waitFor();
    await s('.order-item').first().waitFor();
    assert((await textOf(s('.order-item-state'))) === '已完成', 'the order is not under 已完成');
  });

  let pickupCode = '';
  let pickupOrderId = 0;
  test('a 到店自提 order, once paid, shows its pickup code as a QR code and 12 digits', async () => {
    await buyNow(shopper, kept.productId);
    await s('.fulfilment-tab').filter({ hasText: '门店自提' }).first().click();
    await s('.pickup-store').filter({ hasText: '上海南京西路店' }).first().click();
    await s('.submit-order').first().click();
    pickupOrderId = await payOnSimulator(shopper, { awaitPaid: false });
    await s('.order-pickup-code').first().waitFor({ timeout: 20_000 });
    const shown = await textOf(s('.order-pickup-code'));
    assert(/^\d{4} \d{4} \d{4}$/.test(shown), `the code reads "${shown}"`);
    pickupCode = shown.replace(/\s/g, '');
    const fromApi = await api(`/api/orders/${pickupOrderId}`, { token: member.token });
    assert(fromApi.pickupCode === pickupCode && fromApi.state === 'PAID', JSON.stringify(fromApi));
    const qr = await s('.pickup-qr img').first().getAttribute('src');
    assert(qr?.startsWith('data:image/svg+xml;base64,'), 'no QR image');
    await shot('pickup-code', shopper, { fullPage: true });
  });

  test('cashier.sh001: store mode → 核销自提, types the code, sees the goods, hands them over once', async () => {
    till = await phones.open({ clipboard: true });
    t = visibleIn(till);
    await till.goto(`${BASE_URL}/packages/store/pages/login/index`, { waitUntil: 'domcontentloaded' });
    await t('.staff-username input').first().fill(CASHIER.username);
    await t('.staff-password input').first().fill(CASHIER.password);
    await t('.staff-login-button').first().click();
    await till.waitForURL(/\/packages\/store\/pages\/scan\/index/);
    await t('.order-pickup-link').first().click();
    await till.waitForURL(/\/packages\/store\/pages\/pickup\/index/);
    await t('.order-pickup-input input').first().fill(pickupCode);
    await t('.order-pickup-lookup').first().click();
    await t('.order-pickup-result').first().waitFor();
    assert((await textOf(t('.order-pickup-state'))) === '待提货', `state ${await textOf(t('.order-pickup-state'))}`);
    assert((await textOf(t('.order-pickup-qty'))) === '× 1', 'the till shows another quantity');
    assert((await textOf(t('.order-pickup-result'))).includes(kept.name), 'the till does not name the product');
    await shot('till-pickup-found', till);
    await t('.order-pickup-handover').first().click();
    await till.locator('.taro-modal__content', { hasText: '确认后不可撤销' }).first().waitFor();
    await confirmModal(till, '确认提货');
    await till.waitForFunction(() =>
      [...document.querySelectorAll('.order-pickup-state')].some((n) => n.textContent?.trim() === '已提货'),
    );
    assert((await t('.order-pickup-handover').count()) === 0, 'the handover button is still there');
    await shot('till-pickup-done', till);
    const after = await api(`/api/orders/${pickupOrderId}`, { token: member.token });
    assert(after.state === 'COMPLETED' && after.pickupCode === null, `the server says ${after.state}`);
  });

  test('the same code again, and at the other store, is refused with a clear message; nothing changes', async () => {
    phones.expectFailure(/^409 POST \/api\/store-mode\/order-pickups$/);
    const cashier = await api('/api/auth/staff-login', { method: 'POST', body: CASHIER });
    const again = await client.raw('/api/store-mode/order-pickups', {
      method: 'POST',
      token: cashier.accessToken,
      body: { pickupCode },
    });
    assert(again.status === 409 && again.data?.code === 'ORDER_ALREADY_PICKED_UP', JSON.stringify(again.data));
    assert(/^该订单已于 .+ 在上海南京西路店提货$/.test(again.data.message), again.data.message);
    const other = await api('/api/auth/staff-login', { method: 'POST', body: OTHER_CASHIER });
    const wrong = await client.raw('/api/store-mode/order-pickups/lookup', {
      method: 'POST',
      token: other.accessToken,
      body: { pickupCode },
    });
    assert(wrong.status === 409 && wrong.data?.message === '该订单需在上海南京西路店自提', JSON.stringify(wrong.data));
    // In the till: typing the used code shows it 已提货, with no button.
    await t('.store-pickup__next').first().click();
    await t('.order-pickup-input input').first().fill(pickupCode);
    await t('.order-pickup-lookup').first().click();
    await t('.order-picked-up-at').first().waitFor();
    assert((await t('.order-pickup-handover').count()) === 0, 'a used code offers the handover again');
    await shot('till-pickup-again', till);
    const order2 = await api(`/api/orders/${pickupOrderId}`, { token: member.token });
    assert(order2.state === 'COMPLETED', `the server says ${order2.state}`);
  });

  test('the member’s pickup order reads 已完成 with when it was picked up', async () => {
    await shopper.goto(`${BASE_URL}/packages/order/pages/detail/index?id=${pickupOrderId}`, {
      waitUntil: 'domcontentloaded',
    });
    await shopper.waitForFunction(() =>
      [...document.querySelectorAll('.order-detail-state')].some((n) => n.textContent?.trim() === '已完成'),
    );
    assert(/^已于 .+ 提货$/.test(await textOf(s('.order-picked-up'))), 'no pickup time');
    assert((await s('.order-pickup-code').count()) === 0, 'the used code is still shown');
    await shot('pickup-completed', shopper);
  });

  test('no uncaught page errors and no unexpected failed requests', () => {
    assert(phones.pageErrors.length === 0, `page errors:\n${phones.pageErrors.join('\n')}`);
    assert(phones.failedRequests.length === 0, `failed requests:\n${phones.failedRequests.join('\n')}`);
  });
});
