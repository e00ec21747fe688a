import { PageContainer, ProCard, StatisticCard } from '@ant-design/pro-components';
import type { LifecycleOverviewView, StageFlowView } from '@tidepool/shared';
import { Alert, Empty, Segmented, Skeleton, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../auth/SessionContext';
import { Chart } from './Chart';
import { isEmptyLifecycle, sharePercent, STAGE_COLORS, stageBarOption, valueLabel } from './lifecycle-chart';

/** 生命周期: members per lifecycle stage and relationship level, and who moved between stages lately. */
export default function LifecyclePage() {
  const { session } = useSession();
  const [data, setData] = useState<LifecycleOverviewView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api<LifecycleOverviewView>('GET', '/admin/growth/lifecycle')
      .then((answer) => live && setData(answer))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : '生命周期数据加载失败'));
    return () => {
      live = false;
    };
  }, []);

  const scopeNote = session.role === 'store_manager' ? '本店会员（常去门店为本店）' : '全品牌会员';
  return (
    <PageContainer title="生命周期" subTitle={`${scopeNote} · 按购买记录每晚复核`}>
      {error ? (
        <Alert type="error" showIcon message={error} />
      ) : !data ? (
        <ProCard>
          <Skeleton active paragraph={{ rows: 8 }} />
        </ProCard>
      ) : isEmptyLifecycle(data) ? (
        <ProCard bordered>
          <Empty
            data-testid="lifecycle-empty"
            description="还没有注册会员。会员注册并下单后，这里会按购买记录显示各生命周期阶段的人数和流转。"
          />
        </ProCard>
      ) : (
        <LifecycleBody data={data} />
      )}
    </PageContainer>
  );
}

function LifecycleBody({ data }: { data: LifecycleOverviewView }) {
  const [days, setDays] = useState<7 | 30>(7);
  const flows = (days === 7 ? data.flows7d : data.flows30d).filter((f) => f.kind === 'LIFECYCLE');
  return (
    <>
      <StatisticCard.Group direction="row" data-testid="lifecycle-stages" style={{ marginBottom: 16 }}>
        {data.stages.map((stage) => (
          <StatisticCard
            key={stage.key}
            data-testid={`stage-${stage.key}`}
            statistic={{
              title: <Tag color={STAGE_COLORS[stage.key]}>{stage.label}</Tag>,
              value: stage.members,
              suffix: '人',
              description: `占比 ${sharePercent(stage.shareBp)}`,
            }}
          />
        ))}
      </StatisticCard.Group>
      <ProCard title={`阶段与关系等级分布（共 ${data.members} 人）`} bordered headerBordered>
        <Chart option={stageBarOption(data)} height={260} testId="lifecycle-chart" />
      </ProCard>
      <ProCard
        title="阶段流转"
        bordered
        headerBordered
        style={{ marginTop: 16 }}
        extra={
          <Segmented
            value={days}
            onChange={(value) => setDays(value === 30 ? 30 : 7)}
            options={[
              { label: '近 7 天', value: 7 },
              { label: '近 30 天', value: 30 },
            ]}
          />
        }
      >
        <Table<StageFlowView>
          size="small"
          data-testid="lifecycle-flows"
          rowKey={(row) => `${row.from ?? '-'}>${row.to}`}
          dataSource={flows}
          pagination={false}
          locale={{ emptyText: <Empty description={`近 ${days} 天没有会员变更阶段`} /> }}
          columns={[
            { title: '从', dataIndex: 'from', render: (_: unknown, row) => valueLabel(row.kind, row.from) },
            { title: '到', dataIndex: 'to', render: (_: unknown, row) => valueLabel(row.kind, row.to) },
            { title: '人次', dataIndex: 'changes', align: 'right' },
          ]}
        />
      </ProCard>
    </>
  );
}
