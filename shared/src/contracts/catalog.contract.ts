import type { Fen } from '../money/fen';
import type { PageQuery } from './pagination.contract';

/** GET /api/catalog/categories */
export interface CategoryDto {
  id: number;
  name: string;
  iconUrl: string;
  sort: number;
}

/** GET /api/catalog/products?categoryId=&keyword=&page=&pageSize= */
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
  productName: string;
  coverUrl: string;
  specs: Record<string, string>;
  priceFen: Fen;
  stock: number;
  onSale: boolean;
}
