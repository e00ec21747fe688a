import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import type { AdminStoreView } from '@tidepool/shared';
import { Badge, Button } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { pagedRequest } from '../../api/pro-table';
import { useIsBrandOperator } from '../../auth/SessionContext';
import { businessHoursLabel } from './store-rules';

export function StoreList() {
  const navigate = useNavigate();
  const isOperator = useIsBrandOperator();
  const columns: ProColumns<AdminStoreView>[] = [
    { title: '搜索', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '门店名称或编码' } },
    { title: '编码', dataIndex: 'code', width: 120, search: false },
    {
      title: '门店',
      dataIndex: 'name',
      search: false,
      render: (_, row) => <Link to={String(row.id)}>{row.name}</Link>,
    },
    { title: '地址', dataIndex: 'address', search: false, ellipsis: true },
    {
      title: '营业时间',
      dataIndex: 'hours',
      width: 160,
      search: false,
      render: (_, row) => businessHoursLabel(row.opensAt, row.closesAt),
    },
    {
      title: '到店自提',
      dataIndex: 'pickupEnabled',
      width: 100,
      search: false,
      render: (_, row) => (
        <Badge status={row.pickupEnabled ? 'success' : 'default'} text={row.pickupEnabled ? '开启' : '关闭'} />
      ),
    },
    { title: '时区', dataIndex: 'timeZone', width: 140, search: false },
    { title: '员工数', dataIndex: 'staffCount', width: 80, search: false },
    {
      title: '操作',
      valueType: 'option',
      width: 160,
      render: (_, row) => [
        <Link key="open" to={String(row.id)}>
          详情
        </Link>,
        <Link key="print" to={`${row.id}/print`}>
          门店码
        </Link>,
      ],
    },
  ];
  return (
    <PageContainer title="门店与员工">
      <ProTable<AdminStoreView>
        rowKey="id"
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50] }}
        request={pagedRequest<AdminStoreView>('/admin/stores')}
        toolBarRender={() =>
          isOperator
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => void navigate('new')}>
                  新建门店
                </Button>,
              ]
            : []
        }
      />
    </PageContainer>
  );
}
