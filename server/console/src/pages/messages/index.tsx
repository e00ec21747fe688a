import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import {
  type AdminMessageSendRow,
  type AdminMessageSendsResponse,
  MESSAGE_SEND_STATUSES,
  MESSAGE_TEMPLATE_KEYS,
  MESSAGE_TEMPLATE_NAMES,
  type MessageSendStatus,
  type MessageSkipReason,
} from '@tidepool/shared';
import { Card, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../auth/SessionContext';
import { dateTime, dayRangeQuery } from '../../format';

const STATUS: Record<MessageSendStatus, { text: string; color: string }> = {
  DEFERRED: { text: '待发送', color: 'gold' },
  SENT: { text: '已发送', color: 'green' },
  SKIPPED: { text: '未发送', color: 'default' },
  REFUSED: { text: '用户拒收', color: 'orange' },
  FAILED: { text: '失败', color: 'red' },
};

const SKIP_REASON: Record<MessageSkipReason, string> = {
  NO_CONSENT: '无可用订阅',
  CAPPED: '超出每周上限',
  NO_MEMBER: '会员已注销',
  UNKNOWN_TEMPLATE: '模板未配置',
};

type CountRow = { templateKey: string; templateName: string } & Partial<Record<MessageSendStatus, number>>;

/** Per template, one row with a count per status (what the server counted over the same filters). */
function countRows(counts: AdminMessageSendsResponse['counts']): CountRow[] {
  const rows = new Map<string, CountRow>();
  for (const c of counts) {
    const row = rows.get(c.templateKey) ?? { templateKey: c.templateKey, templateName: c.templateName };
    row[c.status] = c.count;
    rows.set(c.templateKey, row);
  }
  return [...rows.values()];
}

/** 消息触达: every subscribe message requested, what became of it, and the per-template totals. */
export default function MessagesPage() {
  const { timeZone } = useSession();
  const [counts, setCounts] = useState<CountRow[] | null>(null);

  const columns: ProColumns<AdminMessageSendRow>[] = [
    {
      title: '请求时间',
      dataIndex: 'requestedAt',
      width: 170,
      search: false,
      render: (_, row) => dateTime(row.requestedAt, timeZone),
    },
    { title: '时间范围', dataIndex: 'range', valueType: 'dateRange', hideInTable: true },
    {
      title: '模板',
      dataIndex: 'templateKey',
      width: 150,
      valueType: 'select',
      valueEnum: Object.fromEntries(MESSAGE_TEMPLATE_KEYS.map((key) => [key, { text: MESSAGE_TEMPLATE_NAMES[key] }])),
      render: (_, row) => row.templateName,
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 120,
      valueType: 'select',
      valueEnum: Object.fromEntries(MESSAGE_SEND_STATUSES.map((s) => [s, { text: STATUS[s].text }])),
      render: (_, row) => <Tag color={STATUS[row.status].color}>{STATUS[row.status].text}</Tag>,
    },
    {
      title: '说明',
      dataIndex: 'skipReason',
      search: false,
      render: (_, row) =>
        row.skipReason
          ? SKIP_REASON[row.skipReason]
          : row.status === 'DEFERRED'
            ? `免打扰时段，${dateTime(row.dueAt, timeZone)} 发送`
            : row.errcode
              ? `微信错误码 ${row.errcode}`
              : '—',
    },
    { title: '会员 ID', dataIndex: 'memberId', width: 90, valueType: 'digit' },
    {
      title: '手机号',
      dataIndex: 'memberPhoneMasked',
      width: 130,
      search: false,
      render: (_, r) => r.memberPhoneMasked ?? '—',
    },
    {
      title: '发送时间',
      dataIndex: 'sentAt',
      width: 170,
      search: false,
      render: (_, row) => (row.sentAt ? dateTime(row.sentAt, timeZone) : '—'),
    },
    {
      title: 'msgid',
      dataIndex: 'msgid',
      width: 140,
      search: false,
      render: (_, row) => (row.msgid ? <Typography.Text code>{row.msgid}</Typography.Text> : '—'),
    },
  ];

  return (
    <PageContainer title="消息触达">
      <Card size="small" title="按模板统计（当前筛选）" style={{ marginBottom: 16 }} className="message-counts">
        {counts && counts.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无发送记录" />
        ) : (
          <Table<CountRow>
            size="small"
            rowKey="templateKey"
            loading={counts === null}
            pagination={false}
            dataSource={counts ?? []}
            columns={[
              { title: '模板', dataIndex: 'templateName' },
              ...MESSAGE_SEND_STATUSES.map((s) => ({
                title: STATUS[s].text,
                dataIndex: s,
                render: (value: number | undefined) => value ?? 0,
              })),
            ]}
          />
        )}
      </Card>
      <ProTable<AdminMessageSendRow>
        rowKey="id"
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50] }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的消息" /> }}
        request={async ({ current, pageSize, range, ...filters }) => {
          const query: Record<string, string | number> = { page: current ?? 1, pageSize: pageSize ?? 20 };
          for (const [key, value] of Object.entries({ ...filters, ...dayRangeQuery(range, timeZone) })) {
            if (typeof value === 'string' ? value !== '' : typeof value === 'number') query[key] = value;
          }
          const answer = await api<AdminMessageSendsResponse>('GET', '/admin/messages/sends', { query });
          setCounts(countRows(answer.counts));
          return { data: answer.items, total: answer.total, success: true };
        }}
      />
    </PageContainer>
  );
}
