/** Offset pagination shared by every list endpoint. Pages start at 1. */
export const PAGINATION = {
  defaultPageSize: 20,
  maxPageSize: 50,
  maxPage: 10_000,
} as const;

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  hasMore: boolean;
}
