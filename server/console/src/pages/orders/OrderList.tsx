import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import {
  ADMIN_ORDER_EXPORT_MAX_ROWS,
  type AdminOrderRow,
  type AdminOrderStoreOption,
  FULFILMENT_LABELS,
  ORDER_CHANNEL_LABELS,
  ORDER_STATE_LABELS,
  ORDER_STATES,
} from '@tidepool/shared';
import { App, Button, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ApiError, download } from '../../api/client';
import { pagedRequest } from '../../api/pro-table';
import { useIsBrandOperator, useSession } from '../../auth/SessionContext';
import { dateTime } from '../../format';
import { money, OrderStateTag } from './order-labels';
import { orderQuery, type OrderFilterValues } from './order-query';

/** 订单列表: filters in SQL, newest first; a row opens the order; 导出 CSV exports what the filters match. */
export function OrderListPage() {
  const { timeZone } = useSession();
  const brandWide = useIsBrandOperator();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [stores, setStores] = useState<AdminOrderStoreOption[]>([]);
  const [exporting, setExporting] = useState(false);
  // The filters the table last searched with: the export sends the same ones.
  const filters = useRef<OrderFilterValues>({});
  const action = useRef<ActionType>(undefined);

  useEffect(() => {
    if (!brandWide) return;
    api<AdminOrderStoreOption[]>('GET', '/admin/orders/stores')
      .then(setStores)
      .catch(() => setStores([]));
  }, [brandWide]);

  const exportCsv = async () => {
    setExporting(true);
    try {
      await download('/admin/orders/export.csv', orderQuery(filters.current, timeZone, brandWide), 'orders.csv');
      message.success('导出已开始下载');
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : '导出失败，请稍后重试');
    } finally {
      setExporting(false);
    }
  };

  const columns: ProColumns<AdminOrderRow>[] = [
    { title: '订单号', dataIndex: 'orderNo', width: 230, copyable: true },
    {
      title: '会员手机号',
      dataIndex: 'phone',
      hideInTable: true,
      fieldProps: { placeholder: '输入完整手机号' },
    },
    {
      title: '会员',
      dataIndex: 'memberPhoneMasked',
      width: 120,
      search: false,
      render: (_, row) => row.memberPhoneMasked ?? `会员 #${row.memberId}`,
    },
    {
      title: '状态',
      dataIndex: 'state',
      width: 90,
      valueType: 'select',
      valueEnum: Object.fromEntries(ORDER_STATES.map((s) => [s, { text: ORDER_STATE_LABELS[s] }])),
      render: (_, row) => <OrderStateTag state={row.state} fulfilment={row.fulfilment} />,
    },
    {
      title: '配送方式',
      dataIndex: 'fulfilment',
      width: 90,
      valueType: 'select',
      valueEnum: { SHIP: { text: FULFILMENT_LABELS.SHIP }, PICKUP: { text: FULFILMENT_LABELS.PICKUP } },
    },
    {
      title: '门店',
      dataIndex: 'storeId',
      width: 130,
      valueType: 'select',
      hideInSearch: !brandWide,
      fieldProps: { options: stores.map((s) => ({ label: s.name, value: s.id })) },
      render: (_, row) => row.storeName ?? '品牌发货',
    },
    {
      title: '渠道',
      dataIndex: 'channel',
      width: 90,
      search: false,
      render: (_, row) => ORDER_CHANNEL_LABELS[row.channel],
    },
    {
      title: '实付金额',
      dataIndex: 'payableFen',
      width: 100,
      search: false,
      align: 'right',
      render: (_, row) => money(row.payableFen),
    },
    { title: '件数', dataIndex: 'itemCount', width: 60, search: false, align: 'right' },
    {
      title: '下单 / 支付时间',
      dataIndex: 'createdAt',
      width: 190,
      search: false,
      render: (_, row) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <div>下单 {dateTime(row.createdAt, timeZone)}</div>
          <div style={{ color: '#888' }}>支付 {dateTime(row.paidAt, timeZone)}</div>
        </div>
      ),
    },
    { title: '下单日期', dataIndex: 'range', valueType: 'dateRange', hideInTable: true },
  ];

  return (
    <PageContainer title="订单">
      <ProTable<AdminOrderRow>
        rowKey="id"
        actionRef={action}
        columns={columns}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50] }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '没有符合条件的订单' }}
        onRow={(row) => ({ onClick: () => void navigate(`/orders/${row.id}`), style: { cursor: 'pointer' } })}
        request={pagedRequest<AdminOrderRow>('/admin/orders', (params) => {
          filters.current = params as OrderFilterValues;
          return orderQuery(filters.current, timeZone, brandWide);
        })}
        onRequestError={(error) => {
          void message.error(error instanceof ApiError ? error.message : '订单加载失败，请稍后重试');
        }}
        toolBarRender={() => [
          <Tooltip key="export" title={`按当前筛选条件导出，最多 ${ADMIN_ORDER_EXPORT_MAX_ROWS.toLocaleString()} 条`}>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()}>
              导出 CSV
            </Button>
          </Tooltip>,
        ]}
      />
    </PageContainer>
  );
}
