// The shopper's catalogue, address and navigation paths in the H5 build: 搜索 from 首页 (hot keywords, recent
// searches kept on the phone and cleared after a confirmation, results with the 2件79折 tag, load-more, an empty
// state that suggests something) → the product page's stepper to 2 → 加入购物车 (the cart line says 2 and shows the
// same tag); the address book (add two, set the second as default) → checkout preselects the default, 更换 picks
// the other and the pick survives the browser's back and forward. Then 联系客服, the back control, an unknown URL
// shows 页面不存在 and 返回首页 works; with the server unreachable (a proxy in front of it is stopped: a dead port) a
// data request and a tab whose page chunk was never loaded both say 网络不给力, and 重试 works once it is back.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { Page } from '@playwright/test';
import {
  assert,
  confirmModal,
  phoneNumber,
  shot as saveShot,
  test,
  textOf,
  visibleIn,
  type Api,
  type CallOptions,
  type Json,
  type Phones,
  type Shopper,
} from './fixtures';

test.use({ suite: 'shopper-catalog' });

/**
 * A plain HTTP proxy in front of the server, so the test can make the server unreachable (stop: the port refuses
 * connections, as a dead server's does) and bring it back on the same port.
 */
function createProxy(target: string) {
  const upstream = new URL(target);
  let server: Server | null = null;
  let port = 0;
  const start = () =>
    new Promise<void>((resolveListen, reject) => {
      const proxy = createServer((req, res) => {
        const forward = httpRequest(
          { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        forward.on('error', () => res.destroy());
        req.pipe(forward);
      });
      proxy.once('error', reject);
      proxy.listen(port, '127.0.0.1', () => {
        const address = proxy.address();
        port = typeof address === 'object' && address ? address.port : 0;
        server = proxy;
        resolveListen();
      });
    });
  const stop = () =>
    new Promise<void>((resolveStop) => {
      const running = server;
      server = null;
      if (!running) return resolveStop();
      running.closeAllConnections();
      running.close(() => resolveStop());
    });
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    start,
    stop,
  };
}

let client: Api;
let phones: Phones;
let proxy: ReturnType<typeof createProxy>;
let member: Shopper;
let settings: Json = null;
let page: Page;

const api = (path: string, options?: CallOptions) => client.call(path, options);
const shot = (name: string, target: Page = page) => saveShot(target, name);
const visible = (selector: string) => visibleIn(page)(selector);

async function clickTab(label: string) {
  await visible('.weui-tabbar__item').filter({ hasText: label }).first().click();
}

async function searchFor(keyword: string) {
  await visible('.search-input input').first().fill(keyword);
  await visible('.search-submit').first().click();
}

test.beforeAll(async ({ api: apiFixture, phones: phonesFixture }) => {
  client = apiFixture;
  phones = phonesFixture;
  proxy = createProxy(client.baseURL);
  await proxy.start();
  member = await client.member(phoneNumber('137'));
  settings = await api('/api/storefront/settings');
});

test.afterAll(async () => {
  await proxy.stop();
});

// One phone throughout: the recent searches, the cart and the address book carry over. (Going back from a product
// page used to leave the home page blank now and then under load: Taro's H5 page animation hid the page on a
// timer that could fire after 返回 had shown it again. app.config.ts turns the H5 animation off; with it on, the
// back-control check failed 2 runs in 10 at 20 repeats under load, and passed 20 of 20 without it.)
test.describe.serial('search, cart, checkout and navigation', () => {
  test.beforeAll(async () => {
    page = await phones.open({ device: member.device });
  });

  test('首页 has a search box that opens 搜索 with the operator’s hot keywords', async () => {
    await page.goto(`${proxy.url}/`, { waitUntil: 'domcontentloaded' });
    await visible('.home-page .search-entry').first().click();
    await visible('.search-page').first().waitFor();
    await visible('.hot-chip').first().waitFor();
    const hot = await visible('.hot-keywords .hot-chip').allTextContents();
    assert(
      JSON.stringify(hot.map((s) => s.trim())) === JSON.stringify(settings.hotKeywords),
      `hot keywords ${JSON.stringify(hot)} ≠ ${JSON.stringify(settings.hotKeywords)}`,
    );
    await shot('search-start');
  });

  test('a search shows results with the same cards, the 2件79折 tag and 找到 N 件', async () => {
    await searchFor('曲奇');
    const card = visible('.search-results .product-card').first();
    await card.waitFor();
    assert((await textOf(card.locator('.product-name'))).includes('曲奇'), 'the first result is not the cookies');
    await card.locator('.promo-tag', { hasText: '2件79折' }).waitFor();
    assert(/找到 1 件/.test(await textOf(visible('.search-results__count'))), 'the count does not say 1');
    await shot('search-results');
  });

  test('a hot keyword searches, loads more on scroll and the recent searches list both, newest first', async () => {
    await visible('.search-head__clear').first().click();
    await visible('.hot-chip').filter({ hasText: '毛绒公仔' }).first().click();
    await visible('.search-results .product-card').first().waitFor();
    await visible('.search-head__clear').first().click();
    const recent = (await visible('.recent-chip').allTextContents()).map((s) => s.trim());
    assert(
      JSON.stringify(recent) === JSON.stringify(['毛绒公仔', '曲奇']),
      `recent searches ${JSON.stringify(recent)}`,
    );
    // Load-more: a keyword that matches more than one page (10): most subtitles read "… · …".
    const all = await api(`/api/catalog/products?keyword=${encodeURIComponent('·')}&pageSize=50`);
    assert(all.total > 10, `only ${all.total} products match, load-more is not exercised`);
    await searchFor('·');
    await visible('.search-results .product-card').first().waitFor();
    assert((await visible('.search-results .product-card').count()) === 10, 'the first page is not 10 cards');
    for (let i = 0; i < 5 && (await visible('.search-results .product-card').count()) < all.total; i++) {
      await page.mouse.wheel(0, 8000);
      await page.waitForTimeout(600);
    }
    const shown = await visible('.search-results .product-card').count();
    assert(shown === all.total, `${shown} cards shown for ${all.total} results`);
  });

  test('nothing found: the empty state suggests hot keywords and popular products', async () => {
    await visible('.search-head__clear').first().click();
    await searchFor('不存在的商品xyz');
    await visible('.search-empty-title').first().waitFor();
    await visible('.search-empty .suggest-chip').first().waitFor();
    await visible('.search-popular .product-card').first().waitFor();
    await shot('search-empty');
  });

  test('最近搜索 is cleared only after the confirmation, and stays cleared after a reload', async () => {
    await visible('.search-head__clear').first().click();
    await visible('.clear-recent').first().click();
    await confirmModal(page, '取消');
    assert((await visible('.recent-chip').count()) > 0, 'cancelling cleared the list');
    await visible('.clear-recent').first().click();
    await confirmModal(page, '清空');
    await page.waitForTimeout(300);
    assert((await visible('.recent-chip').count()) === 0, 'the list is still there');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await visible('.hot-chip').first().waitFor();
    assert((await visible('.recent-chip').count()) === 0, 'the list came back after a reload');
  });

  let cookieSku = 0;
  test('product page: the stepper goes to 2 and 加入购物车 puts 2 in the cart', async () => {
    await searchFor('曲奇');
    await visible('.search-results .product-card').first().click();
    await visible('.detail-page .qty-stepper').first().waitFor();
    await visible('.detail-promo-tags .promo-tag').filter({ hasText: '2件79折' }).first().waitFor();
    const tags = (await visible('.detail-promo-tags .promo-tag').allTextContents()).map((s) => s.trim());
    assert(tags.includes('2件79折'), `detail tags ${JSON.stringify(tags)}`);
    assert(
      tags.some((t) => t.startsWith('会员日满68减')),
      `no member-day tag in ${JSON.stringify(tags)}`,
    );
    assert((await textOf(visible('.quantity-value'))) === '1', 'the stepper does not start at 1');
    await visible('.qty-stepper__minus').first().click();
    assert((await textOf(visible('.quantity-value'))) === '1', 'the stepper went below 1');
    await visible('.qty-stepper__plus').first().click();
    assert((await textOf(visible('.quantity-value'))) === '2', 'the stepper is not at 2');
    await shot('detail-stepper');
    await visible('.add-to-cart').first().click();
    await page.getByText('已加入购物车').first().waitFor();
    // A guest's cart is on the phone until the cart page logs in and merges it: read it there.
    await visible('.cart-shortcut').first().click();
    const line = visible('.cart-line').filter({ hasText: '曲奇' }).first();
    await line.waitFor();
    assert((await textOf(line.locator('.line-quantity'))) === '2', 'the cart line does not say 2');
    cookieSku = Number(await line.getAttribute('data-sku-id'));
  });

  test('the cart line shows 2 and the same 2件79折 tag', async () => {
    const line = visible(`.cart-line[data-sku-id="${cookieSku}"]`).first();
    await line.waitFor();
    assert((await textOf(line.locator('.line-quantity'))) === '2', 'the cart line does not say 2');
    await line.locator('.promo-tag', { hasText: '2件79折' }).waitFor();
    await shot('cart-tags');
  });

  test('address book: add two addresses, the second made default; bad phone refused naming it', async () => {
    await page.goto(`${proxy.url}/pages/mine/index`, { waitUntil: 'domcontentloaded' });
    await visible('.mine-entry').filter({ hasText: '收货地址' }).first().click();
    await visible('.addresses-page').first().waitFor();
    for (const [name, phone, detail] of [
      ['张三', '00000000000', '南京西路1266号 8楼'],
      ['李四', '13900139001', '虹桥路1号 12楼'],
    ]) {
      await visible('.add-address').first().click();
      await visible('.address-edit-page').first().waitFor();
      await visible('.address-input-recipientName input').first().fill(name);
      await visible('.address-input-phone input').first().fill(phone);
      await visible('.address-input-province input').first().fill('上海市');
      await visible('.address-input-city input').first().fill('上海市');
      await visible('.address-input-district input').first().fill('静安区');
      await visible('.address-input-detail input').first().fill(detail);
      await visible('.save-address').first().click();
      if (phone === '00000000000') {
        await visible('.address-field-error').filter({ hasText: '手机号' }).first().waitFor();
        await shot('address-bad-phone');
        await visible('.address-input-phone input').first().fill('13800138000');
        await visible('.save-address').first().click();
      }
      await visible('.addresses-page .address-item').filter({ hasText: name }).first().waitFor();
    }
    const li = visible('.address-item').filter({ hasText: '李四' }).first();
    await li.locator('.set-default').click();
    await li.locator('.default-badge').waitFor();
    const book = await api('/api/addresses', { token: member.token });
    assert(book.length === 2 && book[0].recipientName === '李四' && book[0].isDefault, 'the default is not 李四');
    await shot('address-book');
  });

  test('checkout preselects the default address; a pick survives back and forward', async () => {
    await page.goto(`${proxy.url}/pages/cart/index`, { waitUntil: 'domcontentloaded' });
    await visible('.checkout-button').first().click();
    await visible('.picked-address').first().waitFor();
    assert((await textOf(visible('.picked-address-name'))) === '李四', 'checkout did not preselect 李四');
    // Checkout logged in and merged the phone's cart: the member's cart holds the 2 cookies.
    const cart = await api('/api/cart', { token: member.token });
    assert(
      cart.lines.some((l: Json) => l.skuId === cookieSku && l.quantity === 2),
      `the member's cart holds ${JSON.stringify(cart.lines.map((l: Json) => [l.skuId, l.quantity]))}`,
    );
    // Checkout prices the zone as the tag promised.
    await visible('.checkout-breakdown').filter({ hasText: '2件79折' }).first().waitFor();
    await shot('checkout-default');
    await visible('.change-address').first().click();
    await visible('.address-item').filter({ hasText: '张三' }).first().locator('.address-item__main').click();
    await visible('.picked-address').first().waitFor();
    await page.waitForFunction(() => document.querySelector('.picked-address-name')?.textContent?.trim() === '张三');
    await page.goBack();
    await visible('.cart-page').first().waitFor();
    await page.goForward();
    await visible('.picked-address').first().waitFor();
    await page.waitForTimeout(500);
    const name = await textOf(visible('.picked-address-name'));
    assert(name === '张三', `after back and forward checkout shows ${name}`);
    await shot('checkout-picked');
  });
  test('联系客服 on the product page opens the service phone and hours (H5)', async () => {
    await page.goto(`${proxy.url}/packages/product/pages/detail/index?id=1`, { waitUntil: 'domcontentloaded' });
    await visible('.detail-contact').first().click();
    await visible('.service-phone').first().waitFor();
    assert((await textOf(visible('.service-phone'))) === settings.servicePhone, 'the sheet shows another phone');
    await shot('contact-sheet');
  });

  test('a page that is not a tab page has a back control in H5', async () => {
    await page.goto(`${proxy.url}/`, { waitUntil: 'domcontentloaded' });
    await visible('.home-page .product-card').first().click();
    await visible('.detail-page').first().waitFor();
    const back = page.locator('.taro-navigation-bar-back').locator('visible=true').first();
    await back.waitFor();
    await back.click();
    await visible('.home-page').first().waitFor();
  });

  test('an unknown URL shows 页面不存在 and 返回首页 goes home', async () => {
    await page.goto(`${proxy.url}/pages/no-such-page/index`, { waitUntil: 'domcontentloaded' });
    await page.getByText('页面不存在').first().waitFor();
    await shot('not-found');
    await visible('.go-home').first().click();
    await visible('.home-page .product-card').first().waitFor();
  });

  test('server unreachable: a data request says 网络不给力, and 重试 works once it is back', async () => {
    await page.goto(`${proxy.url}/`, { waitUntil: 'domcontentloaded' });
    await visible('.home-page .search-entry').first().click();
    await visible('.hot-chip').first().waitFor();
    await proxy.stop();
    await searchFor('公仔');
    const error = visible('.state-error').first();
    await error.waitFor();
    assert((await textOf(error)).includes('网络不给力'), `the error says ${await textOf(error)}`);
    await shot('offline-data');
    await proxy.start();
    await error.locator('.retry-button').click();
    await visible('.search-results .product-card').first().waitFor();
  });

  test('server unreachable: a tab whose page was never loaded says 网络不给力, and 重试 opens it', async () => {
    await page.goto(`${proxy.url}/`, { waitUntil: 'domcontentloaded' });
    await visible('.home-page .product-card').first().waitFor();
    await proxy.stop();
    await clickTab('我的');
    await page.getByText('网络不给力').first().waitFor();
    await shot('offline-chunk');
    await visible('.retry-button').first().click();
    await page.getByText('网络仍未连接').first().waitFor();
    await proxy.start();
    await visible('.retry-button').first().click();
    await visible('.mine-entry').first().waitFor();
    await shot('offline-chunk-recovered');
  });
});
