import type { AdminProductDto, AdminSkuDto, ProductStatus } from '@tidepool/shared';
import { CatalogAdminService } from '../../src/modules/catalog/catalog-admin.service';
import type { Principal } from '../../src/common/auth/principal';
import type { TestApp } from '../support/test-app';
import { unique } from './unique';

export interface ProductOptions {
  /** One price per SKU (fen); one SKU at 3000 by default. */
  prices?: number[];
  stock?: number;
  status?: ProductStatus;
  promotionTags?: string[];
  categoryId?: number;
}

/** The factories write as an operator no account backs (their audit entries read "#0"). */
const FACTORY_ACTOR: Principal = { id: 0, role: 'operator', storeId: null };

const categories = new WeakMap<TestApp, Promise<number>>();

/** A category of the factory's own per app, so no product of a spec lands among the demo's. */
function factoryCategory(t: TestApp): Promise<number> {
  let id = categories.get(t);
  if (!id) {
    id = t.app
      .get(CatalogAdminService)
      .createCategory(FACTORY_ACTOR, { name: unique('factory-category') })
      .then((c) => c.id);
    categories.set(t, id);
  }
  return id;
}

/** A product of its own, on sale, with one SKU per price, each with the given stock. */
export async function createProduct(t: TestApp, options: ProductOptions = {}): Promise<AdminProductDto> {
  const name = unique('product');
  const prices = options.prices ?? [3000];
  return t.app.get(CatalogAdminService).createProduct(FACTORY_ACTOR, {
    categoryId: options.categoryId ?? (await factoryCategory(t)),
    name,
    images: ['/static/demo/factory.png'],
    status: options.status ?? 'ON_SALE',
    promotionTags: options.promotionTags ?? [],
    skus: prices.map((priceFen, i) => ({
      code: `${name}-${i}`,
      specs: { 规格: `款${i + 1}` },
      priceFen,
      stock: options.stock ?? 50,
    })),
  });
}

/** One SKU of a product of its own, at the given price and stock. */
export async function createSku(t: TestApp, priceFen = 3000, stock = 50): Promise<AdminSkuDto> {
  const product = await createProduct(t, { prices: [priceFen], stock });
  return product.skus[0];
}
