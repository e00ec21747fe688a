// The operator console's 团购 and 积分商城 in Chromium at 1440×900, with the server's clock started just before
// Friday noon in Shanghai. The operator schedules a one-off drop opening at 12:00 in the console (SKU picked by
// searching the catalogue, drop price, cap and limit in the item table); the detail page, left open, turns to
// 进行中 by itself at noon, and when a member buys and pays (over the API) its 已售 / 剩余 move without a reload.
// Another drop, opening later, is cancelled from its detail page after a confirmation. A gift is created in 积分商城,
// restocked, and its audit trail shows both writes. One flow on one clock, so its steps run in order.
import type { Page } from '@playwright/test';
import { assert, expect, shot, test, type Api, type Json, type Phones } from './fixtures';

const OPENS_AT = '2026-12-04T12:00:00+08:00';
test.use({ suite: 'console-drops', now: '2026-12-04T11:59:05+08:00' });

/** The ProForm date-time field: typed as the brand's wall clock and confirmed, as an operator would. */
async function pickDateTime(page: Page, id: string, value: string): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

test.describe.serial('console drops and gifts', () => {
  let client: Api;
  let phones: Phones;
  let session: Json;
  let operatorToken = '';
  let console_: Page;
  let dropId = 0;
  let sku = { skuId: 0, productName: '', priceFen: 0 };

  test.beforeAll(async ({ api, phones: phonesFixture }) => {
    client = api;
    phones = phonesFixture;
    session = await api.staffSession('operator');
    operatorToken = session.accessToken as string;
    const options = await api.call(`/api/admin/drops/sku-options?keyword=${encodeURIComponent('蓝牙耳机')}`, {
      token: operatorToken,
    });
    sku = options[0];
    assert(sku?.skuId, 'no earbuds SKU in the catalogue');
  });

  test('the operator schedules a one-off drop at 12:00 in the console', async () => {
    const ms = Date.parse(OPENS_AT) - (await client.now());
    assert(ms > 20_000 && ms < 60_000, `the drop opens in ${ms} ms: the server must start at the suite's now`);
    console_ = await phones.openConsole(session);
    await console_.goto('/console/drops');
    await console_.getByRole('button', { name: '新建团购' }).click();
    await console_.waitForURL(/\/console\/drops\/new$/);

    await console_.locator('#title').fill('周五午间耳机团');
    await pickDateTime(console_, 'opensAt', '2026-12-04 12:00');
    await pickDateTime(console_, 'closesAt', '2026-12-04 14:00');
    await console_.getByLabel('不设优先购').check();

    const row = console_.locator('.ant-table-tbody tr.ant-table-row').first();
    await row.locator('.ant-select').click();
    await console_.keyboard.type('蓝牙耳机');
    await console_.locator('.ant-select-item-option').filter({ hasText: sku.productName }).first().click();
    const numbers = row.locator('input.ant-input-number-input');
    await numbers.nth(0).fill(((sku.priceFen - 1000) / 100).toFixed(2)); // ¥10 off
    await numbers.nth(1).fill('5');
    await numbers.nth(2).fill('2');
    await shot(console_, 'drop-create');
    await console_.getByRole('button', { name: '创建团购' }).click();

    await console_.waitForURL(/\/console\/drops\/\d+$/);
    dropId = Number(/\/drops\/(\d+)$/.exec(console_.url())?.[1]);
    await expect(console_.locator('.ant-pro-page-container').getByText('未开始').first()).toBeVisible();
    await expect(console_.getByTestId('audit-entry').first()).toContainText('drop.create');
    const drop = await client.call(`/api/admin/drops/${dropId}`, { token: operatorToken });
    assert(drop.opensAt === '2026-12-04T04:00:00.000Z', `opens at ${drop.opensAt}: not noon in Shanghai`);
    assert(drop.items[0].dropPriceFen === sku.priceFen - 1000 && drop.items[0].cap === 5, JSON.stringify(drop.items));
    assert(JSON.stringify(drop.earlyAccess) === '{}', `early access ${JSON.stringify(drop.earlyAccess)}`);
  });

  test('at noon the detail turns 进行中 by itself, and a member’s purchase moves 已售 / 剩余 without a reload', async () => {
    const item = console_.getByTestId(/^drop-item-/).first();
    const stat = (title: string) =>
      item.locator('.ant-statistic').filter({ has: console_.locator('.ant-statistic-title', { hasText: title }) });
    await expect(stat('剩余').locator('.ant-statistic-content')).toHaveText('5');
    await console_.evaluate(() => {
      (window as Window & { __kept?: boolean }).__kept = true;
    });
    await expect(console_.locator('.ant-pro-page-container').getByText('进行中').first()).toBeVisible({
      timeout: 70_000,
    });

    const member = await client.member('13800138201');
    const drop = await client.call(`/api/drops/${dropId}`, { token: member.token });
    const order = await client.call(`/api/drops/${dropId}/orders`, {
      method: 'POST',
      token: member.token,
      body: {
        dropItemId: drop.items[0].id,
        quantity: 2,
        clientOrderId: `e2e-${Date.now()}`,
        fulfilment: 'PICKUP',
        pickupStoreId: 1,
      },
    });
    await expect(stat('待支付占用').locator('.ant-statistic-content')).toHaveText('2', { timeout: 10_000 });
    await expect(stat('剩余').locator('.ant-statistic-content')).toHaveText('3');
    const pay = await client.call(`/api/orders/${order.id}/pay`, { method: 'POST', token: member.token });
    const prepayId = String(pay.paymentParams.package).replace('prepay_id=', '');
    await client.call('/api/dev/wechatpay/pay', { method: 'POST', body: { prepayId, action: 'pay' } });
    await expect(stat('已售').locator('.ant-statistic-content')).toHaveText('2', { timeout: 10_000 });
    await expect(stat('待支付占用').locator('.ant-statistic-content')).toHaveText('0');
    await expect(stat('剩余').locator('.ant-statistic-content')).toHaveText('3');
    const kept = await console_.evaluate(() => (window as Window & { __kept?: boolean }).__kept === true);
    assert(kept, 'the page reloaded');
    await expect(console_.getByRole('button', { name: '取消团购' })).toHaveCount(0);
    await shot(console_, 'drop-live');
  });

  test('another drop, opening later, is cancelled after a confirmation', async () => {
    const later = await client.call('/api/admin/drops', {
      method: 'POST',
      token: operatorToken,
      body: {
        title: '周五晚间团',
        recurrence: 'ONCE',
        opensAt: '2026-12-04T20:00:00+08:00',
        closesAt: '2026-12-04T22:00:00+08:00',
        earlyAccess: { GOLD: 30 },
        items: [{ skuId: sku.skuId, dropPriceFen: sku.priceFen - 500, cap: 10, perMemberLimit: 1 }],
      },
    });
    await console_.goto('/console/drops');
    const listRow = console_.locator('.ant-table-row').filter({ hasText: '周五晚间团' });
    // The first ProTable of a lazily loaded area takes a few seconds to render on this machine.
    await expect(listRow).toContainText('未开始', { timeout: 20_000 });
    await expect(console_.locator('.ant-table-row').filter({ hasText: '周五午间耳机团' })).toContainText('进行中');
    await shot(console_, 'drop-list');
    await listRow.getByRole('link', { name: '周五晚间团' }).click();
    await console_.waitForURL(new RegExp(`/console/drops/${later.id}$`));
    await console_.getByRole('button', { name: '取消团购' }).click();
    await expect(console_.locator('.ant-popconfirm')).toContainText('确定取消该团购？');
    await shot(console_, 'drop-cancel-confirm');
    await console_.locator('.ant-popconfirm').getByRole('button', { name: '确定取消' }).click();
    await expect(console_.locator('.ant-pro-page-container').getByText('已取消').first()).toBeVisible();
    await expect(console_.getByTestId('audit-entry').first()).toContainText('drop.cancel');
    const after = await client.call(`/api/admin/drops/${later.id}`, { token: operatorToken });
    assert(after.status === 'CANCELLED', `status ${after.status}`);
  });

  test('a gift is created in 积分商城 and restocked, with its audit trail', async () => {
    await console_.goto('/console/gifts');
    await console_.getByRole('button', { name: '新建礼品' }).click();
    await console_.waitForURL(/\/console\/gifts\/new$/);
    await console_.locator('#name').fill('控制台保温杯');
    await console_.locator('#description').fill('不锈钢真空保温杯 350ml');
    await console_.locator('#imageUrl').fill('ftp://wrong');
    await console_.locator('#pointsPrice').fill('800');
    await console_.locator('#stock').fill('20');
    await console_.getByLabel('快递到家').check();
    await console_.getByRole('button', { name: '创建礼品' }).click();
    await expect(console_.getByText('请填写 /static/ 路径或 https 地址')).toBeVisible();
    await console_.locator('#imageUrl').fill('/static/demo/gifts/mug.svg');
    await console_.getByRole('button', { name: '创建礼品' }).click();
    await console_.waitForURL(/\/console\/gifts\/\d+$/);
    await expect(console_.getByTestId('gift-stock')).toHaveText('20');

    await console_.getByRole('button', { name: '调整库存' }).click();
    await console_.locator('.ant-modal #delta').fill('5');
    await console_
      .locator('.ant-modal')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect(console_.getByTestId('gift-stock')).toHaveText('25');
    await expect(console_.getByTestId('audit-entry').first()).toContainText('gift.stock_adjust');
    await expect(console_.getByTestId('audit-entry').nth(1)).toContainText('gift.create');
    await shot(console_, 'gift-edit', { fullPage: true });

    await console_.goto('/console/gifts');
    await expect(console_.locator('.ant-table-row').filter({ hasText: '控制台保温杯' })).toContainText('800', {
      timeout: 20_000,
    });
    await shot(console_, 'gift-list');
    await console_.getByRole('tab', { name: '兑换记录' }).click();
    await console_.waitForURL(/\/console\/gifts\/redemptions$/);
    await expect(console_.locator('.ant-table')).toBeVisible({ timeout: 20_000 });
    await expect(console_.locator('.ant-table .ant-spin-spinning')).toHaveCount(0, { timeout: 20_000 });
    await shot(console_, 'redemptions');
  });
});
