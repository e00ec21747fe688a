import {
  ModalForm,
  PageContainer,
  ProFormTextArea,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import { fen, WITHDRAWAL_STATUS_LABELS, WITHDRAWAL_STATUSES, type AdminWithdrawalView } from '@tidepool/shared';
import { App, Badge, Popconfirm, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { pagedRequest } from '../../api/pro-table';
import { useSession } from '../../auth/SessionContext';
import { dateTime, yuan as formatYuan } from '../../format';
import { payoutSummary, STATUS_BADGES, withdrawalListParams } from './withdrawal-rules';

/** Contract amounts are plain integers of fen. */
const yuan = (amount: number) => formatYuan(fen(amount));

/** 提现: the review queue (above the review threshold) and every payout with its gateway state. */
export default function WithdrawalsArea() {
  return (
    <App>
      <WithdrawalQueue />
    </App>
  );
}

function WithdrawalQueue() {
  const { timeZone } = useSession();
  const { message } = App.useApp();
  const table = useRef<ActionType>(null);
  const [refusing, setRefusing] = useState<AdminWithdrawalView | null>(null);

  const approve = async (w: AdminWithdrawalView) => {
    try {
      const done = await api<AdminWithdrawalView>('POST', `/admin/distribution/withdrawals/${w.id}/approve`);
      if (done.status === 'PAID') message.success(`已通过，${yuan(done.amountFen)} 已打款给 ${done.promoterName}`);
      else if (done.status === 'FAILED') message.warning(`打款失败：${done.failureReason ?? ''}，金额已退回推手`);
      else message.info('已通过，打款确认中');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败，请重试');
    }
    void table.current?.reload();
  };

  const columns: ProColumns<AdminWithdrawalView>[] = [
    { title: '编号', dataIndex: 'id', width: 70, search: false },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      valueType: 'select',
      initialValue: 'REVIEW',
      valueEnum: Object.fromEntries(WITHDRAWAL_STATUSES.map((s) => [s, { text: WITHDRAWAL_STATUS_LABELS[s] }])),
      render: (_, row) => <Badge status={STATUS_BADGES[row.status]} text={WITHDRAWAL_STATUS_LABELS[row.status]} />,
    },
    {
      title: '推手',
      dataIndex: 'promoterName',
      search: false,
      render: (_, row) => (
        <span>
          {row.promoterName} <Typography.Text type="secondary">#{row.promoterId}</Typography.Text>
        </span>
      ),
    },
    { title: '推手 ID', dataIndex: 'promoterId', hideInTable: true, valueType: 'digit' },
    {
      title: '金额',
      dataIndex: 'amountFen',
      width: 110,
      search: false,
      align: 'right',
      render: (_, row) => <Typography.Text strong>{yuan(row.amountFen)}</Typography.Text>,
    },
    { title: '最低金额（元）', dataIndex: 'minYuan', hideInTable: true, valueType: 'digit' },
    { title: '最高金额（元）', dataIndex: 'maxYuan', hideInTable: true, valueType: 'digit' },
    { title: '申请日期', dataIndex: 'range', valueType: 'dateRange', hideInTable: true },
    {
      title: '申请时间',
      dataIndex: 'requestedAt',
      width: 150,
      search: false,
      render: (_, row) => dateTime(row.requestedAt, timeZone),
    },
    {
      title: '打款情况',
      dataIndex: 'payout',
      search: false,
      render: (_, row) => (
        <div style={{ fontSize: 12 }}>
          <div>{payoutSummary(row)}</div>
          {row.failureReason && <Typography.Text type="danger">原因：{row.failureReason}</Typography.Text>}
          {row.returnedFen > 0 && <div>退回 {yuan(row.returnedFen)}</div>}
          {row.transferBillNo && <Typography.Text type="secondary">微信单号 {row.transferBillNo}</Typography.Text>}
        </div>
      ),
    },
    {
      title: '商户单号',
      dataIndex: 'outBillNo',
      width: 140,
      search: false,
      render: (_, row) => <Typography.Text code>{row.outBillNo}</Typography.Text>,
    },
    {
      title: '完成时间',
      dataIndex: 'finishedAt',
      width: 150,
      search: false,
      render: (_, row) => dateTime(row.finishedAt ?? row.paidAt, timeZone),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 130,
      render: (_, row) =>
        row.status === 'REVIEW'
          ? [
              <Popconfirm
                key="approve"
                title={`通过并打款 ${yuan(row.amountFen)}？`}
                description={`将通过微信商家转账打款给 ${row.promoterName}，无法撤回。`}
                okText="通过并打款"
                onConfirm={() => void approve(row)}
              >
                <a>通过</a>
              </Popconfirm>,
              <a key="refuse" style={{ color: '#cf1322' }} onClick={() => setRefusing(row)}>
                拒绝
              </a>,
            ]
          : [],
    },
  ];

  return (
    <PageContainer title="提现" content="超过审核金额的提现在此审核；拒绝或打款失败的金额会退回推手的可提现余额。">
      <ProTable<AdminWithdrawalView>
        actionRef={table}
        rowKey="id"
        columns={columns}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50] }}
        request={pagedRequest<AdminWithdrawalView>('/admin/distribution/withdrawals', (p) =>
          withdrawalListParams(p, timeZone),
        )}
      />
      <ModalForm<{ reason: string }>
        title={refusing ? `拒绝提现 #${refusing.id}（${yuan(refusing.amountFen)}，${refusing.promoterName}）` : ''}
        open={refusing !== null}
        width={480}
        modalProps={{
          destroyOnClose: true,
          onCancel: () => setRefusing(null),
          okText: '确认拒绝',
          okButtonProps: { danger: true },
        }}
        onFinish={async ({ reason }) => {
          if (!refusing) return true;
          try {
            await api('POST', `/admin/distribution/withdrawals/${refusing.id}/reject`, { body: { reason } });
            message.success('已拒绝，金额已退回推手的可提现余额');
            setRefusing(null);
            void table.current?.reload();
            return true;
          } catch (e) {
            message.error(e instanceof ApiError ? e.message : '操作失败，请重试');
            return false;
          }
        }}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">推手会在小程序中看到拒绝原因。</Typography.Text>
          <ProFormTextArea
            name="reason"
            label="拒绝原因"
            rules={[
              { required: true, whitespace: true, message: '请填写拒绝原因' },
              { max: 200, message: '最多 200 字' },
            ]}
            fieldProps={{ rows: 3, showCount: true, maxLength: 200 }}
          />
        </Space>
      </ModalForm>
    </PageContainer>
  );
}
