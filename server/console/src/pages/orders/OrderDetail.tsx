import {
  ModalForm,
  PageContainer,
  ProCard,
  ProDescriptions,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import {
  type AdminOrderDetail,
  type AdminOrderLineView,
  type AdminOrderRefundView,
  FULFILMENT_LABELS,
  ORDER_CHANNEL_LABELS,
  PAYMENT_REFUND_STATUS_LABELS,
} from '@tidepool/shared';
import {
  Alert,
  App,
  Button,
  Col,
  Empty,
  Form,
  Popconfirm,
  Result,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../auth/SessionContext';
import { AuditTrail } from '../../components/AuditTrail';
import { dateTime } from '../../format';
import { money, OrderStateTag } from './order-labels';

const LINE_REFUND_LABELS = { NONE: '', REFUNDING: '退款中', REFUNDED: '已退款' } as const;

/** One order: header, lines with the price breakdown, payment and refunds, shipment or pickup, timeline, audit. */
export function OrderDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { timeZone } = useSession();
  const { message } = App.useApp();
  const [order, setOrder] = useState<AdminOrderDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);

  const load = useCallback(() => {
    setError(null);
    api<AdminOrderDetail>('GET', `/admin/orders/${id}`)
      .then(setOrder)
      .catch((e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', '订单加载失败')));
  }, [id]);
  useEffect(load, [load]);

  /** After a write: show the answer, refresh the audit trail. */
  const applied = (next: AdminOrderDetail, text: string) => {
    setOrder(next);
    setVersion((v) => v + 1);
    message.success(text);
  };

  if (error) {
    return (
      <PageContainer title="订单详情" onBack={() => void navigate('/orders')}>
        <Result
          status={error.status === 404 ? '404' : 'error'}
          title={error.status === 404 ? '订单不存在' : '订单加载失败'}
          subTitle={error.message}
          extra={<Button onClick={load}>重试</Button>}
        />
      </PageContainer>
    );
  }
  if (!order) {
    return (
      <PageContainer title="订单详情" onBack={() => void navigate('/orders')}>
        <Skeleton active paragraph={{ rows: 10 }} />
      </PageContainer>
    );
  }

  const handOver = async () => {
    try {
      applied(await api<AdminOrderDetail>('POST', `/admin/orders/${order.id}/pickup-handover`), '已交付给顾客');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  };

  return (
    <PageContainer
      title={`订单 ${order.orderNo}`}
      onBack={() => void navigate('/orders')}
      tags={<OrderStateTag state={order.state} fulfilment={order.fulfilment} />}
      extra={
        <Space>
          {order.actions.includes('SHIP') && <ShipButton order={order} onShipped={(o) => applied(o, '已发货')} />}
          {order.actions.includes('HAND_OVER') && (
            <Popconfirm
              title="确认顾客已到店提货？"
              description="交付后订单即完成，无法撤回。"
              okText="确认交付"
              cancelText="再想想"
              onConfirm={() => void handOver()}
            >
              <Button type="primary">核销自提</Button>
            </Popconfirm>
          )}
          {order.actions.includes('CANCEL') && (
            <CancelButton order={order} onCancelled={(o) => applied(o, '订单已取消')} />
          )}
        </Space>
      }
    >
      <ProCard bordered>
        <ProDescriptions<AdminOrderDetail> column={3} dataSource={order}>
          <ProDescriptions.Item label="订单号" copyable dataIndex="orderNo" />
          <ProDescriptions.Item label="会员">
            {order.memberPhoneMasked ?? '—'}（ID {order.memberId}）
          </ProDescriptions.Item>
          <ProDescriptions.Item label="门店">{order.storeName ?? '品牌发货'}</ProDescriptions.Item>
          <ProDescriptions.Item label="渠道">{ORDER_CHANNEL_LABELS[order.channel]}</ProDescriptions.Item>
          <ProDescriptions.Item label="配送方式">{FULFILMENT_LABELS[order.fulfilment]}</ProDescriptions.Item>
          <ProDescriptions.Item label="实付金额">
            <Typography.Text strong>{money(order.payableFen)}</Typography.Text>
          </ProDescriptions.Item>
          <ProDescriptions.Item label="下单时间">{dateTime(order.createdAt, timeZone)}</ProDescriptions.Item>
          <ProDescriptions.Item label="支付时间">{dateTime(order.paidAt, timeZone)}</ProDescriptions.Item>
          {order.payBefore && (
            <ProDescriptions.Item label="支付截止">{dateTime(order.payBefore, timeZone)}</ProDescriptions.Item>
          )}
          {order.address && (
            <ProDescriptions.Item label="收货地址" span={2}>
              {order.address.recipientName} {order.address.phone} {order.address.region} {order.address.detail}
            </ProDescriptions.Item>
          )}
          {order.cancelReason && <ProDescriptions.Item label="取消原因">{order.cancelReason}</ProDescriptions.Item>}
          {order.remark && <ProDescriptions.Item label="买家备注">{order.remark}</ProDescriptions.Item>}
        </ProDescriptions>
      </ProCard>

      <ProCard title="商品明细" bordered headerBordered style={{ marginTop: 16 }}>
        <LinesTable order={order} />
      </ProCard>

      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={14}>
          <ProCard title="支付与退款" bordered headerBordered style={{ height: '100%' }}>
            <PaymentsAndRefunds order={order} />
          </ProCard>
        </Col>
        <Col span={10}>
          <ProCard
            title={order.fulfilment === 'SHIP' ? '物流' : '自提'}
            bordered
            headerBordered
            style={{ height: '100%' }}
          >
            <Delivery order={order} />
          </ProCard>
        </Col>
      </Row>

      <ProCard title="订单动态" bordered headerBordered style={{ marginTop: 16 }}>
        <Timeline
          data-testid="order-timeline"
          items={order.timeline.map((entry, i) => ({
            key: i,
            children: (
              <div>
                <Typography.Text strong>{entry.title}</Typography.Text>{' '}
                <Typography.Text type="secondary">{dateTime(entry.at, timeZone)}</Typography.Text>
                {entry.note && <div style={{ fontSize: 12, color: '#666' }}>{entry.note}</div>}
              </div>
            ),
          }))}
        />
      </ProCard>

      <AuditTrail objectType="order" objectId={order.id} version={version} />
    </PageContainer>
  );
}

function LinesTable({ order }: { order: AdminOrderDetail }) {
  return (
    <>
      <Table<AdminOrderLineView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={order.lines}
        columns={[
          {
            title: '商品',
            dataIndex: 'productName',
            render: (_, l) => (
              <Space>
                {l.imageUrl && <img src={l.imageUrl} alt="" width={40} height={40} style={{ objectFit: 'cover' }} />}
                <div>
                  <div>{l.productName}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {l.specText}
                  </Typography.Text>
                </div>
              </Space>
            ),
          },
          { title: '单价', dataIndex: 'unitPriceFen', align: 'right', render: (v: number) => money(v) },
          { title: '数量', dataIndex: 'quantity', align: 'right' },
          { title: '原价小计', dataIndex: 'originalFen', align: 'right', render: (v: number) => money(v) },
          {
            title: '商品优惠',
            dataIndex: 'itemDiscountFen',
            align: 'right',
            render: (v: number) => (v > 0 ? `-${money(v)}` : '—'),
          },
          {
            title: '订单优惠分摊',
            dataIndex: 'orderDiscountFen',
            align: 'right',
            render: (v: number) => (v > 0 ? `-${money(v)}` : '—'),
          },
          { title: '实付', dataIndex: 'paidFen', align: 'right', render: (v: number) => money(v) },
          {
            title: '退款',
            dataIndex: 'refundState',
            render: (_, l) =>
              l.refundedQuantity > 0 || l.refundState !== 'NONE' ? (
                <span>
                  {LINE_REFUND_LABELS[l.refundState] || '部分退款'} {l.refundedQuantity} 件 / {money(l.refundedFen)}
                </span>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 12, gap: 24 }}>
        <div>
          <Typography.Text type="secondary">计价规则版本：</Typography.Text>
          {Object.entries(order.ruleVersions).map(([key, value]) => (
            <Tag key={key}>
              {key} {typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value)}
            </Tag>
          ))}
        </div>
        <div style={{ textAlign: 'right', minWidth: 260 }}>
          <div>商品总额 {money(order.subtotalFen)}</div>
          {order.discounts.map((d) => (
            <div key={d.key}>
              {d.label} -{money(d.amountFen)}
            </div>
          ))}
          <Typography.Text strong>实付 {money(order.payableFen)}</Typography.Text>
        </div>
      </div>
    </>
  );
}

function PaymentsAndRefunds({ order }: { order: AdminOrderDetail }) {
  const { timeZone } = useSession();
  return (
    <>
      {order.payment ? (
        <ProDescriptions column={1} size="small">
          <ProDescriptions.Item label="微信支付单号" copyable>
            {order.payment.transactionId}
          </ProDescriptions.Item>
          <ProDescriptions.Item label="支付金额">{money(order.payment.amountFen)}</ProDescriptions.Item>
          <ProDescriptions.Item label="支付时间">{dateTime(order.payment.paidAt, timeZone)}</ProDescriptions.Item>
        </ProDescriptions>
      ) : (
        <Typography.Text type="secondary">尚未支付</Typography.Text>
      )}
      {order.refunds.length > 0 && (
        <Table<AdminOrderRefundView>
          style={{ marginTop: 12 }}
          rowKey="id"
          size="small"
          // The card is half the page wide at 1440: the long WeChat ids scroll rather than squeeze the times.
          scroll={{ x: 'max-content' }}
          pagination={false}
          dataSource={order.refunds}
          columns={[
            { title: '退款单号', dataIndex: 'outRefundNo' },
            { title: '微信退款单号', dataIndex: 'wechatRefundId', render: (v: string | null) => v ?? '—' },
            { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => money(v) },
            {
              title: '微信状态',
              dataIndex: 'status',
              render: (_, r) => (
                <Tag color={r.status === 'SUCCESS' ? 'green' : r.status === 'PROCESSING' ? 'blue' : 'red'}>
                  {PAYMENT_REFUND_STATUS_LABELS[r.status]}
                </Tag>
              ),
            },
            { title: '发起时间', dataIndex: 'createdAt', render: (v: string) => dateTime(v, timeZone) },
          ]}
        />
      )}
    </>
  );
}

function Delivery({ order }: { order: AdminOrderDetail }) {
  const { timeZone } = useSession();
  if (order.shipment) {
    return (
      <ProDescriptions column={1} size="small">
        <ProDescriptions.Item label="快递公司">{order.shipment.carrier}</ProDescriptions.Item>
        <ProDescriptions.Item label="运单号" copyable>
          {order.shipment.trackingNo}
        </ProDescriptions.Item>
        <ProDescriptions.Item label="发货时间">{dateTime(order.shipment.shippedAt, timeZone)}</ProDescriptions.Item>
      </ProDescriptions>
    );
  }
  if (order.pickup) {
    return (
      <ProDescriptions column={1} size="small">
        <ProDescriptions.Item label="自提门店">{order.pickup.storeName ?? '—'}</ProDescriptions.Item>
        <ProDescriptions.Item label="提货时间">{dateTime(order.pickup.handedOverAt, timeZone)}</ProDescriptions.Item>
      </ProDescriptions>
    );
  }
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未发货" />;
}

function ShipButton({ order, onShipped }: { order: AdminOrderDetail; onShipped: (o: AdminOrderDetail) => void }) {
  const [form] = Form.useForm<{ carrier: string; trackingNo: string }>();
  return (
    <ModalForm<{ carrier: string; trackingNo: string }>
      title="发货"
      form={form}
      width={440}
      trigger={<Button type="primary">发货</Button>}
      modalProps={{ destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: '确认发货', resetText: '取消' } }}
      onFinish={async (values) => {
        try {
          onShipped(
            await api<AdminOrderDetail>('POST', `/admin/orders/${order.id}/ship`, {
              body: { carrier: values.carrier.trim(), trackingNo: values.trackingNo.trim() },
            }),
          );
          return true;
        } catch (e) {
          if (e instanceof ApiError) {
            const fields = e.fieldErrors();
            const named = Object.keys(fields).filter((f) => f === 'carrier' || f === 'trackingNo');
            if (named.length > 0) {
              form.setFields(
                named.map((name) => ({
                  name,
                  errors: [name === 'trackingNo' ? '运单号为 6–40 位字母、数字或短横线' : '请填写快递公司'],
                })),
              );
            } else {
              form.setFields([{ name: 'trackingNo', errors: [e.message] }]);
            }
          }
          return false;
        }
      }}
    >
      <ProFormText
        name="carrier"
        label="快递公司"
        placeholder="如 顺丰速运"
        rules={[{ required: true, whitespace: true, message: '请填写快递公司' }]}
        fieldProps={{ maxLength: 20 }}
      />
      <ProFormText
        name="trackingNo"
        label="运单号"
        placeholder="如 SF1234567890"
        rules={[{ required: true, whitespace: true, message: '请填写运单号' }]}
        fieldProps={{ maxLength: 40 }}
      />
    </ModalForm>
  );
}

function CancelButton({ order, onCancelled }: { order: AdminOrderDetail; onCancelled: (o: AdminOrderDetail) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <ModalForm<{ reason: string }>
      title="取消订单"
      form={form}
      width={440}
      trigger={<Button danger>取消订单</Button>}
      modalProps={{ destroyOnHidden: true }}
      submitter={{
        searchConfig: { submitText: '确认取消订单', resetText: '再想想' },
        submitButtonProps: { danger: true },
      }}
      onFinish={async (values) => {
        try {
          onCancelled(
            await api<AdminOrderDetail>('POST', `/admin/orders/${order.id}/cancel`, {
              body: { reason: values.reason.trim() },
            }),
          );
          return true;
        } catch (e) {
          form.setFields([{ name: 'reason', errors: [e instanceof ApiError ? e.message : '取消失败'] }]);
          return false;
        }
      }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="取消后无法恢复"
        description="订单占用的库存和优惠券会退回，顾客将无法再支付此订单。"
      />
      <ProFormTextArea
        name="reason"
        label="取消原因"
        placeholder="如 顾客来电要求取消"
        rules={[{ required: true, whitespace: true, message: '请填写取消原因' }]}
        fieldProps={{ maxLength: 60, showCount: true }}
      />
    </ModalForm>
  );
}
