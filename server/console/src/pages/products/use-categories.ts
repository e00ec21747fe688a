import type { CategoryDto } from '@tidepool/shared';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';

/** The categories (a handful, unpaged), reloadable after the drawer edits them. */
export function useCategories() {
  const [categories, setCategories] = useState<CategoryDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setCategories(await api<CategoryDto[]>('GET', '/admin/catalog/categories'));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '分类加载失败');
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { categories, error, reload };
}
