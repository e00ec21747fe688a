import type { AppState } from './index';

export const selectCartCount = (state: AppState): number =>
  state.cart.lines.reduce((sum, line) => sum + line.quantity, 0);

export const selectIsSignedIn = (state: AppState): boolean => state.session.token !== null;

export const selectSelectedCategoryId = (state: AppState): number | null => state.catalogUi.selectedCategoryId;

export const selectSelectCategory = (state: AppState) => state.selectCategory;

/** A derived object: read it with useShallow so it does not re-render on every store change. */
export const selectMemberCard = (state: AppState) => ({
  signedIn: state.session.token !== null,
  nickname: state.session.nickname,
  avatarUrl: state.session.avatarUrl,
});
