import { Image, Text, View } from '@tarojs/components';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '@/stores';
import { selectMemberCard } from '@/stores/selectors';
import { comingSoon, toast } from '@/utils/toast';
import './index.scss';

interface Entry {
  key: 'orders' | 'coupons' | 'points' | 'member-code';
  title: string;
  hint: string;
  glyph: string;
}

const ENTRIES: readonly Entry[] = [
  { key: 'orders', title: '我的订单', hint: '查看全部订单', glyph: '单' },
  { key: 'coupons', title: '优惠券', hint: '领券更优惠', glyph: '券' },
  { key: 'points', title: '积分', hint: '积分可抵现', glyph: '积' },
  { key: 'member-code', title: '会员码', hint: '到店出示享权益', glyph: '码' },
];

/** Later filled in from the member API: tier, growth value, points and coupons. */
const STATS = [
  { key: 'growth', label: '成长值' },
  { key: 'points', label: '积分' },
  { key: 'coupons', label: '优惠券' },
] as const;

export default function MinePage() {
  const member = useAppStore(useShallow(selectMemberCard));

  return (
    <View className="mine-page">
      <View className="member-card">
        <View className="member-card__top">
          <View className="member-card__avatar">
            {member.avatarUrl ? (
              <Image className="member-card__avatar-img" src={member.avatarUrl} mode="aspectFill" />
            ) : (
              <Text className="member-card__avatar-glyph">潮</Text>
            )}
          </View>
          <View className="member-card__who">
            <Text className="member-card__name">{member.signedIn ? (member.nickname ?? '会员') : '未登录'}</Text>
            <Text className="member-card__tip">登录后享会员价、积分和专属优惠券</Text>
          </View>
          {member.signedIn ? null : (
            <View className="btn btn--small member-card__login login-button" onClick={() => toast('会员功能即将上线')}>
              登录/注册
            </View>
          )}
        </View>
        <View className="member-card__stats">
          {STATS.map((stat) => (
            <View className="member-card__stat" key={stat.key} onClick={() => comingSoon()}>
              <Text className="member-card__stat-value">--</Text>
              <Text className="member-card__stat-label">{stat.label}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className="mine-entries">
        {ENTRIES.map((entry) => (
          <View className="mine-entry" key={entry.key} hoverClass="mine-entry--pressed" onClick={() => comingSoon()}>
            <View className="mine-entry__glyph">
              <Text>{entry.glyph}</Text>
            </View>
            <Text className="mine-entry__title">{entry.title}</Text>
            <Text className="mine-entry__hint">{entry.hint}</Text>
            <Text className="mine-entry__arrow">›</Text>
          </View>
        ))}
      </View>

      <Text className="mine-footer">Tidepool 会员商城</Text>
    </View>
  );
}
