// The operator console's 人群 in Chromium at 1440×900: an operator builds a segment from condition rows, sees the
// live count answer each edit, sees a broken range refused beside its row, saves the segment and finds it listed.
// The count is whatever member_facts holds on this server, so the suite checks that a number comes back from the
// server for each edit rather than a fixed figure.
import { expect, shot, test } from './fixtures';

test.use({ suite: 'console-segments' });

test('an operator builds a segment and sees its count', async ({ phones, api }) => {
  const page = await phones.openConsole(await api.staffSession('operator'));
  await page.goto('/console/segments');
  await page.getByRole('button', { name: /新建人群/ }).click();

  // The count answering a given edit: its request carries the rule as edited (earlier edits may still be in flight).
  const counted = (ruleText: string) =>
    page.waitForResponse(
      (res) =>
        res.url().endsWith('/api/admin/segments/count') &&
        res.request().method() === 'POST' &&
        (res.request().postData() ?? '').includes(ruleText),
    );
  const count = page.getByTestId('segment-count');

  // The first row starts as 会员等级; pick 金卡 and 银卡.
  let answer = counted('"value":["GOLD","SILVER"]');
  const first = page.getByTestId('segment-condition-conditions[0]');
  await first.getByRole('combobox', { name: '取值' }).click();
  await page.getByTitle('金卡会员').click();
  await page.getByTitle('银卡会员').click();
  await page.keyboard.press('Escape');
  expect((await answer).status()).toBe(200);
  await expect(count).toContainText(/\d/);

  // A second row: spend in 365 days from 100 元, then a range that ends before it starts.
  await page.getByRole('button', { name: /添加条件$/ }).click();
  const second = page.getByTestId('segment-condition-conditions[1]');
  // The first picker of the row is its field (a single select: its shown value covers the input, so click the box).
  await second.locator('.ant-select').first().click();
  await page.getByTitle('近365天消费金额').click();
  answer = counted('{"min":10000,"max":null}');
  await second.getByRole('spinbutton', { name: '最小值' }).fill('100');
  expect((await answer).status()).toBe(200);
  await expect(count).toContainText(/\d/);
  await shot(page, 'builder');

  phones.expectFailure('400 POST /api/admin/segments/count');
  answer = counted('{"min":10000,"max":5000}');
  await second.getByRole('spinbutton', { name: '最大值' }).fill('50');
  expect((await answer).status()).toBe(400);
  await expect(second.getByText('最大值不能小于最小值')).toBeVisible();
  await shot(page, 'builder-error');

  answer = counted('{"min":10000,"max":500000}');
  await second.getByRole('spinbutton', { name: '最大值' }).fill('5000');
  expect((await answer).status()).toBe(200);
  await expect(second.getByText('最大值不能小于最小值')).toHaveCount(0);

  const name = `金银卡消费满百 ${Date.now() % 100_000}`;
  await page.getByLabel('人群名称').fill(name);
  const saved = page.waitForResponse(
    (res) => res.url().endsWith('/api/admin/segments') && res.request().method() === 'POST',
  );
  await page.getByRole('button', { name: '保存人群' }).click();
  expect((await saved).status()).toBe(201);
  await expect(page.getByText('人群预览（按消费金额排序）')).toBeVisible();
  await expect(page.getByTestId('audit-entry').first()).toContainText('segment.create');
  await shot(page, 'saved', { fullPage: true });

  await page.goto('/console/segments');
  await expect(page.getByRole('link', { name })).toBeVisible();
});
