import { useEffect, useState } from 'react';
import type { PromotionsView, TierCode } from '@tidepool/shared';
import { getMemberCenter } from '@/services/api/members.api';
import { getStorefrontSettings, getPromotions } from '@/services/api/storefront.api';
import type { StorefrontSettingsView } from '@tidepool/shared';
import { useAppStore } from '@/stores';

/**
 * What product tags are derived from: the promotions checkout applies (fetched once per launch; a failure only
 * hides the tags and is retried on the next page that asks) and the shopper's tier (signed-up members).
 */
export interface PromotionContext {
  view: PromotionsView;
  tier: TierCode | null;
}

let promotionsPromise: Promise<PromotionsView> | null = null;
let tierPromise: { token: string; promise: Promise<TierCode | null> } | null = null;

function loadPromotions(): Promise<PromotionsView> {
  promotionsPromise ??= getPromotions().catch((error: unknown) => {
    promotionsPromise = null;
    throw error;
  });
  return promotionsPromise;
}

function loadTier(token: string | null): Promise<TierCode | null> {
  if (!token) return Promise.resolve(null);
  if (tierPromise?.token !== token) {
    tierPromise = {
      token,
      promise: getMemberCenter()
        .then((center) => (center.signedUp ? center.tier.code : null))
        .catch(() => null),
    };
  }
  return tierPromise.promise;
}

export function usePromotions(): PromotionContext | null {
  const token = useAppStore((s) => s.session.member?.token ?? null);
  const [context, setContext] = useState<PromotionContext | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([loadPromotions(), loadTier(token)])
      .then(([view, tier]) => {
        if (live) setContext({ view, tier });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [token]);
  return context;
}

let settingsPromise: Promise<StorefrontSettingsView> | null = null;

/** Hot keywords and the customer-service contact (fetched once per launch; null until known or on failure). */
export function loadStorefrontSettings(): Promise<StorefrontSettingsView> {
  settingsPromise ??= getStorefrontSettings().catch((error: unknown) => {
    settingsPromise = null;
    throw error;
  });
  return settingsPromise;
}

export function useStorefrontSettings(): StorefrontSettingsView | null {
  const [settings, setSettings] = useState<StorefrontSettingsView | null>(null);
  useEffect(() => {
    let live = true;
    loadStorefrontSettings()
      .then((s) => live && setSettings(s))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return settings;
}
