import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/**
 * UI state of the catalogue (not its data): which category the 分类 tab shows. Tab switches cannot carry a
 * query, so the home page's shortcuts set it here before switching tabs.
 */
export interface CatalogUiSlice {
  catalogUi: { selectedCategoryId: number | null };
  selectCategory: (categoryId: number | null) => void;
}

export const createCatalogUiSlice: StateCreator<AppState, [], [], CatalogUiSlice> = (set) => ({
  catalogUi: { selectedCategoryId: null },
  selectCategory: (categoryId) => set({ catalogUi: { selectedCategoryId: categoryId } }),
});
