import { Text, View } from '@tarojs/components';

import type { MemberCenterResponse, TierCode } from '@tidepool/shared';
import { ContactService } from '@/components/contact-service';
import { PROMOTER_ROUTES } from '@/components/share/promoter-routes';
import { ErrorState } from '@/components/state-view';
import { useAsync } from '@/hooks/use-async';
import { getMemberCenter } from '@/services/api/members.api';
import { DROP_ROUTES } from '@/services/drops-routes';
import { useAppStore } from '@/stores';
import { selectStaffSession } from '@/stores/selectors';
import { navigateTo, ROUTES } from '@/utils/routes';
import { useRefreshOnShow, usePullDownReload } from '@/hooks/use-page-refresh';
import './index.scss';

interface Entry {
  key:
    | 'member-code'
    | 'vouchers'
    | 'coupon-centre'
    | 'points-mall'
    | 'privacy'
    | 'store-mode'
    | 'orders'
    | 'drop-orders'
    | 'promoter'
    | 'addresses';
  title: string;
  glyph: string;
  /** Needs a signed-up member (else the entry leads to signup). */
  membersOnly: boolean;
}

const ENTRIES: readonly Entry[] = [
  { key: 'member-code', title: '会员码', glyph: '码', membersOnly: true },
  { key: 'vouchers', title: '我的券', glyph: '券', membersOnly: true },
  { key: 'coupon-centre', title: '领券中心', glyph: '领', membersOnly: false },
  { key: 'points-mall', title: '积分商城', glyph: '礼', membersOnly: false },
  { key: 'orders', title: '我的订单', glyph: '单', membersOnly: false },
  { key: 'drop-orders', title: '我的团购订单', glyph: '团', membersOnly: false },
  { key: 'addresses', title: '收货地址', glyph: '址', membersOnly: false },
  { key: 'promoter', title: '推广中心', glyph: '推', membersOnly: true },
  { key: 'privacy', title: '个人信息与隐私', glyph: '私', membersOnly: true },
  { key: 'store-mode', title: '门店模式', glyph: '店', membersOnly: false },
];

const TIER_CLASS: Record<TierCode, string> = { NORMAL: 'normal', SILVER: 'silver', GOLD: 'gold' };

function entryHint(entry: Entry, member: MemberCenterResponse | null, staffName: string | null): string {
  switch (entry.key) {
    case 'member-code':
      return '到店出示享权益';
    case 'vouchers':
      return member?.signedUp ? `${member.couponCount} 张可用` : '入会享专属优惠券';
    case 'coupon-centre':
      return '好券免费领';
    case 'points-mall':
      return member?.signedUp && member.points > 0 ? `${member.points} 积分可兑换` : '积分兑好礼';
    case 'orders':
      return '查看全部订单';
    case 'drop-orders':
      return '每周五 12 点开抢';
    case 'promoter':
      return '分享好物赚佣金';
    case 'addresses':
      return '管理收货地址';
    case 'privacy':
      return '导出 / 注销';
    case 'store-mode':
      return staffName ? `已登录：${staffName}` : '店员登录';
  }
}

