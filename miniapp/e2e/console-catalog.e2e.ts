// The console's 商品 area in Chromium at 1440×900: an operator creates a product with a spec of two values (two
// SKUs) and an uploaded image, publishes it from the list, and the H5 storefront shows it with that image; then an
// edit made while someone else saved the product over the API is refused and offers to reload.
import { join } from 'node:path';
import { expect, shot, test, WAIT_MS } from './fixtures';
import { REPO_ROOT } from './fixtures/server';

test.use({ suite: 'console-catalog' });

const IMAGE = join(REPO_ROOT, 'miniapp', 'src', 'assets', 'tabbar', 'cart-active.png');

test('create a product with two SKUs and an image, publish it, and the storefront shows it', async ({
  phones,
  api,
}) => {
  const name = `海盐蜡烛 E2E ${Date.now() % 100000}`;
  const categories = (await api.call('/api/catalog/categories')) as { id: number; name: string }[];
  const category = categories[0];

  const page = await phones.openConsole(await api.staffSession('operator'));
  await page.goto('/console/products');
  await expect(page.locator('.ant-table-row').first()).toBeVisible({ timeout: WAIT_MS });
  await shot(page, 'product-list');

  await page.getByRole('button', { name: '新建商品' }).click();
  await expect(page.getByText('新建商品').first()).toBeVisible();
  await page.getByLabel('商品名称').fill(name);
  await page.getByLabel('分类').click();
  await page.locator('.ant-select-item-option').filter({ hasText: category.name }).first().click();
  await page.locator('input[type=file]').setInputFiles(IMAGE);
  await expect(page.locator('.ant-upload-list-item-done img[src^="/uploads/products/"]')).toBeVisible();
  await page.getByLabel('商品描述').fill('海盐与鼠尾草的味道，燃烧约 40 小时。');

  await page.getByRole('button', { name: '添加规格' }).click();
  await page.getByLabel('规格名 1').fill('颜色');
  const values = page.getByRole('combobox', { name: '规格值 1' });
  for (const value of ['红', '蓝']) {
    await values.fill(value);
    await values.press('Enter');
  }
  await page.getByLabel('颜色：红 价格').fill('19.9');
  await page.getByLabel('颜色：红 库存').fill('12');
  await page.getByLabel('颜色：红 编码').fill(`E2E-RED-${Date.now() % 100000}`);
  await page.getByLabel('颜色：蓝 价格').fill('29');
  await page.getByLabel('颜色：蓝 库存').fill('8');
  await page.getByLabel('颜色：蓝 编码').fill(`E2E-BLUE-${Date.now() % 100000}`);
  await shot(page, 'product-new');

  await page.getByRole('button', { name: '创建商品' }).click();
  await expect(page.getByText(`编辑商品：${name}`)).toBeVisible({ timeout: WAIT_MS });
  const productId = Number(/\/products\/(\d+)/.exec(page.url())![1]);
  await expect(page.locator('.ant-pro-page-container').getByText('已下架').first()).toBeVisible();
  await expect(page.getByText('product.create')).toBeVisible();

  // A stock adjustment needs a reason; it lands on the product's trail.
  await page.getByRole('button', { name: '调整库存' }).first().click();
  const modal = page.locator('.ant-modal').filter({ hasText: '调整库存' });
  await modal.getByLabel('调整数量').fill('5');
  await modal.getByRole('button', { name: '确认调整' }).click();
  await expect(modal.getByText('请填写调整原因')).toBeVisible();
  await modal.getByLabel('调整原因').fill('到货入库');
  await modal.getByRole('button', { name: '确认调整' }).click();
  await expect(page.getByText('库存已调整为 17')).toBeVisible();
  await expect(page.getByText('product.stock_adjust')).toBeVisible();
  await shot(page, 'product-edit', { fullPage: false });

  // Publish from the list, found by its SKU code.
  await page.goto('/console/products');
  await page.getByPlaceholder('商品名称或商品编码').fill('E2E-BLUE-');
  await page.getByRole('button', { name: '查 询' }).click();
  const row = page.locator('.ant-table-row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText('¥19.90 ~ ¥29.00');
  await expect(row).toContainText('25');
  await row.getByRole('button', { name: '上架' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '上 架' }).click();
  await expect(row.getByText('在售')).toBeVisible();
  await expect(page.locator('.ant-popconfirm')).toBeHidden();
  await shot(page, 'product-list-published');

  // The storefront shows it, with the uploaded image.
  const phone = await phones.open();
  await phone.goto(`/packages/product/pages/detail/index?id=${productId}`, { waitUntil: 'domcontentloaded' });
  await expect(phone.locator('.detail-name')).toHaveText(name, { timeout: WAIT_MS });
  const image = phone.locator('.detail-swiper img[src*="/uploads/products/"]').first();
  await expect(image).toBeAttached();
  await expect
    .poll(() => image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0);
  await expect(phone.locator('.sku-item')).toHaveCount(2);
  await shot(phone, 'storefront-product');
});

test('an edit over someone else’s save is refused and offers to reload', async ({ phones, api }) => {
  const token = await api.staff('operator');
  const categories = (await api.call('/api/catalog/categories')) as { id: number }[];
  const product = (await api.call('/api/admin/catalog/products', {
    method: 'POST',
    token,
    body: {
      categoryId: categories[0].id,
      name: '并发编辑的商品',
      images: ['/static/demo/products/candle-ocean-1.svg'],
      skus: [{ code: `E2E-STALE-${Date.now() % 100000}`, specs: {}, priceFen: 5000, stock: 3 }],
    },
  })) as { id: number };

  const page = await phones.openConsole(await api.staffSession('operator'));
  await page.goto(`/console/products/${product.id}`);
  // The first load of the area's chunk and the product can be slow on a busy machine.
  await expect(page.getByLabel('商品名称')).toHaveValue('并发编辑的商品', { timeout: WAIT_MS });

  // Meanwhile someone else saves the product.
  await api.call(`/api/admin/catalog/products/${product.id}`, {
    method: 'PATCH',
    token,
    body: { subtitle: '别人刚改的副标题' },
  });

  phones.expectFailure(`409 PATCH /api/admin/catalog/products/${product.id}`);
  await page.getByLabel('商品名称').fill('我的修改');
  await page.getByRole('button', { name: '保 存' }).click();
  const dialog = page.locator('.ant-modal-confirm');
  await expect(dialog).toContainText('商品已被他人修改');
  await shot(page, 'stale-edit');
  await dialog.getByRole('button', { name: '重新加载' }).click();
  await expect(page.getByLabel('副标题')).toHaveValue('别人刚改的副标题', { timeout: WAIT_MS });
  await expect(page.getByLabel('商品名称')).toHaveValue('并发编辑的商品');
  const saved = (await api.call(`/api/admin/catalog/products/${product.id}`, { token })) as { name: string };
  expect(saved.name).toBe('并发编辑的商品');
});
