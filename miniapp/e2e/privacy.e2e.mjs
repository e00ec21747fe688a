/* global AbortSignal, navigator */
// The privacy sheet in the H5 build, real Chromium against a real server. The browser has no WeChat to hold a
// privacy call, so the app shows the same sheet before the equivalent Taro calls (components/privacy-sheet): a
// guest on a product page taps 分享 → 复制链接; the sheet names the guide and links to it; 拒绝 leaves the
// clipboard alone, says why in Chinese and the page stays usable (加入购物车 works); 同意 copies the link, and the
// next copy is not asked again (the agreement is remembered).
// BASE_URL: the server serving the H5 build and the API. ARTIFACTS_DIR: where screenshots go.
// CHROMIUM_PATH: default /usr/bin/chromium. Prints "N passed, M failed"; exits non-zero on any failure.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const BASE_URL = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
const ARTIFACTS_DIR = resolve(process.env.ARTIFACTS_DIR ?? join(here, '..', '..', 'artifacts'));
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WAIT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 20_000);

if (!BASE_URL) {
  console.error('privacy e2e: set BASE_URL to the server that serves the H5 build and the API');
  process.exit(2);
}
mkdirSync(ARTIFACTS_DIR, { recursive: true });
await fetch(`${BASE_URL}/api/health`, { signal: AbortSignal.timeout(10_000) });

const results = [];
const pageErrors = [];
let page = null;

async function check(name, fn) {
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ok   ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(
      `  FAIL ${name}\n       ${String(error?.stack ?? error)
        .split('\n')
        .slice(0, 4)
        .join('\n       ')}`,
    );
    if (page) await shot(`failure-${results.length}`).catch(() => undefined);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function shot(name) {
  await page.waitForTimeout(400);
  const file = join(ARTIFACTS_DIR, `privacy-${name}.png`);
  await page.screenshot({ path: file });
  console.log(`    screenshot: ${file}`);
}

const visible = (selector) => page.locator(selector).locator('visible=true');
const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.on('pageerror', (err) => pageErrors.push(String(err?.stack ?? err)));

  await check('a guest opens a product and asks to copy its link: the privacy sheet comes first', async () => {
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

  await check('拒绝: nothing is copied, the reason is shown in Chinese, and the page is still usable', async () => {
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

  await check('同意: the held copy goes ahead, and is not asked again', async () => {
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

  await check('no script errors', async () => {
    assert(pageErrors.length === 0, pageErrors.join('\n'));
  });
} finally {
  await browser.close();
}

const passed = results.filter((r) => r.ok).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
