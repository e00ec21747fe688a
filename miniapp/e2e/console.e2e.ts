// The operator console's frame in Chromium at 1440×900: logging in with a staff account (wrong password, a
// cashier refused, the operator and a store manager let in with the menu of their role), logging out, and an
// expired session sending the operator back to the login page with a plain message.
import { expect, shot, test } from './fixtures';

test.use({ suite: 'console' });

test('an operator logs in, sees every area, and logs out', async ({ phones }) => {
  const page = await phones.openConsole();
  await expect(page.getByText('Tidepool 运营后台').first()).toBeVisible();
  phones.expectFailure('401 POST /api/auth/staff-login');
  await page.getByPlaceholder('账号').fill('operator');
  await page.getByPlaceholder('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登 录' }).click();
  await expect(page.getByRole('alert')).toContainText('账号或密码错误');

  await page.getByPlaceholder('密码').fill('tidepool123');
  await page.getByRole('button', { name: '登 录' }).click();
  const menu = page.locator('.ant-pro-sider-menu, .ant-menu').first();
  for (const area of ['概览', '商品', '订单', '售后', '团购', '积分商城', '优惠券', '操作日志']) {
    await expect(menu.getByText(area, { exact: true })).toBeVisible();
  }
  await shot(page, 'logged-in');

  await page.locator('.ant-pro-global-header').getByText('品牌运营', { exact: true }).click();
  const logout = page.getByRole('menuitem', { name: '退出登录' });
  await expect(logout).toBeVisible();
  await logout.click();
  await expect(page.getByPlaceholder('账号')).toBeVisible({ timeout: 15_000 });
  expect(await page.evaluate(() => localStorage.getItem('tidepool-console-session'))).toBeNull();
});

test('a cashier is sent to store mode; a store manager sees only their store areas', async ({ phones, api }) => {
  const page = await phones.openConsole();
  await page.getByPlaceholder('账号').fill('cashier.sh001');
  await page.getByPlaceholder('密码').fill('tidepool123');
  await page.getByRole('button', { name: '登 录' }).click();
  await expect(page.getByRole('alert')).toContainText('收银员账号请在小程序的门店模式中使用');

  const manager = await phones.openConsole(await api.staffSession('manager.sh001'));
  const menu = manager.locator('.ant-menu').first();
  await expect(menu.getByText('订单', { exact: true })).toBeVisible();
  await expect(menu.getByText('操作日志', { exact: true })).toBeVisible();
  await expect(menu.getByText('商品', { exact: true })).toHaveCount(0);
  await expect(menu.getByText('优惠券', { exact: true })).toHaveCount(0);
  // A product URL typed by hand: the console has no such page for this role (the server refuses it too).
  await manager.goto('/console/products');
  await expect(manager.locator('.ant-result-title')).toHaveText('页面不存在');
});

test('an expired session goes back to the login page with a plain message', async ({ phones }) => {
  phones.expectFailure('401 GET /api/admin/audit');
  const page = await phones.openConsole({
    accessToken: 'expired.token.value',
    role: 'operator',
    storeId: null,
    displayName: '品牌运营',
  });
  await page.goto('/console/audit');
  await shot(page, 'expired');
  await expect(page.getByRole('alert')).toContainText('登录已过期，请重新登录');
  await expect(page.getByPlaceholder('账号')).toBeVisible();
});

test('会员: an operator finds a member by phone and adjusts points with a reason the member sees', async ({
  phones,
  api,
}) => {
  const phone = '13900007788';
  const member = await api.member(phone);
  const page = await phones.openConsole(await api.staffSession('operator'));
  await page.goto('/console/members');
  await page.getByPlaceholder('输入完整手机号').fill(phone);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const result = page.getByTestId('member-result');
  await expect(result).toContainText('139****7788');
  await expect(page.getByText(phone, { exact: true })).toHaveCount(0);
  await result.getByRole('button', { name: '查看详情' }).click();
  await expect(page.getByTestId('member-points')).toHaveText('0');

  await page.getByRole('button', { name: '调整积分' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('调整数量（正数增加，负数扣减）').fill('-5');
  await dialog.getByLabel('原因（会员可在我的积分中看到）').fill('测试扣减');
  phones.expectFailure(/^409 POST \/api\/admin\/members\/\d+\/points-adjustments$/);
  await dialog.getByRole('button', { name: '确认调整' }).click();
  await expect(dialog).toContainText('扣减后积分将小于 0');

  await dialog.getByLabel('调整数量（正数增加，负数扣减）').fill('200');
  await dialog.getByLabel('原因（会员可在我的积分中看到）').fill('门店活动补发积分');
  await dialog.getByRole('button', { name: '确认调整' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('member-points')).toHaveText('200');
  await expect(page.locator('.ant-table-row').first()).toContainText('门店活动补发积分');
  await expect(page.getByTestId('audit-entry').first()).toContainText('member.points_adjust');
  await shot(page, 'member-points');

  const history = await api.call('/api/loyalty/me/points/history', { token: member.token });
  expect(JSON.stringify(history)).toContain('门店活动补发积分');
});
