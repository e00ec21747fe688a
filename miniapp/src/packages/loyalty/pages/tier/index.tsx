import { Text, View } from '@tarojs/components';
import { GROWTH_PER_YUAN, type TierResponse } from '@tidepool/shared';
import { ErrorState, LoadingState } from '@/components/state-view';
import { useAsync } from '@/hooks/use-async';
import { getTier } from '@/services/api/loyalty.api';
import { benefitRows } from '../../tier-benefits';
import { usePullDownReload } from '@/hooks/use-page-refresh';
import '../../loyalty.scss';
import './index.scss';

function TierView({ tier }: { tier: TierResponse }) {
  const rows = benefitRows(tier.benefits);
  const upgrades = tier.benefits
    .filter((b) => b.minGrowth > 0)
    .map((b) => `${b.minGrowth} 升级${b.name}`)
    .join('，');
  const progress = Math.min(1000, Math.max(0, tier.progressPermille)) / 10;
  return (
    <>
      <View className={`loyalty-hero tier-hero loyalty-hero--${tier.tier.code.toLowerCase()}`}>
        <Text className="loyalty-hero__label">当前等级</Text>
        <View className="tier-hero__row">
          <Text className="tier-hero__name tier-current">{tier.tier.name}</Text>
          <Text className="tier-hero__growth tier-growth">{`成长值 ${tier.growth}`}</Text>
        </View>
        <View className="loyalty-progress">
          <View className="loyalty-progress__track">
            <View className="loyalty-progress__fill tier-progress-fill" style={{ width: `${progress}%` }} />
          </View>
          <Text className="loyalty-progress__text tier-next">
            {tier.nextTier
              ? `再获得 ${tier.growthToNextTier} 成长值升级${tier.nextTier.name}`
              : `已是最高等级${tier.tier.name}，尊享全部权益`}
          </Text>
        </View>
      </View>

      <View className="panel tier-benefits">
        <Text className="panel__title">等级权益</Text>
        <View className="benefit-table">
          <View className="benefit-table__row benefit-table__row--head">
            <Text className="benefit-table__title">权益</Text>
            {tier.benefits.map((b) => (
              <Text
                key={b.code}
                className={`benefit-table__cell benefit-table__tier ${b.code === tier.tier.code ? 'benefit-table__cell--current' : ''}`}
              >
                {b.name}
              </Text>
            ))}
          </View>
          {rows.map((row) => (
            <View className="benefit-table__row benefit-row" key={row.key}>
              <Text className="benefit-table__title">{row.title}</Text>
              {row.cells.map((cell, index) => (
                <Text
                  key={tier.benefits[index]?.code ?? index}
                  className={`benefit-table__cell ${tier.benefits[index]?.code === tier.tier.code ? 'benefit-table__cell--current' : ''} ${cell ? '' : 'benefit-table__cell--none'}`}
                >
                  {cell || '—'}
                </Text>
              ))}
            </View>
          ))}
        </View>
      </View>

      <View className="panel tier-rules">
        <Text className="panel__title">如何升级</Text>
        <Text className="tier-rules__text">{`· 每消费 1 元得 ${GROWTH_PER_YUAN} 成长值，到店和线上消费都算。`}</Text>
        <Text className="tier-rules__text">{`· 成长值达到 ${upgrades}，升级即时生效。`}</Text>
        <Text className="tier-rules__text">· 订单退款会扣回对应的成长值，等级可能随之调整。</Text>
      </View>
    </>
  );
}

/** 会员等级: progress to the next tier and what every tier gets. */
export default function TierPage() {
  const { state, reload } = useAsync(getTier, []);
  usePullDownReload(reload);
  return (
    <View className="loyalty-page tier-page">
      {state.data ? <TierView tier={state.data} /> : null}
      {!state.data && state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' && !state.data ? (
        <ErrorState error={state.error} onRetry={() => void reload()} />
      ) : null}
    </View>
  );
}
