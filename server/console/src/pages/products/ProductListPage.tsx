import { PlusOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import type { AdminProductDto, AdminProductSummaryDto, ProductStatus } from '@tidepool/shared';
import { App, Button, Image, Popconfirm, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { pagedRequest } from '../../api/pro-table';
import { useSession } from '../../auth/SessionContext';
import { dateTime, yuan } from '../../format';
import { CategoryDrawer } from './CategoryDrawer';
import { useCategories } from './use-categories';

export const STATUS_LABELS: Record<ProductStatus, { text: string; color: string }> = {
  ON_SALE: { text: '在售', color: 'green' },
  OFF_SALE: { text: '已下架', color: 'default' },
};

/** 商品列表: search by title or SKU code, filter by category and status, publish and unpublish in place. */
export function ProductListPage() {
  const { timeZone } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const table = useRef<ActionType>(null);
  const { categories, reload: reloadCategories } = useCategories();
  const [drawerOpen, setDrawerOpen] = useState(false);

  const setStatus = async (row: AdminProductSummaryDto, status: ProductStatus) => {
    try {
      await api<AdminProductDto>('PATCH', `/admin/catalog/products/${row.id}`, {
        body: { status, version: row.version },
      });
      void message.success(status === 'ON_SALE' ? '已上架' : '已下架');
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : '操作失败，请重试');
    }
    await table.current?.reload();
  };

  const columns: ProColumns<AdminProductSummaryDto>[] = [
    {
      title: '关键词',
      dataIndex: 'keyword',
      hideInTable: true,
      fieldProps: { placeholder: '商品名称或商品编码' },
    },
    {
      title: '图片',
      dataIndex: 'coverUrl',
      width: 72,
      search: false,
      render: (_, row) => (
        <Image
          src={row.coverUrl}
          width={48}
          height={48}
          style={{ objectFit: 'cover', borderRadius: 4 }}
          preview={{ mask: '预览' }}
        />
      ),
    },
    {
      title: '商品',
      dataIndex: 'name',
      search: false,
      render: (_, row) => (
        <div>
          <Link to={`/products/${row.id}`}>{row.name}</Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            ID {row.id} · {row.skuCount} 个规格
          </Typography.Text>
        </div>
      ),
    },
    {
      title: '分类',
      dataIndex: 'categoryId',
      width: 130,
      valueType: 'select',
      valueEnum: Object.fromEntries((categories ?? []).map((c) => [c.id, { text: c.name }])),
      fieldProps: { placeholder: '全部分类' },
    },
    {
      title: '价格',
      dataIndex: 'priceFen',
      width: 170,
      search: false,
      render: (_, row) =>
        row.maxPriceFen > row.priceFen ? `${yuan(row.priceFen)} ~ ${yuan(row.maxPriceFen)}` : yuan(row.priceFen),
    },
    {
      title: '总库存',
      dataIndex: 'totalStock',
      width: 90,
      search: false,
      align: 'right',
      render: (_, row) => (row.totalStock === 0 ? <Typography.Text type="danger">0</Typography.Text> : row.totalStock),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      valueType: 'select',
      valueEnum: { ON_SALE: { text: '在售' }, OFF_SALE: { text: '已下架' } },
      fieldProps: { placeholder: '全部状态' },
      render: (_, row) => <Tag color={STATUS_LABELS[row.status].color}>{STATUS_LABELS[row.status].text}</Tag>,
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
      width: 130,
      render: (_, row) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => void navigate(`/products/${row.id}`)}>
            编辑
          </Button>
          {row.status === 'ON_SALE' ? (
            <Popconfirm
              title="下架这个商品？"
              description="下架后顾客在商城里看不到它，也不能再加入购物车。"
              okText="下架"
              cancelText="取消"
              onConfirm={() => void setStatus(row, 'OFF_SALE')}
            >
              <Button type="link" size="small" danger>
                下架
              </Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              title="上架这个商品？"
              description="上架后顾客即可在商城里看到并购买。"
              okText="上架"
              cancelText="取消"
              onConfirm={() => void setStatus(row, 'ON_SALE')}
            >
              <Button type="link" size="small">
                上架
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer title="商品">
      <ProTable<AdminProductSummaryDto>
        rowKey="id"
        actionRef={table}
        columns={columns}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100] }}
        request={pagedRequest<AdminProductSummaryDto>('/admin/catalog/products')}
        locale={{ emptyText: '没有符合条件的商品' }}
        toolBarRender={() => [
          <Button key="categories" onClick={() => setDrawerOpen(true)}>
            分类管理
          </Button>,
          <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/products/new')}>
            新建商品
          </Button>,
        ]}
      />
      <CategoryDrawer
        open={drawerOpen}
        categories={categories}
        onClose={() => setDrawerOpen(false)}
        onChanged={() => void reloadCategories()}
      />
    </PageContainer>
  );
}
