import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import type { EarningsView, PromoterMeView } from '@tidepool/shared';
import { PROMOTER_ROUTES } from '@/components/share/promoter-routes';
import { buildSharePath } from '@/components/share/share-path';
import { h5Link } from '@/components/share/share-sheet';
import { LoadingState } from '@/components/state-view';
import { useAsync } from '@/hooks/use-async';
import { getEarnings, getPromoterMe } from '@/services/distribution.api';
import { isH5 } from '@/services/env';
import { navigateTo, redirectTo } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { PromoterError } from '../../components';
import { yuan } from '../../promoter-text';
import { useRefreshOnShow, usePullDownReload } from '@/hooks/use-page-refresh';
import '../../promoter.scss';
import './index.scss';

interface CenterData {
  me: PromoterMeView;
  earnings: EarningsView | null;
}

const ENTRIES = [
  { key: 'commissions', title: '佣金明细', glyph: '佣', url: PROMOTER_ROUTES.commissions },
  { key: 'customers', title: '我的客户', glyph: '客', url: PROMOTER_ROUTES.customers },
  { key: 'team', title: '我的团队', glyph: '团', url: PROMOTER_ROUTES.team },
  { key: 'materials', title: '推广素材', glyph: '素', url: PROMOTER_ROUTES.materials },
  { key: 'shares', title: '推广效果', glyph: '效', url: PROMOTER_ROUTES.shares },
  { key: 'withdraw', title: '提现记录', glyph: '提', url: PROMOTER_ROUTES.withdraw },
] as const;

async function loadCenter(): Promise<CenterData> {
  const me = await getPromoterMe();
  // Not a promoter (yet): the apply page says why and what to do.
  if (me.status !== 'APPROVED') return { me, earnings: null };
  return { me, earnings: await getEarnings() };
}

/** 推广中心: earnings (待结算 / 可提现 / 已提现), withdraw, and the promoter's lists. */
export default function PromoterCenterPage() {
  const { state, reload } = useAsync(loadCenter, []);
  const data = state.data;

  useEffect(() => {
    if (data && data.me.status !== 'APPROVED') redirectTo(PROMOTER_ROUTES.apply);
  }, [data]);
  // Back from withdrawing: read the balances again.
  useRefreshOnShow(reload);
  usePullDownReload(reload);

  const invitePath = data?.me.inviteToken
    ? buildSharePath(PROMOTER_ROUTES.apply, { invite: data.me.inviteToken })
    : PROMOTER_ROUTES.apply;
  useShareAppMessage(() => ({ title: '和我一起做推手，分享好物赚佣金', path: invitePath }));

  if (!data || !data.earnings) {
    return (
      <View className="promoter-page">
        {state.status === 'error' ? (
          <PromoterError error={state.error} onRetry={() => void reload()} />
        ) : (
          <LoadingState variant="detail" />
        )}
      </View>
    );
  }
  const { me, earnings } = data;

  const invite = () => {
    if (!isH5()) {
      toast('点击右上角「…」分享给好友');
      return;
    }
    Taro.setClipboardData({ data: h5Link(invitePath) })
      .then(() => toast('邀请链接已复制'))
      .catch(() => toast('复制失败'));
  };

  return (
    <View className="promoter-page center-page">
      <View className="promoter-hero center-hero">
        <View className="center-hero__who">
          <Text className="center-hero__name promoter-name">{me.displayName ?? '推手'}</Text>
          {me.inviter ? <Text className="center-hero__inviter">{`团队：${me.inviter.displayName}`}</Text> : null}
        </View>
        <Text className="promoter-hero__label">可提现</Text>
        <Text className="promoter-hero__value earnings-available">{yuan(earnings.availableFen)}</Text>
        <View className="promoter-hero__row">
          <View className="promoter-hero__cell">
            <Text className="promoter-hero__cell-value earnings-pending">{yuan(earnings.pendingFen)}</Text>
            <Text className="promoter-hero__cell-label">待结算</Text>
          </View>
          <View className="promoter-hero__cell">
            <Text className="promoter-hero__cell-value earnings-withdrawing">{yuan(earnings.withdrawingFen)}</Text>
            <Text className="promoter-hero__cell-label">提现中</Text>
          </View>
          <View className="promoter-hero__cell">
            <Text className="promoter-hero__cell-value earnings-withdrawn">{yuan(earnings.withdrawnFen)}</Text>
            <Text className="promoter-hero__cell-label">已提现</Text>
          </View>
        </View>
        {earnings.debtFen > 0 ? (
          <Text className="promoter-hero__note earnings-debt">{`另有 ${yuan(earnings.debtFen)} 待抵扣：已结算订单退款后退回的佣金，将从之后的佣金中扣除`}</Text>
        ) : null}
        <Text className="promoter-hero__note">{`累计收益 ${yuan(earnings.totalEarnedFen)} · 待结算佣金在订单收货 ${me.rules.returnWindowDays} 天后可提现`}</Text>
        <View
          className="btn btn--primary center-hero__withdraw withdraw-link"
          onClick={() => navigateTo(PROMOTER_ROUTES.withdraw)}
        >
          去提现
        </View>
      </View>

      <View className="center-grid">
        {ENTRIES.map((entry) => (
          <View
            className={`center-grid__item center-entry center-entry--${entry.key}`}
            key={entry.key}
            onClick={() => navigateTo(entry.url)}
          >
            <View className="center-grid__glyph">{entry.glyph}</View>
            <Text className="center-grid__title">{entry.title}</Text>
          </View>
        ))}
      </View>

      <View className="promoter-card center-invite" onClick={invite}>
        <Text className="promoter-card__title">邀请好友成为推手</Text>
        <Text className="promoter-card__text">好友通过你的邀请成为推手后，其成交你也能获得团队佣金</Text>
        <Text className="center-invite__action invite-link">
          {isH5() ? '复制邀请链接 ›' : '点击右上角「…」发送给好友 ›'}
        </Text>
      </View>
    </View>
  );
}
