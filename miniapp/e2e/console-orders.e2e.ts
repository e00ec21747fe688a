// The console's 订单 and 售后 areas in Chromium at 1440×900. A member's paid delivery order (made over the API and
// paid through the WeChat Pay simulator) shows in 订单; the member phone filter finds it; its detail shows the
// price breakdown and payment; 发货 with a wrong tracking number is refused inline, then ships it, and the page
// reads 已发货 with an audit entry; 导出 CSV downloads a file with the order number; an unpaid order is cancelled
// after a confirmation with a reason; 售后 shows its queue. One operator's session, so the steps run in order.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { assert, expect, phoneNumber, shot, test, WAIT_MS, type Api, type Json, type Phones } from './fixtures';

test.use({ suite: 'console-orders' });

const ADDRESS = { recipientName: '钱七', phone: '13900139007', region: '上海市 静安区', detail: '南京西路 7 号' };

test.describe.serial('console orders', () => {
  let client: Api;
  let phones: Phones;
  let page: Page;
  let phone = '';
  let paid: Json = null;
  let unpaid: Json = null;
  let memberToken = '';

  /** An order over the API (quote, then place) for one unit of an in-stock SKU. */
  async function placeOrder(token: string, fulfilment: 'SHIP' | 'PICKUP'): Promise<Json> {
    const list = await client.call('/api/catalog/products?page=1&pageSize=20');
    let skuId = 0;
    for (const summary of list.items) {
      const product = await client.call(`/api/catalog/products/${summary.id}`);
      const sku = product.skus.find((x: Json) => x.stock >= 3);
      if (sku) {
        skuId = sku.id;
        break;
      }
    }
    assert(skuId > 0, 'no SKU in stock');
    const lines = [{ skuId, quantity: 1 }];
    const quote = await client.call('/api/orders/quote', { method: 'POST', token, body: { lines, couponIds: [] } });
    return client.call('/api/orders', {
      method: 'POST',
      token,
      body: {
        clientOrderId: `console-orders-${Date.now()}-${fulfilment}`,
        lines,
        couponIds: [],
        expectedPayableFen: quote.payableFen,
        ...(fulfilment === 'SHIP' ? { fulfilment, address: ADDRESS } : { fulfilment, pickupStoreId: 1 }),
      },
    });
  }

  test.beforeAll(async ({ api, phones: phonesFixture }) => {
    client = api;
    phones = phonesFixture;
    phone = phoneNumber('137');
    const member = await client.member(phone);
    memberToken = member.token;
    paid = await placeOrder(member.token, 'SHIP');
    const pay = await client.call(`/api/orders/${paid.id}/pay`, { method: 'POST', token: member.token });
    await client.call('/api/dev/wechatpay/pay', {
      method: 'POST',
      body: { prepayId: String(pay.paymentParams.package).replace('prepay_id=', ''), action: 'pay' },
    });
    // The simulator notifies the server a moment later.
    await expect
      .poll(async () => (await client.call(`/api/orders/${paid.id}`, { token: member.token })).state, {
        timeout: 20_000,
      })
      .toBe('PAID');
    unpaid = await placeOrder(member.token, 'PICKUP');
    page = await phones.openConsole(await client.staffSession('operator'));
  });

  test('订单 lists the paid order; the member phone filter finds it', async () => {
    await page.goto('/console/orders');
    // The area's chunk loads on first visit.
    await expect(page.locator('.ant-table-row').first()).toBeVisible({ timeout: WAIT_MS });
    await page.getByPlaceholder('输入完整手机号').fill(phone);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const rows = page.locator('.ant-table-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: paid.orderNo })).toContainText('待发货');
    await expect(rows.first()).toContainText(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    await expect(page.getByText(phone, { exact: true })).toHaveCount(0);
    await shot(page, 'orders-list');
  });

  test('导出 CSV downloads the filtered orders with the order number', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 CSV/ }).click();
    const file = await downloading;
    expect(file.suggestedFilename()).toMatch(/^orders-\d{8}\.csv$/);
    const text = await readFile(await file.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('订单号,会员手机号');
    expect(text).toContain(paid.orderNo);
    expect(text).toContain(unpaid.orderNo);
  });

  test('the detail ships the order: a bad tracking number is refused inline, then 已发货 with an audit entry', async () => {
    await page.locator('.ant-table-row').filter({ hasText: paid.orderNo }).click();
    await expect(page).toHaveURL(new RegExp(`/console/orders/${paid.id}$`));
    await expect(page.getByText(`订单 ${paid.orderNo}`)).toBeVisible();
    await expect(page.getByText('商品明细', { exact: true })).toBeVisible();
    await expect(page.getByText('微信支付单号', { exact: true })).toBeVisible();
    await expect(page.getByTestId('order-timeline')).toContainText('支付成功');
    await shot(page, 'order-detail', { fullPage: true });

    phones.expectFailure(/^400 POST \/api\/admin\/orders\/\d+\/ship$/);
    await page.getByRole('button', { name: /^发\s*货$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('快递公司').fill('顺丰速运');
    await dialog.getByLabel('运单号').fill('#12');
    await dialog.getByRole('button', { name: '确认发货' }).click();
    await expect(dialog).toContainText('运单号为 6–40 位字母、数字或短横线');
    await shot(page, 'ship-error');
    await dialog.getByLabel('运单号').fill('SF7654321098');
    await dialog.getByRole('button', { name: '确认发货' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('order-state').first()).toHaveText('已发货');
    await expect(page.getByText('SF7654321098').first()).toBeVisible();
    await expect(page.getByTestId('audit-entry').first()).toContainText('order.ship');
    await shot(page, 'order-shipped', { fullPage: true });
  });

  test('the member confirms receipt and asks for a refund; 售后 approves it and the order line reads 已退款', async () => {
    const received = await client.call(`/api/orders/${paid.id}/confirm-receipt`, {
      method: 'POST',
      token: memberToken,
    });
    expect(received.state).toBe('COMPLETED');
    const lineId = received.lines[0].id as number;
    await client.call('/api/after-sales', {
      method: 'POST',
      token: memberToken,
      body: {
        clientRequestId: `console-refund-${Date.now()}`,
        orderId: paid.id,
        type: 'REFUND_ONLY',
        reasonCode: 'QUALITY',
        reasonText: '收到的商品有划痕',
        lines: [{ lineId, quantity: 1 }],
      },
    });

    await page.goto('/console/after-sales');
    const row = page.locator('.ant-table-row').filter({ hasText: paid.orderNo });
    await expect(row).toBeVisible({ timeout: WAIT_MS });
    await row.click();
    const drawer = page.locator('.ant-drawer-content');
    await expect(drawer).toContainText('收到的商品有划痕');
    await drawer.getByRole('button', { name: /^同\s*意$/ }).click();
    await page
      .locator('.ant-popover')
      .getByRole('button', { name: /^同\s*意$/ })
      .click();
    // The WeChat Pay simulator settles the refund and notifies the server a moment later.
    await expect
      .poll(async () => (await client.call(`/api/orders/${paid.id}`, { token: memberToken })).lines[0].refundState, {
        timeout: 30_000,
      })
      .toBe('REFUNDED');
    await page.goto(`/console/orders/${paid.id}`);
    await expect(page.getByText('已退款').first()).toBeVisible({ timeout: WAIT_MS });
    await expect(page.getByTestId('order-timeline')).toContainText('退款');
    await shot(page, 'order-refunded', { fullPage: true });
  });

  test('an unpaid order is cancelled after a confirmation with a reason', async () => {
    await page.goto(`/console/orders/${unpaid.id}`);
    await expect(page.getByTestId('order-state').first()).toHaveText('待付款', { timeout: WAIT_MS });
    await page.getByRole('button', { name: '取消订单' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('取消后无法恢复');
    await dialog.getByRole('button', { name: '确认取消订单' }).click();
    await expect(dialog).toContainText('请填写取消原因');
    await dialog.getByLabel('取消原因').fill('顾客来电要求取消');
    await shot(page, 'cancel-confirm');
    await dialog.getByRole('button', { name: '确认取消订单' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('order-state').first()).toHaveText('已取消');
    await expect(page.getByText('顾客来电要求取消').first()).toBeVisible();
    await expect(page.getByTestId('audit-entry').first()).toContainText('order.cancel');
  });

  test('售后 shows its review queue', async () => {
    await page.goto('/console/after-sales');
    await expect(page.getByText('待审核').first()).toBeVisible({ timeout: WAIT_MS });
    await expect(page.locator('.ant-table')).toBeVisible();
    await shot(page, 'after-sales');
  });
});
