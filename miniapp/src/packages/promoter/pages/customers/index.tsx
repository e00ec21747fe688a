import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { CustomerView } from '@tidepool/shared';
import { PROMOTER_ROUTES } from '@/components/share/promoter-routes';
import { useListPageGestures, usePagedList } from '@/hooks/use-paged-list';
import { resolveAssetUrl } from '@/services/asset-url';
import { listCustomers } from '@/services/distribution.api';
import { formatDate } from '@/utils/date';
import { navigateTo } from '@/utils/routes';
import { Badge, PagedSection } from '../../components';
import { withIds } from '../../paged';
import { protectionSecondsNow, protectionText, yuan } from '../../promoter-text';
import '../../promoter.scss';

/** Ticks once a minute so the protection countdowns move while the page is open. */
function useMinuteTick(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** A nickname's first character; a masked phone ("138****5678") gets 客 instead of a digit. */
function avatarGlyph(display: string): string {
  const first = Array.from(display)[0] ?? '';
  return !first || /[0-9*]/.test(first) ? '客' : first;
}

type Row = CustomerView & { id: number; loadedAt: number };

function CustomerRow({ customer: c, now }: { customer: Row; now: number }) {
  const left = protectionSecondsNow(c.protectionSecondsLeft, c.loadedAt, now);
  return (
    <View className="promoter-row customer-row">
      <View className="promoter-row__head">
        {c.avatarUrl ? (
          <Image className="promoter-row__avatar" src={resolveAssetUrl(c.avatarUrl)} mode="aspectFill" />
        ) : (
          <View className="promoter-row__avatar">{avatarGlyph(c.displayMasked)}</View>
        )}
        <View className="promoter-row__main">
          <Text className="promoter-row__title customer-name">{c.displayMasked}</Text>
          <Text className="promoter-row__meta">{`${formatDate(c.boundAt)} 绑定 · ${c.orderCount} 单 · ${yuan(c.paidFen)}`}</Text>
        </View>
        <Badge text={protectionText(left)} tone={left > 0 ? 'wait' : 'bad'} className="customer-protection" />
      </View>
    </View>
  );
}

/** 我的客户: customers bound to me, with the protection countdown (保护期内其他推手不能抢客). */
export default function CustomersPage() {
  const list = usePagedList(
    (page) =>
      listCustomers(page).then((p) => {
        const loadedAt = Date.now();
        return withIds({ ...p, items: p.items.map((c) => ({ ...c, loadedAt })) }, (c) => c.memberId);
      }),
    [],
  );
  const now = useMinuteTick();
  useListPageGestures(list);

  return (
    <View className="promoter-page customers-page">
      <PagedSection
        list={list}
        emptyTitle="还没有客户"
        emptyDescription="好友通过你的分享进入商城，就会成为你的客户"
        emptyAction={{ text: '去选推广素材', onAction: () => navigateTo(PROMOTER_ROUTES.materials) }}
        renderItem={(c) => <CustomerRow key={c.id} customer={c} now={now} />}
      />
    </View>
  );
}
