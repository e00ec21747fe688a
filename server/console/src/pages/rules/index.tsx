import { PageContainer, ProCard, ProDescriptions } from '@ant-design/pro-components';
import type { BrandRules, BrandRulesOverview, BrandRuleVersionView, RuleVersionState } from '@tidepool/shared';
import { Alert, App, Button, Popconfirm, Spin, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../auth/SessionContext';
import { AuditTrail } from '../../components/AuditTrail';
import { dateTime, yuan } from '../../format';
import { NewVersionDrawer } from './NewVersionDrawer';
import { WEEKDAYS } from './rules-form';

const STATE_TAGS: Record<RuleVersionState, { color: string; text: string }> = {
  PENDING: { color: 'blue', text: '待生效' },
  IN_FORCE: { color: 'green', text: '生效中' },
  SUPERSEDED: { color: 'default', text: '已失效' },
  CANCELLED: { color: 'red', text: '已撤销' },
};

/** 品牌规则: the rules in force, every version, and a new version from a future instant with a preview. */
export default function BrandRulesPage() {
  const { timeZone } = useSession();
  const { message } = App.useApp();
  const [overview, setOverview] = useState<BrandRulesOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [auditVersion, setAuditVersion] = useState(0);

  const load = useCallback(() => {
    setError(null);
    api<BrandRulesOverview>('GET', '/admin/brand-rules')
      .then(setOverview)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : '规则加载失败，请刷新重试'));
  }, []);
  useEffect(load, [load]);

  const cancel = async (version: BrandRuleVersionView) => {
    try {
      await api('POST', `/admin/brand-rules/versions/${version.id}/cancel`);
      message.success('已撤销该版本');
      setAuditVersion((n) => n + 1);
      load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '撤销失败');
    }
  };

  if (error)
    return (
      <PageContainer>
        <Alert type="error" showIcon message={error} action={<Button onClick={load}>重试</Button>} />
      </PageContainer>
    );
  if (!overview)
    return (
      <PageContainer>
        <Spin style={{ display: 'block', padding: 64 }} />
      </PageContainer>
    );
  const inForce = overview.inForce.rules;

  return (
    <PageContainer
      title="品牌规则"
      subTitle="规则以版本管理：新版本从设定的时间起生效，已生效的订单与积分保持当时的规则"
      extra={
        <Button type="primary" onClick={() => setDrawerOpen(true)}>
          新建版本
        </Button>
      }
    >
      <ProCard title={`当前生效：${overview.inForce.version}`} bordered headerBordered>
        <RulesSummary rules={inForce} />
      </ProCard>
      <ProCard title="版本记录" bordered headerBordered style={{ marginTop: 16 }}>
        <Table<BrandRuleVersionView>
          rowKey="id"
          size="middle"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={overview.versions}
          columns={[
            { title: '版本', dataIndex: 'version' },
            {
              title: '生效时间',
              dataIndex: 'effectiveFrom',
              render: (v: string, row) => (row.id === 0 ? '初始' : dateTime(v, timeZone)),
            },
            {
              title: '状态',
              dataIndex: 'state',
              render: (s: RuleVersionState) => <Tag color={STATE_TAGS[s].color}>{STATE_TAGS[s].text}</Tag>,
            },
            {
              title: '会员日',
              render: (_, row) =>
                `${WEEKDAYS[row.rules.memberDay.weekday]} 满 ${yuan(row.rules.memberDay.thresholdFen)}`,
            },
            { title: '说明', dataIndex: 'note' },
            { title: '创建人', dataIndex: 'createdBy', render: (v: string | null) => v ?? '—' },
            {
              title: '操作',
              render: (_, row) =>
                row.state === 'PENDING' ? (
                  <Popconfirm
                    title="撤销该版本？"
                    description="撤销后它不会生效，此操作不可恢复。"
                    okText="撤销"
                    cancelText="取消"
                    onConfirm={() => void cancel(row)}
                  >
                    <Button type="link" danger>
                      撤销
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      </ProCard>
      <AuditTrail objectType="brand_rules" objectId={overview.versions[0]?.id ?? 0} version={auditVersion} />
      <NewVersionDrawer
        open={drawerOpen}
        base={inForce}
        onClose={() => setDrawerOpen(false)}
        onSaved={() => {
          setDrawerOpen(false);
          setAuditVersion((n) => n + 1);
          load();
        }}
      />
    </PageContainer>
  );
}

function RulesSummary({ rules }: { rules: BrandRules }) {
  return (
    <>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={[...rules.tierTable]}
        columns={[
          { title: '等级', dataIndex: 'name' },
          { title: '成长值门槛', dataIndex: 'minGrowth' },
          { title: '每元积分', dataIndex: 'pointsPerYuanTenths', render: (v: number) => (v / 10).toFixed(1) },
          { title: '会员日立减', dataIndex: 'memberDayDiscountFen', render: (v: number) => yuan(v) },
        ]}
      />
      <ProDescriptions column={3} style={{ marginTop: 16 }}>
        <ProDescriptions.Item label="会员日">{`${WEEKDAYS[rules.memberDay.weekday]}，满 ${yuan(rules.memberDay.thresholdFen)}`}</ProDescriptions.Item>
        <ProDescriptions.Item label="生日积分倍数">{`${rules.points.birthdayMultiplier} 倍`}</ProDescriptions.Item>
        <ProDescriptions.Item label="生日券">{yuan(rules.perks.birthdayCouponFen)}</ProDescriptions.Item>
        <ProDescriptions.Item label="售后期">{`${rules.returnWindowDays} 天`}</ProDescriptions.Item>
        <ProDescriptions.Item label="自动确认收货">{`发货后 ${rules.orderAutoConfirmDays} 天`}</ProDescriptions.Item>
        <ProDescriptions.Item label="推广保护期">{`${rules.protectionDays} 天 / 下单后 ${rules.orderProtectionDays} 天`}</ProDescriptions.Item>
      </ProDescriptions>
    </>
  );
}
