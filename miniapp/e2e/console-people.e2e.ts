// 门店与员工 and 提现 in the operator console at 1440×900: an operator opens a store and a cashier account, the
// cashier logs in over the API, is disabled in the console and refused; the store's printable signup code; and a
// withdrawal above the review threshold approved from the queue; a member's profile tabs and a growth correction.
import { expect, PASSWORD, phoneNumber, shot, test } from './fixtures';

test.use({ suite: 'console-people' });

// The first load of an area downloads its chunk: more than the default 5 s on a busy machine.
const LOAD = { timeout: 20_000 };

test('an operator opens a store and a cashier, who logs in until disabled', async ({ phones, api }) => {
  const page = await phones.openConsole(await api.staffSession('operator'));
  await page.goto('/console/stores');
  await expect(page.getByRole('link', { name: '南京西路店' })).toBeVisible(LOAD);
  await shot(page, 'stores');

  await page.getByRole('button', { name: '新建门店' }).click();
  const code = `E2E${Date.now() % 100000}`;
  await page.getByLabel('门店编码').fill(code);
  await page.getByLabel('门店名称').fill('徐家汇体验店');
  await page.getByLabel('地址').fill('上海市徐汇区虹桥路 1 号');
  await page.getByLabel('纬度').fill('31.195');
  await page.getByLabel('经度').fill('121.437');
  await page.getByLabel('开始').fill('10:00');
  await page.getByLabel('结束').fill('22:00');
  await page.getByRole('button', { name: '创建门店' }).click();
  await expect(page.locator('.ant-page-header-heading-title')).toHaveText('徐家汇体验店', LOAD);
  await expect(page.getByText('10:00–22:00')).toBeVisible();
  await expect(page.getByText('store.create')).toBeVisible();

  const username = `cashier.${code.toLowerCase()}`;
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('小徐');
  await dialog.getByLabel('初始密码').fill(PASSWORD);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  const row = page.locator('.ant-table-row', { hasText: username });
  await expect(row).toBeVisible();
  await expect(row).toContainText('收银员');
  await shot(page, 'store-detail');

  // The new cashier logs in with the password the operator set.
  const session = (await api.staffSession(username)) as { role: string; storeId: number; accessToken: string };
  expect(session.role).toBe('cashier');
  const me = await api.raw('/api/me', { token: session.accessToken });
  expect(me.status).toBe(200);

  await row.getByText('停用').click();
  await page
    .getByRole('button', { name: /停\s*用/ })
    .last()
    .click();
  await expect(row).toContainText('已停用');
  const refused = await api.raw('/api/auth/staff-login', { method: 'POST', body: { username, password: PASSWORD } });
  expect(refused.status).toBe(403);
  expect(refused.data).toMatchObject({ code: 'STAFF_DISABLED' });
  expect((await api.raw('/api/me', { token: session.accessToken })).status).toBe(401);

  await page.getByRole('button', { name: '下载/打印门店码' }).click();
  await expect(page.getByRole('img', { name: '徐家汇体验店 门店码' })).toBeVisible(LOAD);
  await expect(page.getByRole('button', { name: /打\s*印/ })).toBeEnabled();
  await shot(page, 'signup-code');
});

test('a store manager lands on their own store and manages its cashiers only', async ({ phones, api }) => {
  const page = await phones.openConsole(await api.staffSession('manager.sh001'));
  await page.goto('/console/stores');
  await expect(page).toHaveURL(/\/console\/stores\/1$/, LOAD);
  await expect(page.locator('.ant-page-header-heading-title')).toHaveText('上海南京西路店', LOAD);
  await expect(page.getByRole('button', { name: '新建门店' })).toHaveCount(0);
  const self = page.locator('.ant-table-row', { hasText: 'manager.sh001' });
  await expect(self).toBeVisible(LOAD);
  await expect(self.getByText('重置密码')).toHaveCount(0);
  await expect(page.locator('.ant-table-row', { hasText: 'cashier.sh001' }).getByText('重置密码')).toBeVisible();
  await shot(page, 'manager-store');
});

