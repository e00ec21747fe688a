import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import type { AdminCouponTemplateView } from '@tidepool/shared';
import { Button, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { pagedRequest } from '../../api/pro-table';
import { useSession } from '../../auth/SessionContext';
import { dateTime } from '../../format';
import { scopeText, validityText } from './coupon-form';
import { KIND_LABELS, STATUS_BADGES } from './labels';

/** 优惠券模板 list: search by name, type and status; paged on the server. */
export function CouponList() {
  const { timeZone } = useSession();
  const navigate = useNavigate();
  const columns: ProColumns<AdminCouponTemplateView>[] = [
    {
      title: '名称',
      dataIndex: 'name',
      width: 240,
      ellipsis: true,
      render: (_, row) => <Link to={`/coupons/${row.id}`}>{row.name}</Link>,
    },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 100,
      valueType: 'select',
      valueEnum: { AMOUNT_OFF: { text: KIND_LABELS.AMOUNT_OFF }, PERCENT: { text: KIND_LABELS.PERCENT } },
    },
    {
      title: '优惠',
      dataIndex: 'label',
      width: 150,
      search: false,
      render: (_, row) => <Typography.Text strong>{row.label}</Typography.Text>,
    },
    { title: '适用范围', dataIndex: 'scope', width: 130, search: false, render: (_, row) => scopeText(row) },
    {
      title: '有效期',
      dataIndex: 'validity',
      width: 220,
      search: false,
      render: (_, row) => validityText(row, timeZone),
    },
    {
      title: '已发出 / 库存',
      dataIndex: 'claimedCount',
      width: 120,
      search: false,
      render: (_, row) => `${row.claimedCount} / ${row.claimTotal ?? '不限'}`,
    },
    {
      title: '领券中心',
      dataIndex: 'claimable',
      width: 90,
      search: false,
      render: (_, row) => (row.claimable ? '展示' : '—'),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      valueType: 'select',
      valueEnum: STATUS_BADGES,
    },
    {
      title: '创建时间',
      dataIndex: 'createdAt',
      width: 150,
      search: false,
      render: (_, row) => dateTime(row.createdAt, timeZone),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 120,
      render: (_, row) => (
        <Space>
          <Link to={`/coupons/${row.id}`}>详情</Link>
          <Link to={`/coupons/${row.id}/edit`}>编辑</Link>
        </Space>
      ),
    },
  ];
  return (
    <PageContainer title="优惠券">
      <ProTable<AdminCouponTemplateView>
        rowKey="id"
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50] }}
        request={pagedRequest<AdminCouponTemplateView>('/admin/coupon-templates')}
        toolBarRender={() => [
          <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/coupons/new')}>
            新建优惠券
          </Button>,
        ]}
      />
    </PageContainer>
  );
}
