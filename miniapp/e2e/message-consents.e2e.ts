// 订阅消息 on 个人信息与隐私 (issue 16): a member who allowed the drop reminder twice sees it listed in Chinese with
// the sends left; 撤回 asks first (取消 changes nothing), then drops them: the list says 无剩余, the 撤回 button goes,
// and the server's ledger agrees. The consents are given through the API as the drop page reports them (H5 has no
// subscribe dialog); the steps run in order on one phone.
import type { Page } from '@playwright/test';
import {
  assert,
  confirmModal,
  expect,
  phoneNumber,
  shot as saveShot,
  test,
  textOf,
  visibleIn,
  type Phones,
} from './fixtures';

test.use({ suite: 'message-consents' });

interface ConsentsAnswer {
  items: { templateId: string; templateName: string; unspent: number }[];
}

test.describe.serial('message consents', () => {
  let phones: Phones;
  let page: Page;
  let token = '';
  let dropReminder = '';

  const shot = (name: string) => saveShot(page, name);
  const visible = (selector: string) => visibleIn(page)(selector);

  test.beforeAll(async ({ phones: phonesFixture, api }) => {
    phones = phonesFixture;
    const member = await api.member(phoneNumber('139'));
    token = member.token;
    dropReminder = ((await api.call('/api/wechat/subscribe-templates')) as { dropReminder: string }).dropReminder;
    for (let i = 0; i < 2; i++) {
      await api.call('/api/me/message-consents', {
        method: 'POST',
        token,
        body: { accepted: [dropReminder], sourcePage: 'packages/drop/pages/detail/index' },
      });
    }
    page = await phones.open({ device: member.device });
  });

  test('the privacy page lists the drop reminder with the sends left', async () => {
    await page.goto(`${phones.baseURL}/packages/member/pages/privacy/index`, { waitUntil: 'domcontentloaded' });
    const row = visible('.message-consent').first();
    await row.waitFor();
    assert((await textOf(row.locator('.message-consent__name'))) === '团购开抢提醒', await textOf(row));
    assert((await textOf(row.locator('.message-consent__left'))) === '还可发送 2 次', await textOf(row));
    await shot('listed');
  });

  test('撤回 asks first; 取消 keeps the consents', async ({ api }) => {
    await visible('.message-consent__withdraw').first().click();
    const modal = page.locator('.taro-modal__content').locator('visible=true').first();
    await modal.waitFor();
    const text = await textOf(modal);
    assert(text.includes('「团购开抢提醒」') && text.includes('剩余 2 次'), `confirmation: ${text}`);
    await shot('confirm');
    await confirmModal(page, '取消');
    const answer = (await api.call('/api/me/message-consents', { token })) as ConsentsAnswer;
    assert(answer.items[0]?.unspent === 2, `after 取消: ${JSON.stringify(answer)}`);
    assert((await textOf(visible('.message-consent__left'))) === '还可发送 2 次', 'the list changed after 取消');
  });

  test('确认撤回 drops them: 无剩余, no 撤回, and the server agrees', async ({ api }) => {
    await visible('.message-consent__withdraw').first().click();
    await confirmModal(page, '确认撤回');
    await page.getByText('已撤回').first().waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.message-consent__left')].some((n) => n.textContent?.trim() === '无剩余'),
    );
    assert((await visible('.message-consent__withdraw').count()) === 0, '撤回 is still offered');
    const answer = (await api.call('/api/me/message-consents', { token })) as ConsentsAnswer;
    assert(
      answer.items.length === 1 && answer.items[0].templateId === dropReminder && answer.items[0].unspent === 0,
      JSON.stringify(answer),
    );
    await shot('withdrawn');
  });

  test('消息触达 in the console: an operator opens it from the menu (no sends yet: the empty states)', async ({
    api,
  }) => {
    const console = await phones.openConsole(await api.staffSession('operator'));
    await console.getByRole('menuitem', { name: /消息触达/ }).click();
    await console.waitForURL(/\/console\/messages/);
    await expect(console.getByText('按模板统计（当前筛选）')).toBeVisible();
    await expect(console.getByText('暂无发送记录')).toBeVisible();
    await expect(console.getByText('没有符合条件的消息')).toBeVisible();
    await saveShot(console, 'console-empty');
  });

  test('no script errors or failed requests', () => {
    assert(phones.pageErrors.length === 0, phones.pageErrors.join('\n'));
    assert(phones.failedRequests.length === 0, phones.failedRequests.join(', '));
  });
});
