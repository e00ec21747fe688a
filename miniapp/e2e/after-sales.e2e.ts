// After-sales (售后) in the H5 build: a member buys two candles (到店自提), pays on the WeChat Pay simulator's
// page; the operator marks the order fulfilled and the member confirms receipt (over the API: those buttons belong
// to the order pages); the member opens 申请售后, picks 退货退款 for one of the two with the stepper, a reason and
// a photo, sees the refund preview and confirms; the operator approves (API); the member enters the return parcel
// on 售后详情; the operator confirms the goods (API); the simulator's refund notification settles it and the page
// shows 已退款 with the timeline; points go back in proportion. One flow, so its steps run in order.
import { join } from 'node:path';
import type { OrderView } from '@tidepool/shared';
import { assert, payOnSimulator, phoneNumber, shot, test, visibleIn, WAIT_MS, type Shopper, yuan } from './fixtures';
import { REPO_ROOT } from './fixtures/server';
import type { Page } from '@playwright/test';

const PHOTO = join(REPO_ROOT, 'miniapp', 'src', 'assets', 'tabbar', 'cart-active.png');

test.use({ suite: 'after-sales', now: '2026-11-24T10:00:00+08:00' });

test.describe.serial('after-sales', () => {
  let page: Page;
  let operator = '';
  let member: Shopper;
  let order: OrderView;
  let pointsBefore = 0;
  let afterSaleId = 0;
  let expectedRefund = 0;

  const visible = (selector: string) => visibleIn(page)(selector);
  const textOf = async (selector: string) => ((await visible(selector).first().textContent()) ?? '').trim();
  /** Waits until an element matching `selector` reads exactly `text`. */
  const waitText = (selector: string, text: string, timeout = WAIT_MS) =>
    page.waitForFunction(
      ([s, t]) => [...document.querySelectorAll(s)].some((n) => n.textContent?.trim() === t),
      [selector, text],
      { timeout },
    );

  test.beforeAll(async ({ api, phones }) => {
    operator = await api.staff('operator');
    member = await api.member(phoneNumber('139'));
    page = await phones.open({ device: member.device });
  });

  test('the member buys two candles for pickup and pays on the simulator page → 已支付', async ({ api }) => {
    const found = await api.call(`/api/catalog/products?keyword=${encodeURIComponent('香薰蜡烛')}`);
    const product = await api.call(`/api/catalog/products/${found.items[0].id}`);
    const sku = product.skus.find((s: { stock: number }) => s.stock >= 2);
    assert(sku, 'no candle SKU with two in stock');
    await page.goto(`/packages/order/pages/checkout/index?items=${sku.id}x2`, { waitUntil: 'domcontentloaded' });
    await visible('.breakdown-payable').first().waitFor();
    await visible('.fulfilment-tab').filter({ hasText: '门店自提' }).first().click();
    await visible('.fulfilment-tab--active').filter({ hasText: '门店自提' }).first().waitFor();
    await visible('.submit-order').first().click();
    const orderId = await payOnSimulator(page);
    order = await api.call(`/api/orders/${orderId}`, { token: member.token });
    assert(order.state === 'PAID' && order.lines[0].quantity === 2, `order ${order.state} ×${order.lines[0].quantity}`);
    assert(order.pointsAwarded > 0, 'the order awarded no points');
  });

  test('the operator fulfils the order and the member confirms receipt (API) → 已完成', async ({ api }) => {
    await api.call(`/api/admin/orders/${order.id}/fulfil`, { method: 'POST', token: operator });
    const done = await api.call(`/api/orders/${order.id}/confirm-receipt`, { method: 'POST', token: member.token });
    assert(done.state === 'COMPLETED', `order is ${done.state}`);
    pointsBefore = (await api.call('/api/loyalty/me/points', { token: member.token })).available;
    assert(pointsBefore >= order.pointsAwarded, `points ${pointsBefore} < awarded ${order.pointsAwarded}`);
  });

  test('申请售后: 退货退款 of one of the two, with a reason, a photo and the refund preview', async ({ api }) => {
    await page.goto(`/packages/order/pages/after-sale-apply/index?orderId=${order.id}`, {
      waitUntil: 'domcontentloaded',
    });
    await visible('.as-line').first().waitFor();
    // The only line is picked with one unit; the stepper goes up to the two bought, and back.
    assert((await textOf('.as-quantity')) === '1', `quantity starts at ${await textOf('.as-quantity')}`);
    await visible('.stepper-plus').first().click();
    await waitText('.as-quantity', '2');
    await waitText('.as-refund-amount', yuan(order.lines[0].paidFen));
    await visible('.stepper-minus').first().click();
    await waitText('.as-quantity', '1');
    const options = await api.call(`/api/after-sales/options?orderId=${order.id}`, { token: member.token });
    assert(options.types.includes('RETURN_REFUND'), `types ${options.types}`);
    expectedRefund = Math.floor(order.lines[0].paidFen / 2) + (order.lines[0].paidFen % 2);
    await waitText('.as-refund-amount', yuan(expectedRefund));

    await visible('.as-type--return_refund').first().click();
    await visible('.as-type--active.as-type--return_refund').first().waitFor();
    await visible('.as-reason--quality').first().click();
    await visible('.as-reason-text textarea').first().fill('蜡烛表面有裂纹');
    const chooser = page.waitForEvent('filechooser');
    await visible('.as-add-photo').first().click();
    await (await chooser).setFiles(PHOTO);
    await visible('.as-photo__img').first().waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.as-photo__img img, img.as-photo__img')].some(
        (n) => n.naturalWidth > 0,
      ),
    );
    await shot(page, 'apply', { fullPage: true, maxHeight: 3000 });
  });

  test('提交申请 asks for confirmation, then 售后详情 shows 待审核 with 撤销申请', async ({ api }) => {
    await visible('.as-submit').first().click();
    const modal = page.locator('.taro-modal__content').locator('visible=true').first();
    await modal.waitFor();
    const said = ((await modal.textContent()) ?? '').trim();
    assert(said.includes(yuan(expectedRefund)) && said.includes('1 件'), `the confirmation reads "${said}"`);
    await shot(page, 'apply-confirm', { fullPage: true, maxHeight: 3000 });
    await page.locator('.taro-modal__foot').getByText('提交申请', { exact: true }).click();
    await page.waitForURL(/\/packages\/order\/pages\/after-sale-detail\/index\?id=\d+/);
    afterSaleId = Number(/[?&]id=(\d+)/.exec(page.url())?.[1]);
    await waitText('.after-sale-state', '待审核');
    assert((await textOf('.after-sale-amount')) === yuan(expectedRefund), 'the detail shows another amount');
    await visible('.cancel-after-sale').first().waitFor();
    const mine = await api.call(`/api/after-sales/${afterSaleId}`, { token: member.token });
    assert(
      mine.type === 'RETURN_REFUND' && mine.quantity === 1 && mine.photos.length === 1 && mine.reasonCode === 'QUALITY',
      `after-sale ${JSON.stringify(mine)}`,
    );
    await shot(page, 'pending', { fullPage: true, maxHeight: 3000 });
  });

  test('the operator approves (API) → 待退货; the member enters the return parcel', async ({ api }) => {
    const approved = await api.call(`/api/admin/after-sales/${afterSaleId}/approve`, {
      method: 'POST',
      token: operator,
    });
    assert(approved.state === 'AWAITING_RETURN', `approved into ${approved.state}`);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitText('.after-sale-state', '待退货');
    await visible('.return-parcel-form').first().waitFor();
    await visible('.return-parcel-form .as-reason').filter({ hasText: '顺丰速运' }).first().click();
    await visible('.return-tracking input').first().fill('SF1234567890');
    // A real tap at the button's centre: Playwright's own hit test sees Taro's pull-to-refresh shadow root over
    // it after the inputs were filled, although the page hits the button there (checked with elementFromPoint).
    const box = await visible('.return-submit').first().boundingBox();
    assert(box, '提交退货信息 has no box');
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x, y)?.closest('.return-submit') !== null,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    assert(hit, 'something covers 提交退货信息');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByText('顺丰速运 SF1234567890').first().waitFor();
    await shot(page, 'awaiting-return', { fullPage: true, maxHeight: 3000 });
  });

  test('the operator confirms the goods (API); the refund notification settles → 已退款 with its timeline', async ({
    api,
  }) => {
    const received = await api.call(`/api/admin/after-sales/${afterSaleId}/confirm-return`, {
      method: 'POST',
      token: operator,
    });
    assert(['REFUNDING', 'REFUNDED'].includes(received.state), `confirmed into ${received.state}`);
    await page.reload({ waitUntil: 'domcontentloaded' });
    // The simulator settles refunds a moment later and notifies; the page looks again by itself meanwhile.
    await waitText('.after-sale-state', '已退款', 30_000);
    const steps = await visible('.as-step__title').allTextContents();
    assert(
      JSON.stringify(steps) ===
        JSON.stringify(['提交申请', '商家同意退货', '已寄回商品', '商家已收到退货', '退款成功']),
      `timeline ${JSON.stringify(steps)}`,
    );
    await shot(page, 'refunded', { fullPage: true, maxHeight: 3000 });
  });

  test('points go back in proportion to the money refunded', async ({ api }) => {
    const expected = Math.floor((order.pointsAwarded * expectedRefund) / order.payableFen);
    let balance = -1;
    for (let i = 0; i < 40; i++) {
      balance = (await api.call('/api/loyalty/me/points', { token: member.token })).available;
      if (balance === pointsBefore - expected) break;
      await page.waitForTimeout(250);
    }
    assert(
      balance === pointsBefore - expected,
      `points ${pointsBefore} → ${balance}, expected −${expected} (${order.pointsAwarded} × ${expectedRefund}/${order.payableFen})`,
    );
    test.info().annotations.push({ type: 'points', description: `${pointsBefore} → ${balance} (−${expected})` });
    const line = (await api.call(`/api/orders/${order.id}`, { token: member.token })).lines[0];
    assert(line.refundState === 'NONE', `line refund state ${line.refundState} with one unit left`);
  });

  test('退款/售后 lists it as 已退款; the second unit can still be applied for', async ({ api }) => {
    await page.goto('/packages/order/pages/after-sales/index', { waitUntil: 'domcontentloaded' });
    await visible('.after-sale-item').first().waitFor();
    assert((await textOf('.after-sale-item-state')) === '已退款', 'the list does not say 已退款');
    await shot(page, 'list', { fullPage: true, maxHeight: 3000 });
    const options = await api.call(`/api/after-sales/options?orderId=${order.id}`, { token: member.token });
    assert(options.lines[0].refundableQuantity === 1, `refundable ${options.lines[0].refundableQuantity}`);
  });

  test('no uncaught page errors and no failed API or asset requests', ({ phones }) => {
    assert(phones.pageErrors.length === 0, `page errors:\n${phones.pageErrors.join('\n')}`);
    assert(phones.failedRequests.length === 0, `failed requests:\n${phones.failedRequests.join('\n')}`);
  });
});
