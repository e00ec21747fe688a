import { useEffect, useState } from 'react';
import { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import type { ProductDistributionView, ShareTokenView } from '@tidepool/shared';
import { resolveAssetUrl } from '@/services/asset-url';
import { createShareToken, getProductDistribution, getPromoterMe } from '@/services/distribution.api';
import { useAppStore } from '@/stores';
import { selectIsMemberLoggedIn } from '@/stores/selectors';
import { buildShareQuery, buildSharePath } from './share-path';

export interface ReferralShareTarget {
  targetType: 'PRODUCT' | 'DROP';
  targetId: number | null;
  /** The page the card opens and its own parameters (the token is added). */
  pagePath: string;
  params: Record<string, string | number>;
  /** Card title and picture when the promoter's token (with its suggested title) is not there. */
  title: string;
  imageUrl: string | null;
}

export interface ReferralShare {
  /** The product pays commission and the member is an approved promoter: show 分享赚 and the poster. */
  isPromoter: boolean;
  estimatedCommissionFen: number;
  /** The promoter's token once made; null for everyone else (their share is an ordinary card). */
  token: string | null;
  /** Path of the card, with the token when there is one. */
  path: string;
}

/**
 * Sharing a product (or a drop) page: the share card (`onShareAppMessage`) carries the promoter's referral token.
 * Nothing is asked of a guest (no silent login on a product page); a logged-in member who is an approved promoter
 * gets a token made once per target. The 朋友圈 share (`onShareTimeline`) carries the same token in its query.
 * Needs `enableShareAppMessage: true` and `enableShareTimeline: true` in the page config.
 */
export function useReferralShare(target: ReferralShareTarget): ReferralShare {
  const loggedIn = useAppStore(selectIsMemberLoggedIn);
  const [info, setInfo] = useState<ProductDistributionView | null>(null);
  const [shareToken, setShareToken] = useState<ShareTokenView | null>(null);
  const { targetType, targetId } = target;

  useEffect(() => {
    setInfo(null);
    setShareToken(null);
    if (!loggedIn || !targetId) return;
    let cancelled = false;
    void (async () => {
      try {
        let promoter = false;
        if (targetType === 'PRODUCT') {
          const view = await getProductDistribution(targetId);
          if (cancelled) return;
          setInfo(view);
          promoter = view.callerIsPromoter;
        }
        // Other targets (a drop) ask who the member is first: only an approved promoter gets a token.
        if (targetType !== 'PRODUCT') promoter = (await getPromoterMe()).status === 'APPROVED';
        if (cancelled || !promoter) return;
        const made = await createShareToken({ targetType, targetId });
        if (!cancelled) setShareToken(made);
      } catch {
        // Not a promoter (PROMOTER_NOT_APPROVED) or offline: the card is shared without a token.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [loggedIn, targetType, targetId]);

  const token = shareToken?.token ?? null;
  const path = buildSharePath(target.pagePath, target.params, token);

  const title = shareToken?.shareTitle || target.title;
  const imageUrl = resolveAssetUrl(shareToken?.imageUrl ?? target.imageUrl) || undefined;
  useShareAppMessage(() => ({ title, path, imageUrl }));
  // 朋友圈: the page opens in WeChat's single-page mode with this query; 前往小程序 keeps it, so the token binds then.
  useShareTimeline(() => ({ title, query: buildShareQuery(target.params, token), imageUrl }));

  return {
    isPromoter: token !== null && (info?.callerIsPromoter ?? targetType !== 'PRODUCT'),
    estimatedCommissionFen: info?.enabled ? info.estimatedCommissionFen : 0,
    token,
    path,
  };
}
