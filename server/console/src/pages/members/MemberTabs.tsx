import { ProDescriptions, ProTable } from '@ant-design/pro-components';
import type {
  AdminGrowthEntryView,
  AdminMemberConsentsView,
  AdminPointsEntryView,
  AdminPointsLotView,
  VoucherView,
} from '@tidepool/shared';
import { Alert, Empty, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { pagedRequest } from '../../api/pro-table';
import { useSession } from '../../auth/SessionContext';
import { date, dateTime } from '../../format';
import { GROWTH_KIND_LABELS, labelOf, LOT_STATUS_LABELS, VOUCHER_STATUS_LABELS } from './member-labels';

const signed = (n: number) => (
  <Typography.Text type={n < 0 ? 'danger' : 'success'}>{n > 0 ? `+${n}` : n}</Typography.Text>
);

/** The member profile's tabs: points ledger and lots, growth ledger, vouchers and consents. */
export function MemberTabs({ memberId, version }: { memberId: number; version: number }) {
  const { timeZone } = useSession();
  return (
    <Tabs
      style={{ marginTop: 16 }}
      destroyInactiveTabPane
      items={[
        {
          key: 'points',
          label: '积分明细',
          children: (
            <ProTable<AdminPointsEntryView>
              key={`points-${version}`}
              rowKey="id"
              search={false}
              options={false}
              pagination={{ defaultPageSize: 10 }}
              request={pagedRequest<AdminPointsEntryView>(`/admin/members/${memberId}/points`)}
              columns={[
                { title: '时间', dataIndex: 'createdAt', render: (_, row) => dateTime(row.createdAt, timeZone) },
                { title: '说明', dataIndex: 'reason' },
                { title: '变动', dataIndex: 'points', render: (_, row) => signed(row.points) },
                { title: '余额', dataIndex: 'availableAfter' },
                { title: '欠分', dataIndex: 'debtAfter' },
              ]}
            />
          ),
        },
        {
          key: 'lots',
          label: '积分批次',
          children: (
            <ProTable<AdminPointsLotView>
              key={`lots-${version}`}
              rowKey="id"
              search={false}
              options={false}
              pagination={{ defaultPageSize: 10 }}
              locale={{ emptyText: '暂无积分批次' }}
              request={pagedRequest<AdminPointsLotView>(`/admin/members/${memberId}/points-lots`)}
              columns={[
                { title: '获得时间', dataIndex: 'createdAt', render: (_, row) => dateTime(row.createdAt, timeZone) },
                { title: '获得积分', dataIndex: 'points' },
                { title: '剩余', dataIndex: 'remaining' },
                {
                  title: '状态',
                  dataIndex: 'status',
                  render: (_, row) => (
                    <Tag color={LOT_STATUS_LABELS[row.status]?.color}>{labelOf(LOT_STATUS_LABELS, row.status)}</Tag>
                  ),
                },
                { title: '到期时间', dataIndex: 'expiresAt', render: (_, row) => dateTime(row.expiresAt, timeZone) },
              ]}
            />
          ),
        },
        {
          key: 'growth',
          label: '成长值',
          children: (
            <ProTable<AdminGrowthEntryView>
              key={`growth-${version}`}
              rowKey="id"
              search={false}
              options={false}
              pagination={{ defaultPageSize: 10 }}
              locale={{ emptyText: '暂无成长值记录' }}
              request={pagedRequest<AdminGrowthEntryView>(`/admin/members/${memberId}/growth`)}
              columns={[
                { title: '时间', dataIndex: 'createdAt', render: (_, row) => dateTime(row.createdAt, timeZone) },
                { title: '类型', dataIndex: 'kind', render: (_, row) => labelOf(GROWTH_KIND_LABELS, row.kind) },
                { title: '说明', dataIndex: 'reason' },
                { title: '变动', dataIndex: 'growth', render: (_, row) => signed(row.growth) },
                { title: '变动后成长值', dataIndex: 'growthAfter' },
                { title: '变动后等级', dataIndex: 'tierAfterName' },
              ]}
            />
          ),
        },
        { key: 'vouchers', label: '卡券', children: <VouchersTab memberId={memberId} /> },
        { key: 'consents', label: '授权与隐私', children: <ConsentsTab memberId={memberId} version={version} /> },
      ]}
    />
  );
}

function useLoad<T>(path: string, version = 0): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    api<T>('GET', path)
      .then(setData)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : '加载失败，请稍后重试'));
  }, [path, version]);
  return { data, error };
}

function VouchersTab({ memberId }: { memberId: number }) {
  const { timeZone } = useSession();
  const { data, error } = useLoad<{ items: VoucherView[] }>(`/admin/members/${memberId}/vouchers`);
  if (error) return <Alert type="error" showIcon message={error} />;
  if (!data) return <Spin />;
  return (
    <Table<VoucherView>
      rowKey="id"
      dataSource={data.items}
      pagination={false}
      locale={{ emptyText: <Empty description="暂无卡券" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      columns={[
        { title: '名称', dataIndex: 'title' },
        {
          title: '状态',
          dataIndex: 'status',
          render: (_, row) => (
            <Tag color={VOUCHER_STATUS_LABELS[row.status]?.color}>{labelOf(VOUCHER_STATUS_LABELS, row.status)}</Tag>
          ),
        },
        { title: '发放时间', dataIndex: 'issuedAt', render: (_, row) => dateTime(row.issuedAt, timeZone) },
        { title: '有效期至', dataIndex: 'expiresAt', render: (_, row) => date(row.expiresAt, timeZone) },
        {
          title: '核销',
          dataIndex: 'redeemedAt',
          render: (_, row) =>
            row.redeemedAt ? `${dateTime(row.redeemedAt, timeZone)} ${row.redeemedStoreName ?? ''}` : '—',
        },
      ]}
    />
  );
}

function ConsentsTab({ memberId, version }: { memberId: number; version: number }) {
  const { timeZone } = useSession();
  const { data, error } = useLoad<AdminMemberConsentsView>(`/admin/members/${memberId}/consents`, version);
  if (error) return <Alert type="error" showIcon message={error} />;
  if (!data) return <Spin />;
  return (
    <ProDescriptions column={2} data-testid="member-consents">
      <ProDescriptions.Item label="隐私政策版本">{data.privacyConsentVersion ?? '—'}</ProDescriptions.Item>
      <ProDescriptions.Item label="同意时间">{dateTime(data.privacyConsentedAt, timeZone)}</ProDescriptions.Item>
      <ProDescriptions.Item label="入会时间">{dateTime(data.signedUpAt, timeZone)}</ProDescriptions.Item>
      <ProDescriptions.Item label="注销申请">
        {data.deletionRequestedAt ? (
          <Tag color="red">{`${dateTime(data.deletionRequestedAt, timeZone)} 申请，待处理`}</Tag>
        ) : (
          '无'
        )}
      </ProDescriptions.Item>
    </ProDescriptions>
  );
}
