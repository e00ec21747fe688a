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
  await page.getByText('退出登录').click();
  await expect(page.getByPlaceholder('账号')).toBeVisible();
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
