import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { type AdminGiftView, GIFT_FULFILMENT_LABELS } from '@tidepool/shared';
import { Button, Image, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { pagedRequest } from '../../api/pro-table';
import { useSession } from '../../auth/SessionContext';
import { dateTime } from '../../format';

export function GiftList() {
  const { timeZone } = useSession();
  const navigate = useNavigate();
  const columns: ProColumns<AdminGiftView>[] = [
    {
      title: '图片',
      dataIndex: 'imageUrl',
      width: 72,
      search: false,
      render: (_, row) => <Image src={row.imageUrl} width={40} height={40} style={{ objectFit: 'cover' }} />,
    },
    {
      title: '礼品名称',
      dataIndex: 'keyword',
      render: (_, row) => <Link to={`/gifts/${row.id}`}>{row.name}</Link>,
    },
    { title: '所需积分', dataIndex: 'pointsPrice', width: 100, search: false },
    { title: '库存', dataIndex: 'stock', width: 80, search: false },
    { title: '已兑换', dataIndex: 'redeemed', width: 80, search: false },
    {
      title: '领取方式',
      dataIndex: 'fulfilments',
      width: 180,
      search: false,
      render: (_, row) => row.fulfilments.map((f) => <Tag key={f}>{GIFT_FULFILMENT_LABELS[f]}</Tag>),
    },
    {
      title: '状态',
      dataIndex: 'active',
      width: 90,
      valueType: 'select',
      valueEnum: { true: { text: '上架中', status: 'Success' }, false: { text: '已下架', status: 'Default' } },
      render: (_, row) => (row.active ? <Tag color="green">上架中</Tag> : <Tag>已下架</Tag>),
    },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      width: 160,
      search: false,
      render: (_, row) => dateTime(row.updatedAt, timeZone),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 80,
      render: (_, row) => [
        <Link key="edit" to={`/gifts/${row.id}`}>
          编辑
        </Link>,
      ],
    },
  ];
  return (
    <ProTable<AdminGiftView>
      rowKey="id"
      columns={columns}
      search={{ labelWidth: 'auto' }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50] }}
      toolBarRender={() => [
        <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/gifts/new')}>
          新建礼品
        </Button>,
      ]}
      request={pagedRequest<AdminGiftView>('/admin/points-mall/gifts')}
    />
  );
}
