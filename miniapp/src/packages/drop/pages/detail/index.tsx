import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { fen, type DropItemView, type DropPhase, type DropView } from '@tidepool/shared';
import { Price } from '@/components/price';
import { ShareSheet } from '@/components/share/share-sheet';
import { type ReferralShare, useReferralShare } from '@/components/share/use-referral-share';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-view';
import { toApiError } from '@/services/api-error';
import { resolveAssetUrl } from '@/services/asset-url';
import { cancelDropReminder, setDropReminder } from '@/services/drops.api';
import { DROP_ROUTES } from '@/services/drops-routes';
import { formatDropCountdown, livePhase, msUntilOpen, storeWhen } from '@/services/drops-time';
import { isH5 } from '@/services/env';
import { reportSubscribeAnswer } from '@/services/message-consents';
import { navigateTo, ROUTES, switchTab } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { BuySheet } from '../../components/buy-sheet';
import {
  earlyAccessLines,
  itemBlock,
  limitText,
  maxBuyable,
  myEarlyAccessText,
  remainingText,
  soldOutHint,
  soldOutPollMs,
  soldPercent,
} from '../../drop-rules';
import { useDrop } from '../../use-drop';
import { useTick } from '@/hooks/use-tick';
import { colors } from '@/styles/tokens';
import { useRefreshOnShow, usePullDownReload } from '@/hooks/use-page-refresh';
import '../../drop.scss';

/** Where the drop reminder asks for consent (kept with each consent). */
const DROP_CONSENT_SOURCE = 'packages/drop/pages/detail/index';

