// The privacy sheet in the H5 build. The browser has no WeChat to hold a privacy call, so the app shows the same
// sheet before the equivalent Taro calls (components/privacy-sheet): a guest on a product page taps 分享 → 复制链接;
// the sheet names the guide and links to it; 拒绝 leaves the clipboard alone, says why in Chinese and the page
// stays usable (加入购物车 works); 同意 copies the link, and the next copy is not asked again (the agreement is
// remembered). The answer is remembered on the phone, so the steps run in order.
import type { Page } from '@playwright/test';
import { assert, shot as saveShot, test, visibleIn, type Phones } from './fixtures';

test.use({ suite: 'privacy' });

test.describe.serial('privacy', () => {
  let phones: Phones;
  let BASE_URL = '';
  let page: Page;

  const shot = (name: string) => saveShot(page, name);
  const visible = (selector: string) => visibleIn(page)(selector);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  test.beforeAll(async ({ phones: phonesFixture }) => {
    phones = phonesFixture;
    BASE_URL = phones.baseURL;
    page = await phones.open({ clipboard: true });
  });

  test('a guest opens a product and asks to copy its link: the privacy sheet comes first', async () => {
    await page.goto(`${BASE_URL}/packages/product/pages/detail/index?id=1`);
    await visible('.share-button').first().click();
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    await visible('.share-copy-link').first().click();
    const sheet = visible('.privacy-sheet');
    await sheet.waitFor();
    const text = (await sheet.textContent()) ?? '';
    assert(text.includes('隐私保护提示'), `no title: ${text}`);
    assert(/《.+隐私保护指引》/.test(text), `the guide is not named: ${text}`);
    assert(text.includes('不同意不影响浏览商品和下单支付'), text);
    await visible('.privacy-agree').first().waitFor();
    await visible('.privacy-refuse').first().waitFor();
    await shot('sheet');
    assert((await clipboard()) === 'before', 'copied before the member answered');
  });

  test('拒绝: nothing is copied, the reason is shown in Chinese, and the page is still usable', async () => {
    await visible('.privacy-refuse').first().click();
    await page.getByText('未同意隐私保护指引，暂时无法使用此功能').first().waitFor();
    await visible('.privacy-sheet')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    assert((await visible('.privacy-sheet').count()) === 0, 'the sheet stayed open');
    assert((await clipboard()) === 'before', 'copied after a refusal');
    await shot('refused');
    // Browsing and buying need no privacy API: the share sheet closes and the cart still takes the product.
    await visible('.share-sheet__cancel').first().click();
    await page.waitForTimeout(1_900); // the toast
    await page.getByText('加入购物车').locator('visible=true').first().click();
    await page
      .getByText(/已加入购物车|请选择/)
      .first()
      .waitFor();
  });

  test('同意: the held copy goes ahead, and is not asked again', async () => {
    await page.goto(`${BASE_URL}/packages/product/pages/detail/index?id=1`);
    await visible('.share-button').first().click();
    await visible('.share-copy-link').first().click();
    await visible('.privacy-sheet').waitFor();
    await visible('.privacy-agree').first().click();
    await page.getByText('链接已复制，发给好友吧').first().waitFor();
    const copied = await clipboard();
    assert(copied.includes('/packages/product/pages/detail/index?id=1'), `copied ${copied}`);
    await page.evaluate(() => navigator.clipboard.writeText('again'));
    await page.waitForTimeout(2_000); // the toast
    await visible('.share-copy-link').first().click();
    await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== 'again');
    assert((await visible('.privacy-sheet').count()) === 0, 'asked again after agreeing');
  });

  test('no script errors', () => {
    assert(phones.pageErrors.length === 0, phones.pageErrors.join('\n'));
  });
});
