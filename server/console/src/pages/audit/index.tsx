import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { AUDIT_OBJECT_LABELS, AUDIT_OBJECT_TYPES, type AuditEntryView } from '@tidepool/shared';
import { Typography } from 'antd';
import { pagedRequest } from '../../api/pro-table';
import { useSession } from '../../auth/SessionContext';
import { changedFields } from '../../components/audit-diff';
import { dateTime, dayRangeQuery } from '../../format';

/** 操作日志: every operator write, filterable by operator, object and date. */
export default function AuditLogPage() {
  const { timeZone } = useSession();
  const columns: ProColumns<AuditEntryView>[] = [
    { title: '时间', dataIndex: 'at', width: 170, search: false, render: (_, row) => dateTime(row.at, timeZone) },
    {
      title: '时间范围',
      dataIndex: 'range',
      valueType: 'dateRange',
      hideInTable: true,
    },
    { title: '操作人', dataIndex: 'actorName', width: 140, search: false },
    { title: '操作人 ID', dataIndex: 'actorId', hideInTable: true, valueType: 'digit' },
    {
      title: '对象类型',
      dataIndex: 'objectType',
      width: 110,
      valueType: 'select',
      valueEnum: Object.fromEntries(AUDIT_OBJECT_TYPES.map((type) => [type, { text: AUDIT_OBJECT_LABELS[type] }])),
    },
    { title: '对象 ID', dataIndex: 'objectId', width: 90 },
    {
      title: '操作',
      dataIndex: 'action',
      width: 170,
      render: (_, row) => <Typography.Text code>{row.action}</Typography.Text>,
    },
    {
      title: '变更',
      dataIndex: 'changes',
      search: false,
      render: (_, row) =>
        changedFields(row.before, row.after)
          .slice(0, 4)
          .map((c) => (
            <div key={c.field} style={{ fontSize: 12 }}>
              {c.field}：{c.before} → {c.after}
            </div>
          )),
    },
  ];
  return (
    <PageContainer title="操作日志">
      <ProTable<AuditEntryView>
        rowKey="id"
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50] }}
        request={pagedRequest<AuditEntryView>('/admin/audit', ({ range, ...rest }) => {
          return { ...rest, ...dayRangeQuery(range, timeZone) };
        })}
      />
    </PageContainer>
  );
}
