import { ExclamationCircleOutlined } from '@ant-design/icons';
import { PageContainer, ProCard, ProDescriptions, StatisticCard } from '@ant-design/pro-components';
import type { AdminCampaignResults, AdminCampaignVersionView, AdminCampaignView } from '@tidepool/shared';
import { Alert, App, Badge, Button, Space, Spin, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../auth/SessionContext';
import { AuditTrail } from '../../components/AuditTrail';
import { dateTime, yuan } from '../../format';
import { actionText, triggerText } from './campaign-form';
import { CAMPAIGN_STATUS_BADGES } from './labels';

const BADGE_STATUS = { Success: 'success', Default: 'default', Warning: 'warning', Processing: 'processing' } as const;

/** One campaign: its results, its rules and versions, activate / pause / end, and its audit trail. */
export function CampaignDetail() {
  const { id } = useParams();
  const { timeZone } = useSession();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [campaign, setCampaign] = useState<AdminCampaignView | null>(null);
  const [results, setResults] = useState<AdminCampaignResults | null>(null);
  const [versions, setVersions] = useState<AdminCampaignVersionView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const load = useCallback(() => {
    Promise.all([
      api<AdminCampaignView>('GET', `/admin/campaigns/${id}`),
      api<AdminCampaignResults>('GET', `/admin/campaigns/${id}/results`),
      api<AdminCampaignVersionView[]>('GET', `/admin/campaigns/${id}/versions`),
    ])
      .then(([c, r, v]) => {
        setCampaign(c);
        setResults(r);
        setVersions(v);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : '加载失败'));
  }, [id]);
  useEffect(load, [load, version]);

  const move = async (to: 'activate' | 'pause' | 'end', done: string) => {
    try {
      await api('POST', `/admin/campaigns/${id}/${to}`);
      void message.success(done);
      setVersion((v) => v + 1);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  };

  const end = () =>
    modal.confirm({
      title: '结束这个活动？',
      icon: <ExclamationCircleOutlined />,
      content: '结束后不再触发，也不能再编辑或重新上线；已发放的券和积分不受影响。',
      okText: '结束活动',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => move('end', '活动已结束'),
    });

  const activate = () =>
    modal.confirm({
      title: '上线这个活动？',
      content: '上线后，满足条件的会员会立即获得奖励。',
      okText: '上线',
      cancelText: '取消',
      onOk: () => move('activate', '活动已上线'),
    });

  if (error)
    return (
      <PageContainer title="营销活动">
        <Alert type="error" message={error} />
      </PageContainer>
    );
  if (!campaign || !results)
    return (
      <PageContainer title="营销活动">
        <Spin />
      </PageContainer>
    );
  const badge = CAMPAIGN_STATUS_BADGES[campaign.status];
  const { limits } = campaign.definition;
  return (
    <PageContainer
      title={campaign.name}
      subTitle={<Badge status={BADGE_STATUS[badge.status]} text={badge.text} />}
      onBack={() => void navigate('/campaigns')}
      extra={
        <Space>
          {campaign.status !== 'ENDED' && (
            <Button onClick={() => void navigate(`/campaigns/${campaign.id}/edit`)}>编辑</Button>
          )}
          {(campaign.status === 'DRAFT' || campaign.status === 'PAUSED') && (
            <Button type="primary" onClick={() => void activate()}>
              上线
            </Button>
          )}
          {campaign.status === 'ACTIVE' && <Button onClick={() => void move('pause', '活动已暂停')}>暂停</Button>}
          {campaign.status !== 'ENDED' && (
            <Button danger onClick={() => void end()}>
              结束
            </Button>
          )}
        </Space>
      }
    >
      <StatisticCard.Group direction="row" data-testid="campaign-results">
        <StatisticCard statistic={{ title: '已发放', value: results.granted }} />
        <StatisticCard statistic={{ title: '对照组', value: results.heldOut }} />
        <StatisticCard statistic={{ title: '超出预算', value: results.overBudget }} />
        <StatisticCard statistic={{ title: '超出每人限额', value: results.overMemberLimit }} />
        <StatisticCard statistic={{ title: '券已使用', value: results.couponsUsed }} />
        <StatisticCard statistic={{ title: '成本', value: yuan(results.costFen) }} />
      </StatisticCard.Group>
      <ProCard title="活动规则" style={{ marginTop: 16 }}>
        <ProDescriptions column={2} dataSource={campaign}>
          <ProDescriptions.Item label="活动编码">{campaign.key}</ProDescriptions.Item>
          <ProDescriptions.Item label="当前版本">v{campaign.version}</ProDescriptions.Item>
          <ProDescriptions.Item label="触发">{triggerText(campaign.definition)}</ProDescriptions.Item>
          <ProDescriptions.Item label="奖励">{actionText(campaign.definition)}</ProDescriptions.Item>
          <ProDescriptions.Item label="每人限得">{limits.perMember ?? '不限'}</ProDescriptions.Item>
          <ProDescriptions.Item label="预算">
            {limits.budgetCount ?? '不限'} 份 / {limits.budgetFen === null ? '不限金额' : yuan(limits.budgetFen)}
          </ProDescriptions.Item>
          <ProDescriptions.Item label="活动时间">
            {limits.startsAt ? dateTime(limits.startsAt, timeZone) : '不限'} 至{' '}
            {limits.endsAt ? dateTime(limits.endsAt, timeZone) : '不限'}
          </ProDescriptions.Item>
          <ProDescriptions.Item label="对照组">{campaign.definition.holdoutBp / 100}%</ProDescriptions.Item>
        </ProDescriptions>
      </ProCard>
      <ProCard title="各版本效果" style={{ marginTop: 16 }}>
        <Table
          rowKey="version"
          size="small"
          pagination={false}
          locale={{ emptyText: '暂无版本' }}
          dataSource={versions.map((v) => ({ ...v, ...results.byVersion.find((r) => r.version === v.version) }))}
          columns={[
            { title: '版本', dataIndex: 'version', render: (v: number) => `v${v}` },
            { title: '触发', render: (_, row) => triggerText(row.definition) },
            { title: '奖励', render: (_, row) => actionText(row.definition) },
            { title: '已发放', dataIndex: 'granted', render: (v?: number) => v ?? 0 },
            { title: '对照组', dataIndex: 'heldOut', render: (v?: number) => v ?? 0 },
            { title: '超出预算', dataIndex: 'overBudget', render: (v?: number) => v ?? 0 },
            { title: '成本', dataIndex: 'costFen', render: (v?: number) => yuan(v ?? 0) },
            { title: '创建', render: (_, row) => `${row.createdBy} · ${dateTime(row.createdAt, timeZone)}` },
          ]}
        />
      </ProCard>
      <AuditTrail objectType="campaign" objectId={campaign.id} version={version} />
    </PageContainer>
  );
}
