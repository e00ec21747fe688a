// The operator console's 优惠券 and 概览 in Chromium at 1440×900: an operator creates a coupon template (a broken
// threshold refused beside its input first), issues it to a member by phone (an unknown phone reported back), the
// member spends it on a paid order over the API, the template's figures show 已使用 1 and what that order paid,
// and 概览 shows the day's numbers with its chart.
import { expect, phoneNumber, shot, test } from './fixtures';

test.use({ suite: 'console-coupons' });

// First, while nothing has been sold: the store manager's dashboard is an empty state, not a broken chart.
test('a store manager sees only their store on 概览, empty before the first sale', async ({ phones, api }) => {
  const page = await phones.openConsole(await api.staffSession('manager.sh001'));
  await expect(page.getByText('本店数据').first()).toBeVisible();
  await expect(page.getByTestId('overview-empty')).toBeVisible();
  await expect(
    page.getByTestId('overview-today').locator('.ant-statistic').filter({ hasText: '支付订单' }),
  ).toContainText('0');
  await shot(page, 'overview-empty');
});

test('an operator creates a coupon, issues it by phone, and reads its use and the dashboard', async ({
  phones,
  api,
}) => {
  const phone = phoneNumber('137');
  const member = await api.member(phone);
  const page = await phones.openConsole(await api.staffSession('operator'));
  await page.goto('/console/coupons');
  await page.getByRole('button', { name: /新建优惠券/ }).click();

  const name = `冬季满10减5 ${phone.slice(-4)}`;
  await expect(page.getByRole('button', { name: '创 建' })).toBeVisible();
  await page.getByLabel('名称').fill(name);
  await expect(page.getByLabel('名称')).toHaveValue(name);
  await page.getByLabel('优惠金额').fill('50');
  await page.getByLabel('订单满').fill('10');
  phones.expectFailure('400 POST /api/admin/coupon-templates');
  await page.getByRole('button', { name: '创 建' }).click();
  // The server's rule, shown beside the input it names.
  const inlineError = page.locator('.ant-form-item-explain-error', { hasText: '优惠金额不能超过使用门槛' });
  await expect(inlineError).toBeVisible();
  await shot(page, 'coupon-form-error');

  await page.getByLabel('优惠金额').fill('5');
  await expect(inlineError).toHaveCount(0);
  const created = page.waitForResponse(
    (res) => res.url().endsWith('/api/admin/coupon-templates') && res.request().method() === 'POST',
  );
  await page.getByRole('button', { name: '创 建' }).click();
  expect((await created).status()).toBe(201);
  await expect(page.getByText('已发放', { exact: true })).toBeVisible();
  await expect(page.getByText('满10减5').first()).toBeVisible();
  const templateId = Number(/\/coupons\/(\d+)/.exec(page.url())?.[1]);
  expect(templateId).toBeGreaterThan(0);

  await page.getByRole('button', { name: '发 放' }).click();
  const modal = page.locator('.ant-modal');
  await modal.getByLabel('会员手机号').fill(`${phone}\n13700000000`);
  await modal.getByRole('button', { name: '核对会员' }).click();
  await expect(modal.getByText(`${phone.slice(0, 3)}****${phone.slice(-4)} · 普卡`)).toBeVisible();
  await modal.getByRole('button', { name: '确认发放' }).click();
  await expect(modal.getByTestId('issue-result')).toContainText('成功发放 1 张');
  await expect(modal.getByTestId('issue-result')).toContainText('13700000000');
  await shot(page, 'coupon-issued');
  await modal.getByRole('button', { name: '完 成' }).click();
  await expect(page.getByTestId('audit-entry').first()).toContainText('coupon_template.issue');

  // The member spends it on a paid order (over the API: the H5 checkout has its own suite).
  const wallet = await api.call('/api/coupons/me', { token: member.token });
  const coupon = (wallet.items as { id: number; name: string }[]).find((c) => c.name === name);
  expect(coupon).toBeTruthy();
  const products = await api.call('/api/catalog/products?pageSize=20');
  let skuId = 0;
  for (const p of products.items as { id: number }[]) {
    const detail = await api.call(`/api/catalog/products/${p.id}`);
    const sku = (detail.skus as { id: number; stock: number; priceFen: number }[]).find(
      (s) => s.stock > 0 && s.priceFen >= 1000,
    );
    if (sku) {
      skuId = sku.id;
      break;
    }
  }
  expect(skuId).toBeGreaterThan(0);
  const lines = [{ skuId, quantity: 1 }];
  const quote = await api.call('/api/orders/quote', {
    method: 'POST',
    token: member.token,
    body: { lines, couponIds: [coupon!.id] },
  });
  const order = await api.call('/api/orders', {
    method: 'POST',
    token: member.token,
    body: {
      clientOrderId: `e2e-coupon-${phone}`,
      lines,
      couponIds: [coupon!.id],
      expectedPayableFen: quote.payableFen,
      fulfilment: 'PICKUP',
      pickupStoreId: 1,
    },
  });
  const pay = await api.call(`/api/orders/${order.id}/pay`, { method: 'POST', token: member.token });
  const prepayId = String(pay.paymentParams.package).replace('prepay_id=', '');
  await api.call('/api/dev/wechatpay/pay', { method: 'POST', body: { prepayId, action: 'pay' } });
  await expect
    .poll(async () => (await api.call(`/api/orders/${order.id}`, { token: member.token })).state, { timeout: 20_000 })
    .toBe('PAID');
  const paidYuan = `¥${(Number(order.payableFen) / 100).toFixed(2)}`;

  await page.reload();
  const figures = page.getByTestId('coupon-figures');
  await expect(figures.locator('.ant-statistic').filter({ hasText: '已使用' })).toContainText('1');
  await expect(figures.locator('.ant-statistic').filter({ hasText: '用券订单实付' })).toContainText(paidYuan);
  await shot(page, 'coupon-detail');

  await page.goto('/console/');
  const today = page.getByTestId('overview-today');
  await expect(today.locator('.ant-statistic').filter({ hasText: '支付订单' })).toContainText('1');
  await expect(today.locator('.ant-statistic').filter({ hasText: '实付金额' })).toContainText(paidYuan);
  await expect(today.locator('.ant-statistic').filter({ hasText: '新会员' })).toContainText('1');
  await expect(page.getByTestId('overview-gmv-chart').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('overview-stores')).toContainText('上海南京西路店');
  await shot(page, 'overview');

  await page.goto('/console/coupons');
  await page.getByLabel('名称').fill(name.slice(0, 6));
  await page.getByRole('button', { name: '查 询' }).click();
  await expect(page.locator('.ant-table-row').filter({ hasText: name })).toHaveCount(1);
  await shot(page, 'coupon-list');
});
