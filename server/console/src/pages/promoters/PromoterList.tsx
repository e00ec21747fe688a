import { SearchOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { fen, PROMOTER_STATUS_LABELS, type AdminPromoterView, type PromoterStatus } from '@tidepool/shared';
import { Badge, Button, InputNumber, Popover, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { pagedRequest } from '../../api/pro-table';
import { useSession } from '../../auth/SessionContext';
import { dateTime, yuan as formatYuan } from '../../format';
import { BindingHistoryDrawer } from './BindingHistoryDrawer';
import { availableAndDebt, STATUS_BADGES } from './promoter-rules';
import { usePromoterActions } from './usePromoterActions';

const yuan = (amount: number) => formatYuan(fen(amount));
const LISTED: PromoterStatus[] = ['PENDING', 'APPROVED', 'REJECTED', 'DISABLED'];

export function PromoterList() {
  const { timeZone } = useSession();
  const table = useRef<ActionType>(null);
  const { buttons, dialog } = usePromoterActions(() => void table.current?.reload());
  const [memberId, setMemberId] = useState<number | null>(null);
  const [lookup, setLookup] = useState<number | null>(null);

  const columns: ProColumns<AdminPromoterView>[] = [
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      valueType: 'select',
      valueEnum: Object.fromEntries(LISTED.map((s) => [s, { text: PROMOTER_STATUS_LABELS[s] }])),
      render: (_, row) => <Badge status={STATUS_BADGES[row.status]} text={PROMOTER_STATUS_LABELS[row.status]} />,
    },
    { title: '搜索', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '昵称、姓名或推手 ID' } },
    {
      title: '推手',
      dataIndex: 'displayName',
      width: 200,
      search: false,
      render: (_, row) => (
        <div>
          <Link to={String(row.id)}>{row.displayName}</Link>{' '}
          <Typography.Text type="secondary">#{row.id}</Typography.Text>
          <div style={{ fontSize: 12, color: '#8c8c8c' }}>
            {[row.realName, row.phoneMasked, row.source === 'STAFF' ? '员工推手' : null].filter(Boolean).join(' · ')}
          </div>
        </div>
      ),
    },
    { title: '客户', dataIndex: 'customerCount', width: 70, search: false, align: 'right' },
    { title: '订单', dataIndex: 'orderCount', width: 70, search: false, align: 'right' },
    {
      title: '成交金额',
      dataIndex: 'paidFen',
      width: 110,
      search: false,
      align: 'right',
      render: (_, r) => yuan(r.paidFen),
    },
    {
      title: '待结算',
      dataIndex: 'pendingFen',
      width: 100,
      search: false,
      align: 'right',
      render: (_, r) => yuan(r.pendingFen),
    },
    {
      title: '可提现',
      dataIndex: 'availableFen',
      width: 100,
      search: false,
      align: 'right',
      render: (_, r) => yuan(availableAndDebt(r.availableFen).availableFen),
    },
    {
      title: '提现中',
      dataIndex: 'withdrawingFen',
      width: 100,
      search: false,
      align: 'right',
      render: (_, r) => yuan(r.withdrawingFen),
    },
    {
      title: '已提现',
      dataIndex: 'withdrawnFen',
      width: 100,
      search: false,
      align: 'right',
      render: (_, r) => yuan(r.withdrawnFen),
    },
    {
      title: '欠款',
      dataIndex: 'debtFen',
      width: 90,
      search: false,
      align: 'right',
      render: (_, r) => (r.debtFen > 0 ? <Typography.Text type="danger">{yuan(r.debtFen)}</Typography.Text> : '—'),
    },
    {
      title: '申请时间',
      dataIndex: 'appliedAt',
      width: 150,
      search: false,
      render: (_, r) => dateTime(r.appliedAt, timeZone),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 120,
      render: (_, row) => [
        ...buttons(row),
        <Link key="open" to={String(row.id)}>
          详情
        </Link>,
      ],
    },
  ];

  return (
    <PageContainer
      title="推手"
      content="推手申请审核、业绩与佣金，以及客户绑定记录。佣金按状态分列：待结算 → 可提现 → 提现中 → 已提现。"
    >
      <ProTable<AdminPromoterView>
        actionRef={table}
        rowKey="id"
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50] }}
        request={pagedRequest<AdminPromoterView>('/admin/distribution/promoters')}
        toolBarRender={() => [
          <Popover
            key="lookup"
            trigger="click"
            title="按会员 ID 查询客户绑定记录"
            content={
              <Space.Compact>
                <InputNumber
                  min={1}
                  precision={0}
                  placeholder="会员 ID"
                  value={lookup}
                  onChange={(v) => setLookup(v)}
                />
                <Button type="primary" disabled={!lookup} onClick={() => setMemberId(lookup)}>
                  查询
                </Button>
              </Space.Compact>
            }
          >
            <Button icon={<SearchOutlined />}>客户绑定查询</Button>
          </Popover>,
        ]}
      />
      {dialog}
      <BindingHistoryDrawer memberId={memberId} onClose={() => setMemberId(null)} />
    </PageContainer>
  );
}