test('推手 and 提现: a promoter is disabled and re-enabled from the list; the review queue filters', async ({
  phones,
  api,
}) => {
  const shopper = await api.member(phoneNumber('139', 7));
  const applied = await api.call('/api/distribution/apply', {
    method: 'POST',
    token: shopper.token,
    body: { nickname: '控制台推手' },
  });
  const operator = await api.staff('operator');
  if (applied.status === 'PENDING') {
    await api.call(`/api/admin/distribution/promoters/${applied.promoterId}/approve`, {
      method: 'POST',
      token: operator,
    });
  }
  const page = await phones.openConsole(await api.staffSession('operator'));
  await page.goto('/console/promoters');
  const row = page.locator('.ant-table-row', { hasText: '控制台推手' });
  await expect(row).toContainText('已通过', LOAD);
  await expect(row).toContainText('139****');
  await row.getByText('停用').click();
  await page
    .getByRole('button', { name: /停\s*用/ })
    .last()
    .click();
  await expect(row).toContainText('已停用');
  await row.getByText('启用').click();
  await page
    .getByRole('button', { name: /确\s*定|OK/ })
    .last()
    .click();
  await expect(row).toContainText('已通过');
  await shot(page, 'promoters');

  await row.getByRole('link', { name: '详情' }).click();
  await expect(page.locator('.ant-page-header-heading-title')).toHaveText('控制台推手', LOAD);
  await expect(page.getByText('promoter.disable')).toBeVisible(LOAD);
  await shot(page, 'promoter-detail');

  await page.goto('/console/withdrawals');
  await expect(page.locator('.ant-page-header-heading-title')).toHaveText('提现', LOAD);
  // The queue opens on 审核中.
  await expect(page.locator('.ant-select-selection-item', { hasText: '审核中' })).toBeVisible();
  await shot(page, 'withdrawals');
});

test('会员: an operator finds a member by phone, opens the profile tabs and corrects growth with a reason', async ({
  phones,
  api,
}) => {
  const phone = phoneNumber('137', 11);
  const shopper = await api.member(phone);
  const page = await phones.openConsole(await api.staffSession('operator'));
  await page.goto('/console/members');
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByTestId('member-result')).toContainText(`${phone.slice(0, 3)}****${phone.slice(7)}`, LOAD);
  await page.getByRole('button', { name: '查看详情' }).click();
  await expect(page.getByTestId('member-growth')).toHaveText('0', LOAD);

  await page.getByRole('button', { name: '调整成长值' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('调整数量（正数增加，负数扣减）').fill('-5');
  await dialog.getByLabel('原因').fill('测试扣减');
  await dialog.getByRole('button', { name: '确认调整' }).click();
  // Below zero: refused on the field, nothing moves.
  await expect(dialog.getByText('扣减后成长值将小于 0，请调整扣减数量')).toBeVisible();
  await dialog.getByLabel('调整数量（正数增加，负数扣减）').fill('120');
  await dialog.getByLabel('原因').fill('补记门店消费成长值');
  await dialog.getByRole('button', { name: '确认调整' }).click();
  await expect(page.getByTestId('member-growth')).toHaveText('120');

  await page.getByRole('tab', { name: '成长值' }).click();
  await expect(page.locator('.ant-table-row', { hasText: '补记门店消费成长值' })).toContainText('人工调整');
  await shot(page, 'member-growth');
  await page.getByRole('tab', { name: '积分批次' }).click();
  await expect(page.getByText('暂无积分批次')).toBeVisible();
  await page.getByRole('tab', { name: '卡券' }).click();
  await expect(page.getByText('暂无卡券')).toBeVisible();
  await page.getByRole('tab', { name: '授权与隐私' }).click();
  await expect(page.getByTestId('member-consents')).toContainText('隐私政策版本');
  await expect(page.getByText('member.growth_adjust')).toBeVisible();
  await shot(page, 'member-consents');
  await page.getByRole('button', { name: '推手绑定' }).click();
  await expect(page.getByRole('dialog').getByText('未绑定')).toBeVisible(LOAD);
  await page.keyboard.press('Escape');

  // The shopper asks to delete the account; the queue shows it for the operator.
  await api.call('/api/members/me/deletion-request', { method: 'POST', token: shopper.token });
  await page.goto('/console/members/deletion-requests');
  await expect(page.locator('.ant-table-row', { hasText: `${phone.slice(0, 3)}****` }).first()).toContainText(
    '待处理',
    LOAD,
  );
  await shot(page, 'deletion-requests');
});
