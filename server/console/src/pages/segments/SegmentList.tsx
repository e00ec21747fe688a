import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import type { SegmentView } from '@tidepool/shared';
import { App, Button, Popconfirm, Space } from 'antd';
import { useMemo, useRef } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { pagedRequest } from '../../api/pro-table';
import { useIsBrandOperator, useSession } from '../../auth/SessionContext';
import { dateTime } from '../../format';

/** 人群 list: saved segments, newest first; operators create, edit and delete them. */
export function SegmentList() {
  const { timeZone } = useSession();
  const operator = useIsBrandOperator();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const table = useRef<ActionType>(null);
  // One request function for the table's life, so a re-render never hands ProTable a different one.
  const request = useMemo(() => pagedRequest<SegmentView>('/admin/segments'), []);
  const remove = async (row: SegmentView) => {
    try {
      await api('DELETE', `/admin/segments/${row.id}`);
      void message.success('已删除');
      void table.current?.reload();
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : '删除失败');
    }
  };
  const columns: ProColumns<SegmentView>[] = [
    {
      title: '名称',
      dataIndex: 'name',
      width: 220,
      ellipsis: true,
      render: (_, row) => <Link to={`/segments/${row.id}`}>{row.name}</Link>,
    },
    { title: '说明', dataIndex: 'description', search: false, ellipsis: true },
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
      width: 140,
      render: (_, row) => (
        <Space>
          <Link to={`/segments/${row.id}`}>{operator ? '编辑' : '查看'}</Link>
          {operator && (
            <Popconfirm
              title={`删除人群“${row.name}”？`}
              description="删除后不可恢复。"
              onConfirm={() => void remove(row)}
            >
              <a>删除</a>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  return (
    <PageContainer title="人群">
      <ProTable<SegmentView>
        rowKey="id"
        actionRef={table}
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50] }}
        request={request}
        toolBarRender={() =>
          operator
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/segments/new')}>
                  新建人群
                </Button>,
              ]
            : []
        }
      />
    </PageContainer>
  );
}
