// The operator console's 营销活动 and the member's 我的券 in Chromium: a member's first purchase (a paid ¥35+
// online order, WeChat Pay) earns the shipped golden-window 88折 coupon, which 我的券 shows in the H5 build; an
// operator then drafts a campaign in the console (a fen budget on an uncapped discount refused beside its input),
// dry-runs it over the last day and sees that purchase counted, saves it, puts it live and reads its results page.
import { expect, phoneNumber, type Shopper, shot, test } from './fixtures';

test.use({ suite: 'console-campaigns' });

let member: Shopper;

test('a member’s first purchase earns the 88折 coupon, shown in 我的券 (H5)', async ({ phones, api }) => {
  member = await api.member(phoneNumber('136'));
  const products = await api.call('/api/catalog/products?pageSize=20');
  let skuId = 0;
  for (const p of products.items as { id: number }[]) {
    const detail = await api.call(`/api/catalog/products/${p.id}`);
    const sku = (detail.skus as { id: number; stock: number; priceFen: number }[]).find(
      (s) => s.stock > 0 && s.priceFen >= 4000,
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
    body: { lines, couponIds: [] },
  });
  expect(Number(quote.payableFen)).toBeGreaterThanOrEqual(3500);
  const order = await api.call('/api/orders', {
    method: 'POST',
    token: member.token,
    body: {
      clientOrderId: `e2e-golden-${member.device}`,
      lines,
      couponIds: [],
      expectedPayableFen: quote.payableFen,
      fulfilment: 'PICKUP',
      pickupStoreId: 1,
    },
  });
  const pay = await api.call(`/api/orders/${order.id}/pay`, { method: 'POST', token: member.token });
  const prepayId = String(pay.paymentParams.package).replace('prepay_id=', '');
  await api.call('/api/dev/wechatpay/pay', { method: 'POST', body: { prepayId, action: 'pay' } });
  await expect
    .poll(
      async () => {
        const wallet = await api.call('/api/coupons/me', { token: member.token });
        return (wallet.items as { name: string }[]).filter((c) => c.name === '新客复购88折券').length;
      },
      { timeout: 20_000 },
    )
    .toBe(1);

  const phone = await phones.open({ device: member.device });
  await phone.goto('/packages/member/pages/vouchers/index', { waitUntil: 'domcontentloaded' });
  const card = phone.locator('.coupon-list .coupon-card:visible').filter({ hasText: '新客复购88折券' }).first();
  await expect(card).toBeVisible();
  await expect(card).toContainText('88折');
  await expect(card.locator('.coupon-validity')).toContainText('有效期');
  await shot(phone, 'wallet-golden-coupon', { fullPage: true });
});

test('an operator drafts a campaign, sees its dry-run count, puts it live and reads its results', async ({
  phones,
  api,
}) => {
  const page = await phones.openConsole(await api.staffSession('operator'));
  await page.goto('/console/campaigns');
  // The shipped campaign is listed, live.
  await expect(page.locator('.ant-table-row').filter({ hasText: '新客黄金期复购券' })).toContainText('进行中', {
    timeout: 20_000,
  });
  await shot(page, 'campaign-list');

  await page.getByRole('button', { name: /新建活动/ }).click();
  await page.getByLabel('活动名称').fill('e2e 新客复购券');
  await page.getByLabel('优惠券模板').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '新客复购88折券' }).click();
  await page.getByLabel('总预算（金额）').fill('100');
  phones.expectFailure('400 POST /api/admin/campaigns');
  await page.getByRole('button', { name: '保存草稿' }).click();
  const inlineError = page.locator('.ant-form-item-explain-error', { hasText: '无封顶的折扣券' });
  await expect(inlineError).toBeVisible();
  await shot(page, 'campaign-form-error');
  await page.getByLabel('总预算（金额）').fill('');
  await page.getByLabel('总预算（份）').fill('500');

  // The dry run replays the last day's purchases: the member's ¥35+ WeChat-Pay first order qualifies.
  const dryRun = page.waitForResponse((res) => res.url().endsWith('/api/admin/campaigns/dry-run'));
  await page.getByRole('button', { name: '试 算' }).click();
  const answer = (await (await dryRun).json()) as { members: number; purchases: number };
  expect(answer.members).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('dry-run-members')).toHaveText(String(answer.members));
  await shot(page, 'campaign-dry-run');

  const created = page.waitForResponse(
    (res) => res.url().endsWith('/api/admin/campaigns') && res.request().method() === 'POST',
  );
  await page.getByRole('button', { name: '保存草稿' }).click();
  expect((await created).status()).toBe(201);
  await expect(page.getByText('草稿', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '上 线' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '上 线' }).click();
  await expect(page.getByText('进行中', { exact: true })).toBeVisible();
  await expect(page.getByTestId('campaign-results')).toContainText('已发放');
  await expect(page.getByTestId('audit-entry').first()).toContainText('campaign.activate');
  await shot(page, 'campaign-detail');
});
