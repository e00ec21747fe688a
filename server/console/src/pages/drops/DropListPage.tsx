import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { DROP_STATE_LABELS, DROP_STATES, type DropAdminView } from '@tidepool/shared';
import { Button } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { pagedRequest } from '../../api/pro-table';
import { useSession } from '../../auth/SessionContext';
import { dateTime, dayRangeQuery } from '../../format';
import { DropStateTag, weeklyText } from './labels';

/** 团购列表: by state and opening date, latest opening first. */
export function DropListPage() {
  const { timeZone } = useSession();
  const navigate = useNavigate();
  const columns: ProColumns<DropAdminView>[] = [
    { title: 'ID', dataIndex: 'id', width: 70, search: false },
    {
      title: '活动名称',
      dataIndex: 'keyword',
      render: (_, row) => <Link to={`/drops/${row.id}`}>{row.title}</Link>,
    },
    {
      title: '状态',
      dataIndex: 'state',
      width: 100,
      valueType: 'select',
      valueEnum: Object.fromEntries(DROP_STATES.map((s) => [s, { text: DROP_STATE_LABELS[s] }])),
      render: (_, row) => <DropStateTag state={row.state} />,
    },
    { title: '周期', dataIndex: 'recurrence', width: 190, search: false, render: (_, row) => weeklyText(row) },
    {
      title: '开始时间',
      dataIndex: 'opensAt',
      width: 160,
      search: false,
      render: (_, row) => dateTime(row.opensAt, timeZone),
    },
    {
      title: '结束时间',
      dataIndex: 'closesAt',
      width: 160,
      search: false,
      render: (_, row) => dateTime(row.closesAt, timeZone),
    },
    { title: '开始日期', dataIndex: 'range', valueType: 'dateRange', hideInTable: true },
    {
      title: '已售 / 总量',
      dataIndex: 'items',
      width: 120,
      search: false,
      render: (_, row) => `${row.items.reduce((n, i) => n + i.sold, 0)} / ${row.items.reduce((n, i) => n + i.cap, 0)}`,
    },
    {
      title: '操作',
      valueType: 'option',
      width: 80,
      render: (_, row) => [
        <Link key="view" to={`/drops/${row.id}`}>
          查看
        </Link>,
      ],
    },
  ];
  return (
    <PageContainer title="团购">
      <ProTable<DropAdminView>
        rowKey="id"
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50] }}
        toolBarRender={() => [
          <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/drops/new')}>
            新建团购
          </Button>,
        ]}
        request={pagedRequest<DropAdminView>('/admin/drops', ({ range, ...rest }) => ({
          ...rest,
          ...dayRangeQuery(range, timeZone),
        }))}
      />
    </PageContainer>
  );
}
