import {
  ModalForm,
  ProFormSelect,
  ProFormText,
  ProTable,
  type ProColumns,
  type ActionType,
} from '@ant-design/pro-components';
import {
  type AdminGiftView,
  type AdminRedemptionView,
  COMMON_CARRIERS,
  GIFT_FULFILMENT_LABELS,
  GIFT_FULFILMENTS,
  type Page,
  REDEMPTION_STATUSES,
  type RedemptionStatus,
  TRACKING_NO_PATTERN,
} from '@tidepool/shared';
import { App, Button, Form, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { api, ApiError } from '../../api/client';
import { pagedRequest } from '../../api/pro-table';
import { useSession } from '../../auth/SessionContext';
import { dateTime, dayRangeQuery } from '../../format';

const STATUS_LABELS: Record<RedemptionStatus, { text: string; color: string }> = {
  PROCESSING: { text: '处理中', color: 'blue' },
  COMPLETED: { text: '已兑换', color: 'green' },
  FAILED: { text: '失败', color: 'red' },
};

/** 兑换记录: who redeemed what, and where its pickup or shipment stands. */
export function RedemptionList() {
  const { timeZone } = useSession();
  const action = useRef<ActionType>(undefined);
  const columns: ProColumns<AdminRedemptionView>[] = [
    { title: 'ID', dataIndex: 'id', width: 70, search: false },
    {
      title: '兑换时间',
      dataIndex: 'createdAt',
      width: 160,
      search: false,
      render: (_, row) => dateTime(row.createdAt, timeZone),
    },
    { title: '兑换日期', dataIndex: 'range', valueType: 'dateRange', hideInTable: true },
    {
      title: '会员手机号',
      dataIndex: 'phone',
      width: 130,
      fieldProps: { placeholder: '完整 11 位手机号' },
      formItemProps: { rules: [{ pattern: /^1\d{10}$/, message: '请输入 11 位手机号' }] },
      render: (_, row) => row.memberPhoneMasked ?? `会员 #${row.memberId}`,
    },
    {
      title: '礼品',
      dataIndex: 'giftId',
      valueType: 'select',
      fieldProps: { showSearch: true },
      request: async () =>
        (await api<Page<AdminGiftView>>('GET', '/admin/points-mall/gifts', { query: { pageSize: 50 } })).items.map(
          (g) => ({ label: g.name, value: g.id }),
        ),
      render: (_, row) => row.gift.name,
    },
    { title: '积分', dataIndex: 'pointsPrice', width: 80, search: false },
    {
      title: '方式',
      dataIndex: 'fulfilment',
      width: 100,
      valueType: 'select',
      valueEnum: Object.fromEntries(GIFT_FULFILMENTS.map((f) => [f, { text: GIFT_FULFILMENT_LABELS[f] }])),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      valueType: 'select',
      valueEnum: Object.fromEntries(REDEMPTION_STATUSES.map((s) => [s, { text: STATUS_LABELS[s].text }])),
      render: (_, row) => <Tag color={STATUS_LABELS[row.status].color}>{STATUS_LABELS[row.status].text}</Tag>,
    },
    {
      title: '领取 / 发货',
      dataIndex: 'handover',
      search: false,
      render: (_, row) => handover(row, timeZone),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 90,
      render: (_, row) =>
        row.shipment?.status === 'PENDING'
          ? [<ShipButton key="ship" row={row} onShipped={() => void action.current?.reload()} />]
          : [],
    },
  ];
  return (
    <ProTable<AdminRedemptionView>
      rowKey="id"
      actionRef={action}
      columns={columns}
      search={{ labelWidth: 'auto' }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50] }}
      request={pagedRequest<AdminRedemptionView>('/admin/points-mall/redemptions', ({ range, ...rest }) => ({
        ...rest,
        ...dayRangeQuery(range, timeZone),
      }))}
    />
  );
}

function handover(row: AdminRedemptionView, timeZone: string) {
  if (row.voucher) {
    return row.voucher.status === 'PICKED_UP' ? (
      <span>
        已提货 · {row.voucher.pickedUpStoreName ?? ''} {dateTime(row.voucher.pickedUpAt, timeZone)}
      </span>
    ) : (
      <Typography.Text type="secondary">待到店提货</Typography.Text>
    );
  }
  if (row.shipment) {
    return row.shipment.status === 'SHIPPED' ? (
      <span>
        已发货 · {row.shipment.carrier} {row.shipment.trackingNo}
      </span>
    ) : (
      <span>
        待发货 · {row.shipment.recipientName} {row.shipment.phoneMasked} {row.shipment.region}
      </span>
    );
  }
  return '—';
}

function ShipButton({ row, onShipped }: { row: AdminRedemptionView; onShipped: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ carrier: string; trackingNo: string }>();
  return (
    <ModalForm<{ carrier: string; trackingNo: string }>
      title={`发货：${row.gift.name}`}
      form={form}
      width={440}
      trigger={
        <Button size="small" type="link">
          发货
        </Button>
      }
      modalProps={{ destroyOnClose: true }}
      onFinish={async (values) => {
        try {
          await api('POST', `/admin/points-mall/redemptions/${row.id}/ship`, { body: values });
          message.success('已发货');
          onShipped();
          return true;
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          const fields = Object.keys(e.fieldErrors());
          if (fields.length) form.setFields(fields.map((name) => ({ name: name as 'carrier', errors: [e.message] })));
          else message.error(e.message);
          return false;
        }
      }}
    >
      <ProFormSelect
        name="carrier"
        label="快递公司"
        fieldProps={{ showSearch: true }}
        options={COMMON_CARRIERS.map((c) => ({ label: c, value: c }))}
        rules={[{ required: true, message: '请选择快递公司' }]}
      />
      <ProFormText
        name="trackingNo"
        label="运单号"
        rules={[
          { required: true, message: '请填写运单号' },
          { pattern: TRACKING_NO_PATTERN, message: '运单号为 6–40 位字母、数字或短横线' },
        ]}
      />
    </ModalForm>
  );
}
