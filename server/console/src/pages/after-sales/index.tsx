import {
  ModalForm,
  PageContainer,
  ProDescriptions,
  ProFormTextArea,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import {
  type AdminAfterSaleDetail,
  AFTER_SALE_STATE_LABELS,
  AFTER_SALE_TYPE_LABELS,
  AFTER_SALE_TYPES,
  type AfterSaleState,
  fen,
  PAYMENT_REFUND_STATUS_LABELS,
} from '@tidepool/shared';
import { Alert, App, Button, Drawer, Form, Image, Popconfirm, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { pagedRequest } from '../../api/pro-table';
import { useSession } from '../../auth/SessionContext';
import { AuditTrail } from '../../components/AuditTrail';
import { dateTime, dayRangeQuery, yuan } from '../../format';

const STATE_COLORS: Record<AfterSaleState, string> = {
  PENDING_REVIEW: 'orange',
  AWAITING_RETURN: 'gold',
  REFUNDING: 'blue',
  REFUNDED: 'green',
  REJECTED: 'red',
  CANCELLED: 'default',
};

const TABS: { key: AfterSaleState | 'ALL'; label: string }[] = [
  { key: 'PENDING_REVIEW', label: '待审核' },
  { key: 'AWAITING_RETURN', label: '待退货' },
  { key: 'REFUNDING', label: '退款中' },
  { key: 'ALL', label: '全部' },
];

/** 售后: the review queue by state, and a drawer to approve, refuse (with a reason) or confirm the returned goods. */
export default function AfterSalesArea() {
  return (
    <App>
      <AfterSalesQueue />
    </App>
  );
}

function AfterSalesQueue() {
  const { timeZone } = useSession();
  const { message } = App.useApp();
  const [tab, setTab] = useState<AfterSaleState | 'ALL'>('PENDING_REVIEW');
  const [openId, setOpenId] = useState<number | null>(null);
  const action = useRef<ActionType>(undefined);

  const columns: ProColumns<AdminAfterSaleDetail>[] = [
    { title: '售后单号', dataIndex: 'afterSaleNo', width: 190, search: false },
    {
      title: '订单号',
      dataIndex: 'orderNo',
      width: 190,
      render: (_, row) => (
        <Link to={`/orders/${row.orderId}`} onClick={(e) => e.stopPropagation()}>
          {row.orderNo}
        </Link>
      ),
    },
    {
      title: '类型',
      dataIndex: 'type',
      width: 100,
      valueType: 'select',
      valueEnum: Object.fromEntries(AFTER_SALE_TYPES.map((t) => [t, { text: AFTER_SALE_TYPE_LABELS[t] }])),
    },
    {
      title: '商品',
      dataIndex: 'productName',
      search: false,
      render: (_, row) => `${row.productName}${row.specText ? `（${row.specText}）` : ''} × ${row.quantity}`,
    },
    {
      title: '退款金额',
      dataIndex: 'amountFen',
      width: 110,
      search: false,
      align: 'right',
      render: (_, row) => yuan(fen(row.amountFen)),
    },
    {
      title: '状态',
      dataIndex: 'state',
      width: 100,
      search: false,
      render: (_, row) => <Tag color={STATE_COLORS[row.state]}>{AFTER_SALE_STATE_LABELS[row.state]}</Tag>,
    },
    {
      title: '微信退款',
      dataIndex: 'refund',
      width: 170,
      search: false,
      render: (_, row) => (row.refund ? PAYMENT_REFUND_STATUS_LABELS[row.refund.status] : '—'),
    },
    {
      title: '申请时间',
      dataIndex: 'createdAt',
      width: 160,
      search: false,
      render: (_, row) => dateTime(row.createdAt, timeZone),
    },
    { title: '申请日期', dataIndex: 'range', valueType: 'dateRange', hideInTable: true },
  ];

  return (
    <PageContainer title="售后">
      <ProTable<AdminAfterSaleDetail>
        rowKey="id"
        actionRef={action}
        columns={columns}
        params={{ state: tab === 'ALL' ? undefined : tab }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50] }}
        locale={{ emptyText: '没有符合条件的售后单' }}
        toolbar={{
          menu: {
            type: 'tab',
            activeKey: tab,
            items: TABS.map((t) => ({ key: t.key, label: t.label })),
            onChange: (key) => setTab((key as AfterSaleState | 'ALL') ?? 'ALL'),
          },
        }}
        onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
        request={pagedRequest<AdminAfterSaleDetail>('/admin/after-sales', ({ range, ...rest }) => ({
          ...rest,
          orderNo: typeof rest.orderNo === 'string' ? rest.orderNo.trim() : undefined,
          ...dayRangeQuery(range, timeZone),
        }))}
        onRequestError={(error) => {
          void message.error(error instanceof ApiError ? error.message : '售后单加载失败');
        }}
      />
      <AfterSaleDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => void action.current?.reload()} />
    </PageContainer>
  );
}

function AfterSaleDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: number | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { timeZone } = useSession();
  const { message } = App.useApp();
  const [row, setRow] = useState<AdminAfterSaleDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    setRow(null);
    setError(null);
    api<AdminAfterSaleDetail>('GET', `/admin/after-sales/${id}`)
      .then((next) => live && setRow(next))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : '售后单加载失败'));
    return () => {
      live = false;
    };
  }, [id]);

  const applied = (next: AdminAfterSaleDetail, text: string) => {
    setRow(next);
    setVersion((v) => v + 1);
    message.success(text);
    onChanged();
  };
  const act = async (path: 'approve' | 'confirm-return', text: string) => {
    if (!row) return;
    try {
      applied(await api<AdminAfterSaleDetail>('POST', `/admin/after-sales/${row.id}/${path}`), text);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  };

  return (
    <Drawer
      open={id !== null}
      width={720}
      title={row ? `售后单 ${row.afterSaleNo}` : '售后单'}
      onClose={onClose}
      extra={
        row && (
          <Space>
            {row.actions.includes('APPROVE') && (
              <Popconfirm
                title={row.type === 'REFUND_ONLY' ? '同意退款？' : '同意退货？'}
                description={
                  row.type === 'REFUND_ONLY'
                    ? `将通过微信支付原路退回 ${yuan(fen(row.amountFen))}，无法撤回。`
                    : '顾客将寄回商品，收到后再退款。'
                }
                okText="同意"
                cancelText="再想想"
                onConfirm={() => void act('approve', '已同意')}
              >
                <Button type="primary">同意</Button>
              </Popconfirm>
            )}
            {row.actions.includes('CONFIRM_RETURN') && (
              <Popconfirm
                title="确认已收到退货？"
                description={`将通过微信支付原路退回 ${yuan(fen(row.amountFen))}，无法撤回。`}
                okText="确认收货并退款"
                cancelText="再想想"
                onConfirm={() => void act('confirm-return', '已确认收货，退款处理中')}
              >
                <Button type="primary">确认收到退货</Button>
              </Popconfirm>
            )}
            {row.actions.includes('REJECT') && <RejectButton row={row} onRejected={(r) => applied(r, '已拒绝')} />}
          </Space>
        )
      }
    >
      {error ? (
        <Alert type="error" showIcon message={error} />
      ) : !row ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <ProDescriptions column={2} size="small">
            <ProDescriptions.Item label="状态">
              <Tag color={STATE_COLORS[row.state]}>{AFTER_SALE_STATE_LABELS[row.state]}</Tag>
            </ProDescriptions.Item>
            <ProDescriptions.Item label="类型">{AFTER_SALE_TYPE_LABELS[row.type]}</ProDescriptions.Item>
            <ProDescriptions.Item label="订单号">
              <Link to={`/orders/${row.orderId}`}>{row.orderNo}</Link>
            </ProDescriptions.Item>
            <ProDescriptions.Item label="退款金额">{yuan(fen(row.amountFen))}</ProDescriptions.Item>
            <ProDescriptions.Item label="商品" span={2}>
              {row.productName} {row.specText} × {row.quantity}
            </ProDescriptions.Item>
            <ProDescriptions.Item label="原因" span={2}>
              {row.reasonLabel}
              {row.reasonText ? `：${row.reasonText}` : ''}
            </ProDescriptions.Item>
            {row.returnTrackingNo && (
              <ProDescriptions.Item label="退货快递" span={2}>
                {row.returnCarrier} {row.returnTrackingNo}
              </ProDescriptions.Item>
            )}
            {row.rejectReason && (
              <ProDescriptions.Item label="拒绝原因" span={2}>
                {row.rejectReason}
              </ProDescriptions.Item>
            )}
            <ProDescriptions.Item label="微信退款" span={2}>
              {row.refund ? (
                <span data-testid="refund-status">
                  {PAYMENT_REFUND_STATUS_LABELS[row.refund.status]} · 退款单号 {row.refund.outRefundNo}
                  {row.refund.wechatRefundId ? ` · 微信退款单号 ${row.refund.wechatRefundId}` : ''}
                </span>
              ) : (
                '尚未发起'
              )}
            </ProDescriptions.Item>
          </ProDescriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            凭证照片
          </Typography.Title>
          {row.photos.length === 0 ? (
            <Typography.Text type="secondary">顾客未上传照片</Typography.Text>
          ) : (
            <Image.PreviewGroup>
              <Space wrap>
                {row.photos.map((p) => (
                  <Image key={p.id} src={p.url} width={96} height={96} style={{ objectFit: 'cover' }} />
                ))}
              </Space>
            </Image.PreviewGroup>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            进度
          </Typography.Title>
          <Timeline
            items={row.timeline.map((e, i) => ({
              key: i,
              children: (
                <div>
                  <Typography.Text strong>{e.title}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{dateTime(e.at, timeZone)}</Typography.Text>
                  {e.note && <div style={{ fontSize: 12, color: '#666' }}>{e.note}</div>}
                </div>
              ),
            }))}
          />
          <AuditTrail objectType="after_sale" objectId={row.id} version={version} />
        </>
      )}
    </Drawer>
  );
}

function RejectButton({
  row,
  onRejected,
}: {
  row: AdminAfterSaleDetail;
  onRejected: (r: AdminAfterSaleDetail) => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <ModalForm<{ reason: string }>
      title="拒绝售后"
      form={form}
      width={440}
      trigger={<Button danger>拒绝</Button>}
      modalProps={{ destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: '确认拒绝', resetText: '取消' }, submitButtonProps: { danger: true } }}
      onFinish={async (values) => {
        try {
          onRejected(
            await api<AdminAfterSaleDetail>('POST', `/admin/after-sales/${row.id}/reject`, {
              body: { reason: values.reason.trim() },
            }),
          );
          return true;
        } catch (e) {
          form.setFields([{ name: 'reason', errors: [e instanceof ApiError ? e.message : '操作失败'] }]);
          return false;
        }
      }}
    >
      <ProFormTextArea
        name="reason"
        label="拒绝原因（顾客可见）"
        rules={[{ required: true, whitespace: true, message: '请填写拒绝原因' }]}
        fieldProps={{ maxLength: 100, showCount: true }}
      />
    </ModalForm>
  );
}
