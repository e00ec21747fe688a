import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import type { AdminCampaignView } from '@tidepool/shared';
import { Button, Space } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { pagedRequest } from '../../api/pro-table';
import { useSession } from '../../auth/SessionContext';
import { dateTime, yuan } from '../../format';
import { actionText, triggerText } from './campaign-form';
import { CAMPAIGN_STATUS_BADGES } from './labels';

/** 营销活动 list: filter by status and name; paged on the server. */
export function CampaignList() {
  const { timeZone } = useSession();
  const navigate = useNavigate();
  const columns: ProColumns<AdminCampaignView>[] = [
    {
      title: '名称',
      dataIndex: 'name',
      width: 180,
      ellipsis: true,
      render: (_, row) => <Link to={`/campaigns/${row.id}`}>{row.name}</Link>,
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      valueType: 'select',
      valueEnum: CAMPAIGN_STATUS_BADGES,
    },
    { title: '触发', dataIndex: 'trigger', width: 240, search: false, render: (_, row) => triggerText(row.definition) },
    { title: '奖励', dataIndex: 'action', width: 200, search: false, render: (_, row) => actionText(row.definition) },
    { title: '版本', dataIndex: 'version', width: 70, search: false, render: (_, row) => `v${row.version}` },
    {
      title: '已发放 / 成本',
      dataIndex: 'grantedCount',
      width: 140,
      search: false,
      render: (_, row) => `${row.grantedCount} / ${yuan(row.spentFen)}`,
    },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      width: 150,
      search: false,
      render: (_, row) => dateTime(row.updatedAt, timeZone),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 120,
      render: (_, row) => (
        <Space>
          <Link to={`/campaigns/${row.id}`}>效果</Link>
          {row.status !== 'ENDED' && <Link to={`/campaigns/${row.id}/edit`}>编辑</Link>}
        </Space>
      ),
    },
  ];
  return (
    <PageContainer title="营销活动">
      <ProTable<AdminCampaignView>
        rowKey="id"
        columns={columns}
        search={{ labelWidth: 'auto' }}
        locale={{ emptyText: '还没有营销活动' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50] }}
        request={pagedRequest<AdminCampaignView>('/admin/campaigns')}
        toolBarRender={() => [
          <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/campaigns/new')}>
            新建活动
          </Button>,
        ]}
      />
    </PageContainer>
  );
}
