import type { PromotionsView, StorefrontSettingsView } from '@tidepool/shared';
import { http } from '../http';

export function getStorefrontSettings(): Promise<StorefrontSettingsView> {
  return http.get<StorefrontSettingsView>('/api/storefront/settings');
}

export function getPromotions(): Promise<PromotionsView> {
  return http.get<PromotionsView>('/api/promotions');
}
