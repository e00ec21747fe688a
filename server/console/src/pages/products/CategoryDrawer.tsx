import { ModalForm, ProFormDigit, ProFormText } from '@ant-design/pro-components';
import type { CategoryDto } from '@tidepool/shared';
import { App, Button, Drawer, Empty, Form, Table } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';

type CategoryForm = { name: string; sort?: number };

/** 分类管理: the categories in display order, with create and edit (categories are few: no paging). */
export function CategoryDrawer({
  open,
  categories,
  onClose,
  onChanged,
}: {
  open: boolean;
  categories: CategoryDto[] | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CategoryForm>();
  // undefined: closed; null: creating; a category: editing it.
  const [editing, setEditing] = useState<CategoryDto | null | undefined>(undefined);

  return (
    <Drawer
      title="分类管理"
      width={520}
      open={open}
      onClose={onClose}
      extra={
        <Button type="primary" onClick={() => setEditing(null)}>
          新建分类
        </Button>
      }
    >
      <Table<CategoryDto>
        rowKey="id"
        size="middle"
        loading={categories === null}
        dataSource={categories ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description="还没有分类" /> }}
        columns={[
          { title: 'ID', dataIndex: 'id', width: 64 },
          { title: '名称', dataIndex: 'name' },
          { title: '排序', dataIndex: 'sort', width: 80 },
          {
            title: '操作',
            width: 80,
            render: (_, row) => (
              <Button type="link" size="small" onClick={() => setEditing(row)}>
                编辑
              </Button>
            ),
          },
        ]}
      />
      <ModalForm<CategoryForm>
        title={editing ? '编辑分类' : '新建分类'}
        width={420}
        form={form}
        open={editing !== undefined}
        initialValues={editing ? { name: editing.name, sort: editing.sort } : { sort: 0 }}
        modalProps={{ destroyOnHidden: true, onCancel: () => setEditing(undefined) }}
        onFinish={async (values) => {
          try {
            if (editing) await api('PATCH', `/admin/catalog/categories/${editing.id}`, { body: values });
            else await api('POST', '/admin/catalog/categories', { body: values });
            void message.success(editing ? '分类已保存' : '分类已创建');
            setEditing(undefined);
            onChanged();
            return true;
          } catch (e) {
            if (e instanceof ApiError && Object.keys(e.fieldErrors()).length > 0) {
              form.setFields(
                Object.entries(e.fieldErrors()).map(([name, reason]) => ({
                  name: name as keyof CategoryForm,
                  errors: [reason],
                })),
              );
            } else void message.error(e instanceof ApiError ? e.message : '保存失败，请重试');
            return false;
          }
        }}
      >
        <ProFormText
          name="name"
          label="分类名称"
          placeholder="如：香氛蜡烛"
          fieldProps={{ maxLength: 32 }}
          rules={[{ required: true, whitespace: true, message: '请输入分类名称' }]}
        />
        <ProFormDigit name="sort" label="排序" tooltip="数字越小越靠前" fieldProps={{ precision: 0 }} />
      </ModalForm>
    </Drawer>
  );
}
