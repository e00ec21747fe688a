import {
  PAGINATION,
  type CategoryDto,
  type Page,
  type ProductDetailDto,
  type ProductListQuery,
  type ProductSummaryDto,
} from '@tidepool/shared';
import { http } from '../http';

export function listCategories(): Promise<CategoryDto[]> {
  return http.get<CategoryDto[]>('/api/catalog/categories');
}

export function listProducts(query: ProductListQuery = {}): Promise<Page<ProductSummaryDto>> {
  const pageSize = Math.min(query.pageSize ?? PAGINATION.defaultPageSize, PAGINATION.maxPageSize);
  return http.get<Page<ProductSummaryDto>>('/api/catalog/products', {
    categoryId: query.categoryId,
    keyword: query.keyword?.trim(),
    page: query.page ?? 1,
    pageSize,
  });
}

export function getProduct(id: number): Promise<ProductDetailDto> {
  return http.get<ProductDetailDto>(`/api/catalog/products/${encodeURIComponent(String(id))}`);
}
