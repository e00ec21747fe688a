import type { Fen } from '../money/fen';
import type { PageQuery } from './pagination.contract';

/** GET /api/catalog/categories */
export interface CategoryDto {
  id: number;
  name: string;
  iconUrl: string;
  sort: number;
}

/**
 * GET /api/catalog/products?categoryId=&keyword=&page=&pageSize= — `keyword` searches product names and
 * subtitles (LIKE wildcards are taken literally).
 */
export interface ProductListQuery extends PageQuery {
  categoryId?: number;
  keyword?: string;
}

export interface ProductSummaryDto {
  id: number;
  categoryId: number;
  name: string;
  subtitle: string;
  coverUrl: string;
  /** Lowest SKU price. */
  priceFen: Fen;
  /** Strike-through price, when the product shows one. */
  originalPriceFen: Fen | null;
  sales: number;
  /** Tags for item promotions of the pricing engine (e.g. `zone-2for79`); the storefront shows their labels. */
  promotionTags: string[];
}

export interface SkuDto {
  id: number;
  /** Spec values, e.g. { "颜色": "粉色", "尺寸": "大号" }. */
  specs: Record<string, string>;
  priceFen: Fen;
  stock: number;
}

/** GET /api/catalog/products/:id */
export interface ProductDetailDto extends ProductSummaryDto {
  categoryName: string;
  images: string[];
  description: string;
  skus: SkuDto[];
}

/** POST /api/catalog/skus/lookup { skuIds } — prices and stock for a guest's locally kept cart. */
export interface SkuLookupRequest {
  skuIds: number[];
}

export interface SkuLookupItemDto {
  skuId: number;
  productId: number;
  categoryId: number;
  productName: string;
  coverUrl: string;
  specs: Record<string, string>;
  priceFen: Fen;
  stock: number;
  onSale: boolean;
  /** Tags for item promotions of the pricing engine (e.g. `zone-2for79`). */
  promotionTags: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Catalogue administration (operator). Routes under /api/admin/catalog.

export const PRODUCT_STATUSES = ['ON_SALE', 'OFF_SALE'] as const;
/** ON_SALE = on the shelf (上架), OFF_SALE = off the shelf (下架): hidden from lists, not addable to carts. */
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** Bounds the operator endpoints validate against. */
export const CATALOG_LIMITS = {
  maxImages: 9,
  maxPromotionTags: 8,
  maxSkusPerProduct: 50,
  maxSpecKeys: 3,
  maxPriceFen: 10_000_000,
  /** Stock of one SKU never leaves 0..maxStock (adjustments that would are refused). */
  maxStock: 1_000_000,
} as const;

/**
 * A promotion tag puts a product into item promotions of the pricing engine (e.g. `zone-2for79` for the
 * "2件79折" zone): lower-case letters, digits and dashes.
 */
export const PROMOTION_TAG_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** POST /api/admin/catalog/categories */
export interface CategoryCreateRequest {
  name: string;
  iconUrl?: string;
  sort?: number;
}

/** PATCH /api/admin/catalog/categories/:id (only the fields given change) */
export type CategoryUpdateRequest = Partial<CategoryCreateRequest>;

export interface AdminSkuDto {
  id: number;
  productId: number;
  /** Merchant code, unique across the brand. */
  code: string;
  specs: Record<string, string>;
  priceFen: Fen;
  stock: number;
  sort: number;
}

/** GET /api/admin/catalog/products (paged; every status) */
export interface AdminProductListQuery extends PageQuery {
  status?: ProductStatus;
  categoryId?: number;
  keyword?: string;
}

export interface AdminProductSummaryDto {
  id: number;
  categoryId: number;
  name: string;
  coverUrl: string;
  status: ProductStatus;
  promotionTags: string[];
  /** Lowest SKU price. */
  priceFen: Fen;
  skuCount: number;
  /** Stock summed over the SKUs. */
  totalStock: number;
  sort: number;
  updatedAt: string;
}

/** GET /api/admin/catalog/products/:id, and the answer of every product write. */
export interface AdminProductDto extends AdminProductSummaryDto {
  categoryName: string;
  subtitle: string;
  description: string;
  images: string[];
  originalPriceFen: Fen | null;
  sales: number;
  skus: AdminSkuDto[];
  createdAt: string;
}

/** A new SKU: its spec combination (distinct within the product), price and opening stock. */
export interface SkuCreateRequest {
  code: string;
  specs: Record<string, string>;
  priceFen: number;
  stock: number;
  sort?: number;
}

/**
 * PATCH /api/admin/catalog/skus/:id. Stock is not set here: it moves only by adjustment (below), so an edit
 * can never overwrite units sold in the meantime.
 */
export interface SkuUpdateRequest {
  code?: string;
  specs?: Record<string, string>;
  priceFen?: number;
  sort?: number;
}

/** POST /api/admin/catalog/products. The first image is the cover. */
export interface ProductCreateRequest {
  categoryId: number;
  name: string;
  subtitle?: string;
  description?: string;
  images: string[];
  status?: ProductStatus;
  promotionTags?: string[];
  originalPriceFen?: number | null;
  sort?: number;
  skus: SkuCreateRequest[];
}

/** PATCH /api/admin/catalog/products/:id (only the fields given change; SKUs have their own routes). */
export type ProductUpdateRequest = Partial<Omit<ProductCreateRequest, 'skus'>>;

/**
 * POST /api/admin/catalog/skus/:id/stock-adjustments: adds `delta` (negative to take away) in one conditional
 * UPDATE; refused with STOCK_OUT_OF_RANGE when the stock would leave 0..CATALOG_LIMITS.maxStock.
 */
export interface StockAdjustmentRequest {
  delta: number;
}

export interface StockAdjustmentResponse {
  skuId: number;
  /** The stock right after this adjustment. */
  stock: number;
}
