import { Image, Text, View } from '@tarojs/components';
import { PROMOTER_STATUS_LABELS, type TeamMemberView } from '@tidepool/shared';
import { PROMOTER_ROUTES } from '@/components/share/promoter-routes';
import { useListPageGestures, usePagedList } from '@/hooks/use-paged-list';
import { resolveAssetUrl } from '@/services/asset-url';
import { listTeam } from '@/services/distribution.api';
import { formatDate } from '@/utils/date';
import { navigateTo } from '@/utils/routes';
import { AmountCell, Badge, PagedSection } from '../../components';
import { withIds } from '../../paged';
import { yuan } from '../../promoter-text';
import '../../promoter.scss';

function TeamRow({ member: m }: { member: TeamMemberView }) {
  return (
    <View className="promoter-row team-row">
      <View className="promoter-row__head">
        {m.avatarUrl ? (
          <Image className="promoter-row__avatar" src={resolveAssetUrl(m.avatarUrl)} mode="aspectFill" />
        ) : (
          <View className="promoter-row__avatar">{Array.from(m.displayName)[0] ?? '推'}</View>
        )}
        <View className="promoter-row__main">
          <Text className="promoter-row__title team-name">{m.displayName}</Text>
          <Text className="promoter-row__meta">{`${formatDate(m.joinedAt)} 加入 · ${m.customerCount} 位客户`}</Text>
        </View>
        <AmountCell amount={yuan(m.myCommissionFen)} label="团队佣金" className="team-commission" />
        {m.status !== 'APPROVED' ? <Badge text={PROMOTER_STATUS_LABELS[m.status]} tone="bad" /> : null}
      </View>
    </View>
  );
}

/** 我的团队: promoters I invited (second level) and the team commission earned through each. */
export default function TeamPage() {
  const list = usePagedList((page) => listTeam(page).then((p) => withIds(p, (m) => m.promoterId)), []);
  useListPageGestures(list);

  return (
    <View className="promoter-page team-page">
      <PagedSection
        list={list}
        emptyTitle="还没有团队成员"
        emptyDescription="在推广中心邀请好友成为推手，其成交你也能获得团队佣金"
        emptyAction={{ text: '回推广中心', onAction: () => navigateTo(PROMOTER_ROUTES.center) }}
        renderItem={(m) => <TeamRow key={m.id} member={m} />}
      />
    </View>
  );
}
