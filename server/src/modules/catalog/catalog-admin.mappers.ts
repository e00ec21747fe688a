import {
  type AdminProductDto,
  type AdminProductSummaryDto,
  type AdminSkuDto,
  type CategoryDto,
  fen,
} from '@tidepool/shared';
import type { Category } from './category.entity';
import type { Product } from './product.entity';
import type { Sku } from './sku.entity';

// Row → contract mappings of the operator's catalogue, and the small snapshots its audit entries keep.

export function toCategory({ id, name, iconUrl, sort }: Category): CategoryDto {
  return { id, name, iconUrl, sort };
}

export function toSku(sku: Sku): AdminSkuDto {
  return {
    id: sku.id,
    productId: sku.productId,
    code: sku.code,
    specs: sku.specs,
    priceFen: fen(sku.priceFen),
    stock: sku.stock,
    sort: sku.sort,
  };
}

export function toProductSummary(p: Product): AdminProductSummaryDto {
  const skus = p.skus ?? [];
  return {
    id: p.id,
    categoryId: p.categoryId,
    name: p.name,
    coverUrl: p.coverUrl,
    status: p.status,
    promotionTags: p.promotionTags,
    priceFen: fen(p.priceFen),
    maxPriceFen: fen(skus.reduce((max, sku) => Math.max(max, sku.priceFen), p.priceFen)),
    skuCount: skus.length,
    totalStock: skus.reduce((sum, sku) => sum + sku.stock, 0),
    sort: p.sort,
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

export function toProduct(p: Product): AdminProductDto {
  return {
    ...toProductSummary(p),
    categoryName: p.category?.name ?? '',
    subtitle: p.subtitle,
    description: p.description,
    images: p.images,
    originalPriceFen: p.originalPriceFen === null ? null : fen(p.originalPriceFen),
    sales: p.sales,
    skus: (p.skus ?? []).map(toSku),
    createdAt: p.createdAt.toISOString(),
  };
}

/**
 * What an audit entry keeps of a product: the fields an operator edits, SKUs as code → "specs ¥price" so a diff
 * reads as one line per SKU. Stock is left out: it moves by adjustments, each with an entry of its own.
 */
export function productSnapshot(p: AdminProductDto): Record<string, unknown> {
  return {
    name: p.name,
    subtitle: p.subtitle,
    categoryId: p.categoryId,
    status: p.status,
    images: p.images,
    description: p.description.length > 200 ? `${p.description.slice(0, 200)}…` : p.description,
    originalPriceFen: p.originalPriceFen,
    promotionTags: p.promotionTags,
    sort: p.sort,
    version: p.version,
    skus: Object.fromEntries(
      p.skus.map((sku) => [sku.code, `${Object.values(sku.specs).join('/') || '默认'} ${sku.priceFen}`]),
    ),
  };
}

export function skuSnapshot(sku: Sku | AdminSkuDto): Record<string, unknown> {
  return { productId: sku.productId, code: sku.code, specs: sku.specs, priceFen: sku.priceFen, sort: sku.sort };
}
