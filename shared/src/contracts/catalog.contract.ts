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
  /** Matches product names and subtitles, and SKU codes. */
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
  /** Highest SKU price (equal to `priceFen` when every SKU costs the same). */
  maxPriceFen: Fen;
  skuCount: number;
  /** Stock summed over the SKUs. */
  totalStock: number;
  sort: number;
  updatedAt: string;
  /**
   * Bumped by every write to the product (its SKUs' prices and codes included, not stock moves); an edit sends
   * the version it loaded and is refused with PRODUCT_STALE when someone else wrote in between.
   */
  version: number;
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

/**
 * One SKU in a product edit: with `id` an existing SKU of this product (its code, specs, price and sort change;
 * its stock never does here), without `id` a new one with its opening stock. SKUs not listed stay as they are.
 */
export interface ProductSkuEdit {
  id?: number;
  code: string;
  specs: Record<string, string>;
  priceFen: number;
  /** Opening stock of a new SKU; ignored for an existing one (stock moves by adjustment only). */
  stock?: number;
  sort?: number;
}

/**
 * PATCH /api/admin/catalog/products/:id (only the fields given change). `version` is the product's version as
 * the editor loaded it: when given and no longer current, nothing changes and the answer is 409 PRODUCT_STALE.
 */
export type ProductUpdateRequest = Partial<Omit<ProductCreateRequest, 'skus'>> & {
  version?: number;
  skus?: ProductSkuEdit[];
};

/**
 * POST /api/admin/catalog/skus/:id/stock-adjustments: adds `delta` (negative to take away) in one conditional
 * UPDATE; refused with STOCK_OUT_OF_RANGE when the stock would leave 0..CATALOG_LIMITS.maxStock.
 */
export interface StockAdjustmentRequest {
  delta: number;
  /** Why the stock changed (盘点, 报损, 到货…): kept on the audit entry. */
  reason: string;
}

/** Product images the console uploads (POST /api/admin/catalog/images, the image itself as the raw body). */
export const PRODUCT_IMAGE_RULES = {
  maxBytes: 2 * 1024 * 1024,
  mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
} as const;

/** The uploaded image's URL (server-relative, content-addressed: the same image always answers the same URL). */
export interface ProductImageUploadResponse {
  url: string;
}

export interface StockAdjustmentResponse {
  skuId: number;
  /** The stock right after this adjustment. */
  stock: number;
}
