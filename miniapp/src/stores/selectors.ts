import type { AppState } from './index';

export const selectCartCount = (state: AppState): number =>
  state.cart.lines.reduce((sum, line) => sum + line.quantity, 0);

/** A member token is held (the member may still not have signed up: that is server data). */
export const selectIsMemberLoggedIn = (state: AppState): boolean => state.session.member !== null;

export const selectStaffSession = (state: AppState) => state.session.staff;

export const selectSignOut = (state: AppState) => state.signOut;

export const selectSelectedCategoryId = (state: AppState): number | null => state.catalogUi.selectedCategoryId;

export const selectSelectCategory = (state: AppState) => state.selectCategory;
