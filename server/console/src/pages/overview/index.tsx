import { PageContainer, ProCard, StatisticCard } from '@ant-design/pro-components';
import { fen, type OverviewFigures, type OverviewResponse, type OverviewStoreRow } from '@tidepool/shared';
import { Alert, Empty, Segmented, Skeleton, Table } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../auth/SessionContext';
import { yuan } from '../../format';
import { Chart } from './Chart';
import { gmvLineOption, isEmptyOverview, storeBarOption } from './overview-chart';

/** 概览: today and the last N days (brand-zone days), GMV by channel per day, and by store. */
export default function OverviewPage() {
  const { session, timeZone } = useSession();
  const [days, setDays] = useState(30);
  const [data, setData] = useState<OverviewResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    api<OverviewResponse>('GET', '/admin/overview', { query: { days } })
      .then((answer) => live && setData(answer))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : '概览加载失败'));
    return () => {
      live = false;
    };
  }, [days]);

  const scopeNote = session.role === 'store_manager' ? '本店数据' : '全品牌';
  return (
    <PageContainer
      title="概览"
      subTitle={`${scopeNote} · 按 ${timeZone} 自然日统计 · 金额为实付（退款前）`}
      extra={
        <Segmented
          value={days}
          onChange={(value) => setDays(Number(value))}
          options={[
            { label: '近 7 天', value: 7 },
            { label: '近 30 天', value: 30 },
            { label: '近 90 天', value: 90 },
          ]}
        />
      }
    >
      {error ? (
        <Alert type="error" showIcon message={error} />
      ) : !data ? (
        <ProCard>
          <Skeleton active paragraph={{ rows: 8 }} />
        </ProCard>
      ) : (
        <OverviewBody data={data} />
      )}
    </PageContainer>
  );
}

function FiguresRow({ title, figures, testId }: { title: string; figures: OverviewFigures; testId: string }) {
  return (
    <StatisticCard.Group title={title} direction="row" data-testid={testId} style={{ marginBottom: 16 }}>
      <StatisticCard statistic={{ title: '实付金额', value: yuan(fen(figures.gmvFen)) }} />
      <StatisticCard.Divider />
      <StatisticCard statistic={{ title: '支付订单', value: figures.paidOrders, suffix: '笔' }} />
      <StatisticCard.Divider />
      <StatisticCard statistic={{ title: '客单价', value: yuan(fen(figures.avgOrderFen)) }} />
      <StatisticCard.Divider />
      <StatisticCard statistic={{ title: '新会员', value: figures.newMembers, suffix: '人' }} />
    </StatisticCard.Group>
  );
}

function OverviewBody({ data }: { data: OverviewResponse }) {
  const first = data.series[0]?.day ?? '';
  const last = data.series[data.series.length - 1]?.day ?? '';
  return (
    <>
      <FiguresRow title={`今日（${last}）`} figures={data.today} testId="overview-today" />
      <FiguresRow title={`近 ${data.days} 天（${first} 至 ${last}）`} figures={data.period} testId="overview-period" />
      {isEmptyOverview(data) ? (
        <ProCard bordered>
          <Empty
            data-testid="overview-empty"
            description={`近 ${data.days} 天还没有成交和新会员。有了第一笔订单或收银后，这里会显示每日趋势和门店对比。`}
          />
        </ProCard>
      ) : (
        <>
          <ProCard title="每日实付金额（按渠道）" bordered headerBordered>
            <Chart option={gmvLineOption(data.series)} height={280} testId="overview-gmv-chart" />
          </ProCard>
          <ProCard split="vertical" bordered headerBordered style={{ marginTop: 16 }} title="门店">
            <ProCard colSpan="55%">
              <Table<OverviewStoreRow>
                size="small"
                rowKey={(row) => String(row.storeId)}
                dataSource={data.stores}
                pagination={false}
                data-testid="overview-stores"
                columns={[
                  { title: '门店', dataIndex: 'storeName' },
                  { title: '实付金额', dataIndex: 'gmvFen', align: 'right', render: (v: number) => yuan(fen(v)) },
                  { title: '订单', dataIndex: 'paidOrders', align: 'right' },
                  { title: '新会员', dataIndex: 'newMembers', align: 'right' },
                ]}
              />
            </ProCard>
            <ProCard>
              <Chart option={storeBarOption(data.stores)} height={Math.max(160, data.stores.length * 48)} />
            </ProCard>
          </ProCard>
        </>
      )}
    </>
  );
}