export default function MinePage() {
  const staff = useAppStore(selectStaffSession);
  const { state, reload } = useAsync(getMemberCenter, []);
  const member = state.data;
  // Back from signup, the member code or account deletion: read the card again (keeping it on screen).
  useRefreshOnShow(reload);
  usePullDownReload(reload);

  const signedUp = member?.signedUp === true;

  const openEntry = (entry: Entry) => {
    if (entry.key === 'orders') {
      navigateTo(ROUTES.orderList);
      return;
    }
    if (entry.key === 'drop-orders') {
      navigateTo(DROP_ROUTES.orders);
      return;
    }
    if (entry.key === 'addresses') {
      navigateTo(ROUTES.addressList);
      return;
    }
    if (entry.key === 'store-mode') {
      navigateTo(staff ? ROUTES.storeScan : ROUTES.storeLogin);
      return;
    }
    if (entry.membersOnly && !signedUp) {
      navigateTo(ROUTES.memberSignup);
      return;
    }
    const target = {
      'member-code': ROUTES.memberCode,
      vouchers: ROUTES.memberVouchers,
      'coupon-centre': ROUTES.couponCentre,
      'points-mall': ROUTES.pointsMall,
      privacy: ROUTES.memberPrivacy,
      // The center sends a member who is not an approved promoter on to 申请成为推手.
      promoter: PROMOTER_ROUTES.center,
    };
    navigateTo(target[entry.key]);
  };

  /** Points and tier pages are the member's: a visitor is invited to join first. */
  const openMemberPage = (url: string) => navigateTo(signedUp ? url : ROUTES.memberSignup);

  const tier = member && signedUp ? TIER_CLASS[member.tier.code] : 'guest';

  return (
    <View className="mine-page">
      <View className={`member-card member-card--${tier}`}>
        <View className="member-card__top">
          <View className="member-card__avatar">
            <Text className="member-card__avatar-glyph">潮</Text>
          </View>
          <View className="member-card__who">
            {member ? (
              <>
                <View className="member-card__name-row">
                  <Text className="member-card__name">{signedUp ? 'Tidepool 会员' : '欢迎来到 Tidepool'}</Text>
                  {signedUp ? (
                    <Text className="member-card__tier tier-name" onClick={() => navigateTo(ROUTES.loyaltyTier)}>
                      {member.tier.name}
                    </Text>
                  ) : null}
                </View>
                <Text className="member-card__tip">
                  {signedUp
                    ? [member.phoneMasked, member.signupStoreName ? `${member.signupStoreName}会员` : null]
                        .filter(Boolean)
                        .join(' · ')
                    : '注册会员享积分、会员日和专属优惠券'}
                </Text>
              </>
            ) : (
              <>
                <View className="member-card__skeleton" />
                <View className="member-card__skeleton member-card__skeleton--short" />
              </>
            )}
          </View>
          {member && !signedUp ? (
            <View
              className="btn btn--small member-card__login signup-button"
              onClick={() => navigateTo(ROUTES.memberSignup)}
            >
              成为会员
            </View>
          ) : null}
        </View>

        {member && signedUp ? (
          <View className="tier-progress tier-link" onClick={() => navigateTo(ROUTES.loyaltyTier)}>
            <View className="tier-progress__track">
              <View
                className="tier-progress__fill"
                style={{ width: `${Math.min(1000, Math.max(0, member.tierProgressPermille)) / 10}%` }}
              />
            </View>
            <Text className="tier-progress__text">
              {member.nextTier
                ? `再获得 ${member.growthToNextTier} 成长值升级${member.nextTier.name}`
                : `已是最高等级${member.tier.name}`}
            </Text>
          </View>
        ) : null}

        <View className="member-card__stats">
          <View className="member-card__stat" onClick={() => openMemberPage(ROUTES.loyaltyTier)}>
            <Text className="member-card__stat-value stat-growth">{signedUp ? member?.growth : '--'}</Text>
            <Text className="member-card__stat-label">成长值</Text>
          </View>
          <View className="member-card__stat stat-points-link" onClick={() => openMemberPage(ROUTES.loyaltyPoints)}>
            <Text className="member-card__stat-value stat-points">{signedUp ? member?.points : '--'}</Text>
            <Text className="member-card__stat-label">积分</Text>
          </View>
          <View
            className="member-card__stat"
            onClick={() => openEntry(ENTRIES.find((e) => e.key === 'vouchers') ?? ENTRIES[1])}
          >
            <Text className="member-card__stat-value stat-coupons">{signedUp ? member?.couponCount : '--'}</Text>
            <Text className="member-card__stat-label">优惠券</Text>
          </View>
        </View>
      </View>

      {state.status === 'error' ? (
        <View className="mine-error">
          <ErrorState error={state.error} onRetry={() => void reload()} compact />
        </View>
      ) : null}

      {member?.memberDay.today && member.memberDay.hint ? (
        <View className="member-day">
          <Text className="member-day__badge">周三会员日</Text>
          <Text className="member-day__hint member-day-hint">{member.memberDay.hint}</Text>
        </View>
      ) : null}

      {member && !signedUp ? (
        <View className="join-banner" onClick={() => navigateTo(ROUTES.memberSignup)}>
          <View className="join-banner__text">
            <Text className="join-banner__title">成为会员，送免费购物袋</Text>
            <Text className="join-banner__sub">消费攒成长值升级银卡、金卡，每周三会员日满减</Text>
          </View>
          <Text className="join-banner__arrow">›</Text>
        </View>
      ) : null}

      <View className="mine-entries">
        {ENTRIES.map((entry) => (
          <View
            className="mine-entry"
            key={entry.key}
            hoverClass="mine-entry--pressed"
            onClick={() => openEntry(entry)}
          >
            <View className="mine-entry__glyph">
              <Text>{entry.glyph}</Text>
            </View>
            <Text className="mine-entry__title">{entry.title}</Text>
            <Text className="mine-entry__hint">{entryHint(entry, member, staff?.displayName ?? null)}</Text>
            <Text className="mine-entry__arrow">›</Text>
          </View>
        ))}
        <ContactService className="mine-entry mine-contact">
          <View className="mine-entry__glyph">
            <Text>客</Text>
          </View>
          <Text className="mine-entry__title">联系客服</Text>
          <Text className="mine-entry__hint">售前售后咨询</Text>
          <Text className="mine-entry__arrow">›</Text>
        </ContactService>
      </View>

      <Text className="mine-footer">Tidepool 会员商城</Text>
    </View>
  );
}
