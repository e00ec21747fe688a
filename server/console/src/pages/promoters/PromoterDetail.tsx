import { PageContainer, ProCard, ProDescriptions, ProTable, type ProColumns } from '@ant-design/pro-components';
import { fen, PROMOTER_STATUS_LABELS, type AdminPromoterCustomerView, type AdminPromoterView } from '@tidepool/shared';
import { Badge, Result, Space, Spin, Statistic } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { pagedRequest } from '../../api/pro-table';
import { useSession } from '../../auth/SessionContext';
import { AuditTrail } from '../../components/AuditTrail';
import { dateTime, yuan as formatYuan } from '../../format';
import { BindingHistoryDrawer } from './BindingHistoryDrawer';
import { availableAndDebt, STATUS_BADGES } from './promoter-rules';
import { usePromoterActions } from './usePromoterActions';

const yuan = (amount: number) => formatYuan(fen(amount));

export function PromoterDetail() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { timeZone } = useSession();
  const [promoter, setPromoter] = useState<AdminPromoterView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [memberId, setMemberId] = useState<number | null>(null);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const { buttons, dialog } = usePromoterActions(reload);

  useEffect(() => {
    api<AdminPromoterView>('GET', `/admin/distribution/promoters/${id}`)
      .then(setPromoter)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : '推手加载失败'));
  }, [id, version]);

  if (error) return <Result status="404" title={error} />;
  if (!promoter) return <Spin style={{ display: 'block', margin: 96 }} />;
  const { availableFen, debtFen } = availableAndDebt(promoter.availableFen);
  const customerColumns: ProColumns<AdminPromoterCustomerView>[] = [
    { title: '会员', dataIndex: 'memberId', render: (_, r) => `#${r.memberId}` },
    { title: '手机号', dataIndex: 'phoneMasked', render: (_, r) => r.phoneMasked ?? '—' },
    { title: '绑定时间', dataIndex: 'boundAt', render: (_, r) => dateTime(r.boundAt, timeZone) },
    { title: '保护期至', dataIndex: 'protectedUntil', render: (_, r) => dateTime(r.protectedUntil, timeZone) },
    {
      title: '操作',
      valueType: 'option',
      render: (_, r) => [
        <a key="history" onClick={() => setMemberId(r.memberId)}>
          绑定记录
        </a>,
      ],
    },
  ];
  return (
    <PageContainer
      title={promoter.displayName}
      subTitle={`推手 #${promoter.id}`}
      tags={<Badge status={STATUS_BADGES[promoter.status]} text={PROMOTER_STATUS_LABELS[promoter.status]} />}
      onBack={() => void navigate('/promoters')}
      extra={<Space size="middle">{buttons(promoter)}</Space>}
    >
      <ProCard gutter={16} ghost style={{ marginBottom: 16 }}>
        <ProCard bordered>
          <Statistic title="客户" value={promoter.customerCount} />
        </ProCard>
        <ProCard bordered>
          <Statistic title="订单" value={promoter.orderCount} />
        </ProCard>
        <ProCard bordered>
          <Statistic title="成交金额" value={yuan(promoter.paidFen)} />
        </ProCard>
        <ProCard bordered>
          <Statistic title="待结算" value={yuan(promoter.pendingFen)} />
        </ProCard>
        <ProCard bordered>
          <Statistic title="可提现" value={yuan(availableFen)} />
        </ProCard>
        <ProCard bordered>
          <Statistic title="提现中" value={yuan(promoter.withdrawingFen)} />
        </ProCard>
        <ProCard bordered>
          <Statistic title="已提现" value={yuan(promoter.withdrawnFen)} />
        </ProCard>
        <ProCard bordered>
          <Statistic title="欠款" value={yuan(debtFen)} valueStyle={debtFen > 0 ? { color: '#cf1322' } : undefined} />
        </ProCard>
      </ProCard>
      <ProCard bordered>
        <ProDescriptions<AdminPromoterView> column={3} dataSource={promoter}>
          <ProDescriptions.Item label="真实姓名" render={() => promoter.realName ?? '—'} />
          <ProDescriptions.Item label="手机号" render={() => promoter.phoneMasked ?? '—'} />
          <ProDescriptions.Item label="来源" render={() => (promoter.source === 'STAFF' ? '员工推手' : '会员申请')} />
          <ProDescriptions.Item label="会员" render={() => `#${promoter.memberId ?? '—'}`} />
          <ProDescriptions.Item
            label="邀请人"
            render={() => (promoter.inviterPromoterId ? `推手 #${promoter.inviterPromoterId}` : '—')}
          />
          <ProDescriptions.Item label="申请时间" render={() => dateTime(promoter.appliedAt, timeZone)} />
          <ProDescriptions.Item label="通过时间" render={() => dateTime(promoter.approvedAt, timeZone)} />
          {promoter.rejectReason && <ProDescriptions.Item label="拒绝原因" render={() => promoter.rejectReason} />}
        </ProDescriptions>
      </ProCard>
      <ProCard title="当前客户" bordered headerBordered style={{ marginTop: 16 }} bodyStyle={{ padding: 0 }}>
        <ProTable<AdminPromoterCustomerView>
          rowKey="memberId"
          columns={customerColumns}
          search={false}
          options={false}
          pagination={{ defaultPageSize: 10 }}
          request={pagedRequest<AdminPromoterCustomerView>(`/admin/distribution/promoters/${promoter.id}/customers`)}
        />
      </ProCard>
      <AuditTrail objectType="promoter" objectId={promoter.id} version={version} />
      {dialog}
      <BindingHistoryDrawer memberId={memberId} onClose={() => setMemberId(null)} />
    </PageContainer>
  );
}
