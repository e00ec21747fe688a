// 品牌规则 in the console (1440×900), on a Wednesday (the member day) at 10:00 Shanghai time: the operator opens
// the rules, tries a member-day threshold below a tier's discount (the field's error shows inline and nothing is
// saved), then schedules ¥68 → ¥58 from 12:00 today with a preview; a member's ¥60 basket gets no member-day
// discount before 12:00, the server clock moves past it, and the same basket gets the tier's discount; the
// console then shows the new version 生效中.
import { expect, shot, test } from './fixtures';

test.use({ suite: 'console-rules', now: '2026-11-25T10:00:00+08:00' });

test('an operator schedules a member-day threshold and the checkout applies it from its instant', async ({
  phones,
  api,
}) => {
  const operator = await api.staffSession('operator');
  const token = operator.accessToken as string;
  const categories = await api.call('/api/admin/catalog/categories', { token });
  const product = await api.call('/api/admin/catalog/products', {
    method: 'POST',
    token,
    body: {
      categoryId: categories[0].id,
      name: '会员日测试香薰',
      images: ['/static/demo/factory.png'],
      status: 'ON_SALE',
      promotionTags: [],
      skus: [{ code: 'RULES-E2E-1', specs: { 规格: '60元款' }, priceFen: 6000, stock: 50 }],
    },
  });
  const member = await api.member('13900009901');
  const memberDayOff = async () => {
    const quote = await api.call('/api/orders/quote', {
      method: 'POST',
      token: member.token,
      body: { lines: [{ skuId: product.skus[0].id, quantity: 1 }], couponIds: [] },
    });
    return (quote.discounts as { key: string; amountFen: number }[])
      .filter((d) => d.key === 'member-day')
      .reduce((sum, d) => sum + d.amountFen, 0);
  };
  expect(await memberDayOff()).toBe(0);

  const page = await phones.openConsole(operator);
  await page.goto('/console/rules');
  await expect(page.getByText('当前生效：default/1')).toBeVisible();
  await shot(page, 'rules');

  await page.getByRole('button', { name: '新建版本' }).click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.getByLabel('生效日期').fill('2026-11-25');
  await drawer.getByLabel('生效日期').press('Enter');
  await drawer.getByLabel('生效时刻').fill('12:00');
  await drawer.getByLabel('生效时刻').press('Enter');
  await drawer.getByLabel('变更说明').fill('会员日门槛 ¥68 调整为 ¥58');

  // A threshold below the gold discount: refused by the server, shown on the field, nothing saved.
  phones.expectFailure('400 POST /api/admin/brand-rules/versions');
  await drawer.getByLabel('会员日门槛（元）').fill('5');
  await drawer.getByRole('button', { name: '保存版本' }).click();
  await expect(drawer.getByText('会员日优惠不能超过门槛金额').first()).toBeVisible();
  await shot(page, 'rules-inline-error');

  await drawer.getByLabel('会员日门槛（元）').fill('58');
  await drawer.getByRole('button', { name: '试 算' }).click();
  const preview = drawer.getByTestId('rules-preview');
  await expect(preview).toContainText('新版本');
  await shot(page, 'rules-preview');
  await drawer.getByRole('button', { name: '保存版本' }).click();
  await expect(page.getByText('新版本已保存，将于设定时间生效')).toBeVisible();
  await expect(page.locator('.ant-table-row').filter({ hasText: '待生效' })).toHaveCount(1);

  expect(await memberDayOff()).toBe(0);
  await api.call('/api/dev/clock/advance', { method: 'POST', body: { ms: 2 * 3600_000 + 60_000 } });
  // Each process reloads the versions it holds every 30 s; this one saved it, so it holds it already.
  expect(await memberDayOff()).toBe(600);

  await page.reload();
  await expect(page.getByText(/当前生效：brand-rules\/\d+/)).toBeVisible();
  await expect(page.locator('.ant-table-row').filter({ hasText: '生效中' })).toContainText('满 ¥58.00');
  await shot(page, 'rules-in-force');
});