function parseId(raw: string | undefined): number | null {
  if (!raw || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

const PHASE_ORDER: Record<DropPhase, number> = { UPCOMING: 0, OPEN: 1, ENDED: 2 };
const later = (a: DropPhase, b: DropPhase): DropPhase => (PHASE_ORDER[a] >= PHASE_ORDER[b] ? a : b);

/** 团购: countdown on the server's clock, priority purchase, items with what is left, 提醒我 and 立即抢购. */
const DROP_SHARE_PAGE = DROP_ROUTES.detail;

export default function DropDetailPage() {
  const router = useRouter();
  const id = parseId(router.params.id);
  const { drop, skewMs, error, reload } = useDrop(id);
  // 分享: the card carries a promoter's referral token, so a friend who buys here is their customer.
  const share = useReferralShare({
    targetType: 'DROP',
    targetId: id,
    pagePath: DROP_SHARE_PAGE,
    params: { id: id ?? 0 },
    title: drop ? `${drop.title}｜限量团购` : '每周团购',
    imageUrl: drop?.items[0]?.imageUrl ?? null,
  });

  // Back from the order (paid or not): what is left and my quantity have changed.
  useRefreshOnShow(reload);
  usePullDownReload(reload);
  // A refresh that failed keeps the drop on screen (still right but for what is left): say so briefly.
  useEffect(() => {
    if (drop && error) toast(error.message);
  }, [error]);

  if (!drop) {
    if (error) {
      return (
        <View className="drop-page">
          {error.code === 'DROP_NOT_FOUND' ? (
            <EmptyState
              title="团购活动不存在或已取消"
              description="看看本周其他团购吧"
              actionText="回到首页"
              onAction={() => switchTab(ROUTES.home)}
            />
          ) : (
            <ErrorState error={error} onRetry={() => void reload()} />
          )}
        </View>
      );
    }
    return (
      <View className="drop-page">
        <LoadingState variant="detail" />
      </View>
    );
  }
  return <DropDetail drop={drop} skewMs={skewMs} reload={reload} share={share} />;
}

interface DropDetailProps {
  drop: DropView;
  skewMs: number;
  reload: () => Promise<void>;
  share: ReferralShare;
}

function DropDetail({ drop, skewMs, reload, share }: DropDetailProps) {
  const [sharing, setSharing] = useState(false);
  const now = useTick(drop.phase !== 'ENDED');
  const local = livePhase(drop, now, skewMs);
  // The server has the last word on ENDED (e.g. a cancelled drop); the clock moves UPCOMING on to OPEN.
  const phase = later(drop.phase, local);
  const serverNow = now + skewMs;
  const [buying, setBuying] = useState<DropItemView | null>(null);
  const [reminderBusy, setReminderBusy] = useState(false);
  const [reminded, setReminded] = useState(drop.reminded);
  useEffect(() => setReminded(drop.reminded), [drop.reminded, drop.id]);

  // The countdown reached zero (or the drop closed): read it again, so what is left is current, and buy at once.
  const lastLocal = useRef(local);
  useEffect(() => {
    if (lastLocal.current === local) return;
    lastLocal.current = local;
    if (local !== 'OPEN') setBuying(null);
    void reload();
  }, [local]);

  // Sold out with units reserved but unpaid: they may come back, so read the counts again until they do or are paid.
  const pollMs = soldOutPollMs(drop.items, phase);
  useEffect(() => {
    if (pollMs === null) return;
    const timer = setInterval(() => void reload(), pollMs);
    return () => clearInterval(timer);
  }, [pollMs, reload]);

  const askToJoin = async (content: string) => {
    const { confirm } = await Taro.showModal({
      title: '成为会员',
      content,
      confirmText: '去入会',
      cancelText: '再看看',
      confirmColor: colors.primary,
    }).catch(() => ({ confirm: false }));
    if (confirm) navigateTo(ROUTES.memberSignup);
  };

  const toggleReminder = async () => {
    if (reminderBusy) return;
    setReminderBusy(true);
    try {
      if (reminded) {
        setReminded((await cancelDropReminder(drop.id)).reminded);
        toast('已取消提醒');
        return;
      }
      let templateIds = [drop.reminderTemplateId];
      if (!isH5()) {
        // weapp: the member must accept the subscribe message; only accepted templates can be sent.
        // (Taro's typing wants entityIds, an Alipay option; WeChat ignores the empty list.)
        const answer = (await Taro.requestSubscribeMessage({
          tmplIds: [drop.reminderTemplateId],
          entityIds: [],
        }).catch(() => null)) as Record<string, string> | null;
        // Every answer goes to the consent ledger, accepted or not (the member's privacy page lists it).
        reportSubscribeAnswer(templateIds, answer, DROP_CONSENT_SOURCE);
        templateIds = answer ? templateIds.filter((t) => answer[t] === 'accept') : [];
        if (templateIds.length === 0) {
          toast('未允许订阅消息，无法提醒');
          return;
        }
      }
      setReminded((await setDropReminder(drop.id, templateIds)).reminded);
      // The browser demo has no subscribe dialog: the tap on 提醒我 is the member's 允许.
      if (isH5()) reportSubscribeAnswer(templateIds, { [drop.reminderTemplateId]: 'accept' }, DROP_CONSENT_SOURCE);
      toast('开抢前会提醒您');
    } catch (err) {
      const e = toApiError(err);
      if (e.code === 'NOT_SIGNED_UP') void askToJoin('成为会员后即可设置开抢提醒、参与团购');
      else toast(e.message);
    } finally {
      setReminderBusy(false);
    }
  };

  const early = myEarlyAccessText(drop);
  const tiers = earlyAccessLines(drop);
  const msLeft = msUntilOpen(drop, now, skewMs);

  return (
    <View className="drop-page drop-detail-page">
      <View className={`drop-hero drop-hero--${phase.toLowerCase()}`}>
        <Text className="drop-hero__badge">每周团购</Text>
        <Text className="drop-hero__title drop-title">{drop.title}</Text>
        {drop.description ? <Text className="drop-hero__desc">{drop.description}</Text> : null}
        <View className="drop-hero__status drop-status">
          {phase === 'UPCOMING' ? (
            <>
              <Text className="drop-hero__label">距开抢</Text>
              <Text className="drop-hero__countdown drop-countdown">{formatDropCountdown(msLeft)}</Text>
            </>
          ) : phase === 'OPEN' ? (
            <Text className="drop-hero__label drop-open">{`抢购中 · ${storeWhen(drop.closesAt, serverNow)} 结束`}</Text>
          ) : (
            <Text className="drop-hero__label drop-ended">团购已结束</Text>
          )}
        </View>
        <Text className="drop-hero__when">{`${storeWhen(drop.opensAt, serverNow)} 开抢 · ${storeWhen(drop.closesAt, serverNow)} 结束`}</Text>
        {early ? <Text className="drop-hero__early my-early-access">{early}</Text> : null}
        {!early && tiers.length > 0 && phase === 'UPCOMING' ? (
          <Text className="drop-hero__early drop-early-access">{tiers.join('，')}</Text>
        ) : null}
        <View className="drop-share" onClick={() => setSharing(true)}>
          {share.isPromoter ? '分享赚佣金' : '分享给好友'}
        </View>
        {phase === 'UPCOMING' ? (
          <View
            className={`drop-remind remind-button ${reminded ? 'drop-remind--on reminded' : ''} ${reminderBusy ? 'btn--disabled' : ''}`}
            onClick={() => void toggleReminder()}
          >
            {reminded ? '已设置提醒 · 取消' : '提醒我'}
          </View>
        ) : null}
      </View>

      {drop.items.length === 0 ? (
        <EmptyState title="本期团购暂无商品" description="看看其他好物吧" />
      ) : (
        <View className="drop-items">
          {drop.items.map((item) => (
            <DropItemCard key={item.id} item={item} phase={phase} onBuy={() => setBuying(item)} />
          ))}
        </View>
      )}

      <View className="drop-notes">
        <Text className="drop-notes__line">{`下单后请在 ${Math.round(drop.reservationSeconds / 60)} 分钟内付款，超时库存将释放给其他会员`}</Text>
        <Text className="drop-notes__link my-drop-orders-link" onClick={() => navigateTo(DROP_ROUTES.orders)}>
          我的团购订单 ›
        </Text>
      </View>

      <ShareSheet visible={sharing} onClose={() => setSharing(false)} path={share.path} />
      {buying ? (
        <BuySheet
          drop={drop}
          item={drop.items.find((i) => i.id === buying.id) ?? buying}
          serverNowMs={serverNow}
          onClose={() => setBuying(null)}
          onRefused={(then) => {
            if (then === 'signup') {
              setBuying(null);
              void askToJoin('成为会员后即可参与团购');
            } else if (then === 'reload') {
              setBuying(null);
              void reload();
            }
          }}
        />
      ) : null}
    </View>
  );
}

interface DropItemCardProps {
  item: DropItemView;
  phase: DropPhase;
  onBuy: () => void;
}

function DropItemCard({ item, phase, onBuy }: DropItemCardProps) {
  const block = itemBlock(item);
  const percent = soldPercent(item);
  const canBuy = phase === 'OPEN' && block === null && maxBuyable(item) > 0;
  const comeBack = soldOutHint(item, phase);
  const label =
    phase === 'ENDED'
      ? '已结束'
      : block === 'SOLD_OUT'
        ? '已抢光'
        : phase === 'UPCOMING'
          ? '即将开抢'
          : block === 'LIMIT_REACHED'
            ? '已达限购'
            : '立即抢购';
  return (
    <View className={`drop-item ${block === 'SOLD_OUT' ? 'drop-item--sold-out' : ''}`}>
      <View className="drop-item__media">
        <Image className="drop-item__img" src={resolveAssetUrl(item.imageUrl)} mode="aspectFill" lazyLoad />
        {block === 'SOLD_OUT' ? <Text className="drop-item__stamp">已抢光</Text> : null}
      </View>
      <View className="drop-item__main">
        <Text className="drop-item__name drop-item-name">{item.productName}</Text>
        {item.specText ? <Text className="drop-item__spec">{item.specText}</Text> : null}
        <View className="drop-item__price">
          <Text className="drop-item__tag">团购价</Text>
          <Price
            fen={fen(item.dropPriceFen)}
            originalFen={fen(item.listPriceFen)}
            size="md"
            className="drop-price"
            originalClassName="drop-list-price"
          />
        </View>
        <View className="drop-item__progress">
          <View className="drop-progress">
            <View className="drop-progress__fill" style={{ width: `${percent}%` }} />
          </View>
          <Text className="drop-item__left drop-item-left">{remainingText(item)}</Text>
        </View>
        {comeBack ? (
          <Text className="drop-item__hint drop-sold-out-hint">{comeBack}</Text>
        ) : (
          <Text className="drop-item__limit drop-item-limit">{limitText(item)}</Text>
        )}
        <View
          className={`btn btn--small drop-item__buy buy-button ${canBuy ? 'btn--primary' : 'btn--disabled drop-item__buy--off'}`}
          onClick={() => {
            if (canBuy) onBuy();
            else if (phase === 'OPEN' && block === 'SOLD_OUT') toast(comeBack ? `已抢光，${comeBack}` : '已抢光');
            else if (phase === 'OPEN' && block === 'LIMIT_REACHED') toast('已达到限购数量');
          }}
        >
          {label}
        </View>
      </View>
    </View>
  );
}
