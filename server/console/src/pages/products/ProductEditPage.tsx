import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  FooterToolbar,
  PageContainer,
  ProCard,
  ProForm,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { type AdminProductDto, CATALOG_LIMITS, type ProductStatus } from '@tidepool/shared';
import {
  Alert,
  App,
  Button,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Result,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { AuditTrail } from '../../components/AuditTrail';
import { ImageUploader } from './ImageUploader';
import { STATUS_LABELS } from './ProductListPage';
import {
  buildSkuRows,
  groupsFromSkus,
  rowsFromSkus,
  type SkuRow,
  type SkuRowErrors,
  specCombinations,
  type SpecGroup,
  specsKey,
  specsLabel,
  toSkuEdits,
  validateSkuRows,
} from './sku-matrix';
import { StockAdjustModal } from './StockAdjustModal';
import { useCategories } from './use-categories';

interface ProductFormValues {
  name: string;
  subtitle?: string;
  categoryId: number;
  images: string[];
  description?: string;
}

/** The form's own fields: a server refusal naming one of them is shown under it. */
const FORM_FIELDS = ['name', 'subtitle', 'categoryId', 'images', 'description'];

/** 新建商品 / 编辑商品: the product's fields, its spec groups and SKU table, stock adjustments, and its audit trail. */
export function ProductEditPage() {
  const { id } = useParams();
  const productId = id === undefined ? null : Number(id);
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ProductFormValues>();
  const { categories, error: categoriesError } = useCategories();
  const [product, setProduct] = useState<AdminProductDto | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [groups, setGroups] = useState<SpecGroup[]>([]);
  const [rows, setRows] = useState<SkuRow[]>(() => buildSkuRows([], []));
  const [rowErrors, setRowErrors] = useState<SkuRowErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [auditVersion, setAuditVersion] = useState(0);
  const [adjusting, setAdjusting] = useState<SkuRow | null>(null);

  const show = useCallback(
    (loaded: AdminProductDto) => {
      setProduct(loaded);
      form.setFieldsValue({
        name: loaded.name,
        subtitle: loaded.subtitle,
        categoryId: loaded.categoryId,
        images: loaded.images,
        description: loaded.description,
      });
      const loadedGroups = groupsFromSkus(loaded.skus);
      setGroups(loadedGroups);
      setRows(buildSkuRows(loadedGroups, rowsFromSkus(loaded.skus)));
      setRowErrors({});
      setFormError(null);
    },
    [form],
  );

  const load = useCallback(async () => {
    if (productId === null) return;
    setLoadError(null);
    try {
      show(await api<AdminProductDto>('GET', `/admin/catalog/products/${productId}`));
    } catch (e) {
      setLoadError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', '商品加载失败，请重试'));
    }
  }, [productId, show]);

  useEffect(() => {
    void load();
  }, [load]);

  const changeGroups = (next: SpecGroup[]) => {
    setGroups(next);
    setRows((current) => buildSkuRows(next, current));
  };
  const changeRow = (key: string, patch: Partial<SkuRow>) => {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
    setRowErrors((errors) => {
      if (!errors[key]) return errors;
      const rest = { ...errors[key] };
      for (const field of Object.keys(patch)) delete rest[field as keyof typeof rest];
      return { ...errors, [key]: rest };
    });
  };

  /** Someone else saved in between: nothing of this edit was written; reloading shows their version. */
  const staleEdit = () =>
    modal.confirm({
      title: '商品已被他人修改',
      content: '在你编辑期间，这个商品已被其他人修改并保存。你这次的修改没有保存，请重新加载后再编辑。',
      okText: '重新加载',
      cancelText: '留在此页',
      onOk: () => load(),
    });

  const refused = (e: unknown) => {
    if (!(e instanceof ApiError)) {
      setFormError('保存失败，请重试');
      return;
    }
    if (e.code === 'PRODUCT_STALE') {
      staleEdit();
      return;
    }
    const fields = e.fieldErrors();
    const inline = Object.entries(fields).filter(([field]) => FORM_FIELDS.includes(field));
    form.setFields(inline.map(([name, reason]) => ({ name: name as keyof ProductFormValues, errors: [reason] })));
    const others = Object.keys(fields).filter((field) => !FORM_FIELDS.includes(field));
    setFormError(
      inline.length > 0 && others.length === 0
        ? null
        : others.length > 0
          ? `${e.message}（${others.join('、')}）`
          : e.message,
    );
    if (inline.length > 0) void message.error(e.message);
  };

  const save = async (values: ProductFormValues) => {
    setFormError(null);
    const errors = validateSkuRows(rows);
    setRowErrors(errors);
    if (Object.keys(errors).length > 0) {
      void message.error('请检查规格表中标红的内容');
      return false;
    }
    const fields = {
      name: values.name,
      subtitle: values.subtitle ?? '',
      categoryId: values.categoryId,
      images: values.images,
      description: values.description ?? '',
    };
    try {
      if (product === null) {
        const created = await api<AdminProductDto>('POST', '/admin/catalog/products', {
          // A new product waits off the shelf until it is published from the list or this page.
          body: { ...fields, status: 'OFF_SALE', skus: toSkuEdits(rows) },
        });
        void message.success('商品已创建（未上架）');
        void navigate(`/products/${created.id}`, { replace: true });
      } else {
        const saved = await api<AdminProductDto>('PATCH', `/admin/catalog/products/${product.id}`, {
          body: { ...fields, version: product.version, skus: toSkuEdits(rows) },
        });
        show(saved);
        setAuditVersion((v) => v + 1);
        void message.success('已保存');
      }
      return true;
    } catch (e) {
      refused(e);
      return false;
    }
  };

  const setStatus = async (status: ProductStatus) => {
    if (!product) return;
    try {
      const saved = await api<AdminProductDto>('PATCH', `/admin/catalog/products/${product.id}`, {
        body: { status, version: product.version },
      });
      // Only the status and version: the form may hold unsaved edits, which stay as typed.
      setProduct({ ...product, status: saved.status, version: saved.version, updatedAt: saved.updatedAt });
      setAuditVersion((v) => v + 1);
      void message.success(status === 'ON_SALE' ? '已上架' : '已下架');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'PRODUCT_STALE') staleEdit();
      else void message.error(e instanceof ApiError ? e.message : '操作失败，请重试');
    }
  };

  if (loadError) {
    return (
      <PageContainer title="编辑商品" onBack={() => void navigate('/products')}>
        <Result
          status={loadError.status === 404 ? '404' : 'error'}
          title={loadError.status === 404 ? '商品不存在' : '商品加载失败'}
          subTitle={loadError.message}
          extra={[
            <Button key="back" onClick={() => void navigate('/products')}>
              返回列表
            </Button>,
            loadError.status !== 404 && (
              <Button key="retry" type="primary" onClick={() => void load()}>
                重试
              </Button>
            ),
          ]}
        />
      </PageContainer>
    );
  }
  if (productId !== null && product === null) {
    return (
      <PageContainer title="编辑商品" onBack={() => void navigate('/products')}>
        <ProCard>
          <Skeleton active paragraph={{ rows: 8 }} />
        </ProCard>
      </PageContainer>
    );
  }

  const matrixKeys = new Set(specCombinations(groups).map(specsKey));
  const comboCount = matrixKeys.size;
  return (
    <PageContainer
      title={product ? `编辑商品：${product.name}` : '新建商品'}
      onBack={() => void navigate('/products')}
      tags={
        product ? (
          <Tag color={STATUS_LABELS[product.status].color}>{STATUS_LABELS[product.status].text}</Tag>
        ) : undefined
      }
      extra={
        product && (
          <Popconfirm
            title={product.status === 'ON_SALE' ? '下架这个商品？' : '上架这个商品？'}
            description={product.status === 'ON_SALE' ? '下架后顾客在商城里看不到它。' : '上架后顾客即可在商城里购买。'}
            okText={product.status === 'ON_SALE' ? '下架' : '上架'}
            cancelText="取消"
            onConfirm={() => void setStatus(product.status === 'ON_SALE' ? 'OFF_SALE' : 'ON_SALE')}
          >
            <Button danger={product.status === 'ON_SALE'}>{product.status === 'ON_SALE' ? '下架' : '上架'}</Button>
          </Popconfirm>
        )
      }
    >
      <ProForm<ProductFormValues>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '96px' }}
        initialValues={{ images: [] }}
        onFinish={save}
        onValuesChange={() => setFormError(null)}
        submitter={{
          searchConfig: { submitText: product ? '保存' : '创建商品', resetText: '取消' },
          onReset: () => void navigate('/products'),
          render: (_props, dom) => <FooterToolbar>{dom}</FooterToolbar>,
        }}
      >
        {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
        <ProCard title="基本信息" bordered headerBordered>
          <ProFormText
            name="name"
            label="商品名称"
            width="xl"
            placeholder="如：海盐与鼠尾草香氛蜡烛"
            fieldProps={{ maxLength: 64, showCount: true }}
            rules={[{ required: true, whitespace: true, message: '请输入商品名称' }]}
          />
          <ProFormText
            name="subtitle"
            label="副标题"
            width="xl"
            placeholder="一句话卖点（选填）"
            fieldProps={{ maxLength: 128 }}
          />
          <ProFormSelect
            name="categoryId"
            label="分类"
            width="md"
            placeholder={categoriesError ? categoriesError : '请选择分类'}
            options={(categories ?? []).map((c) => ({ label: c.name, value: c.id }))}
            fieldProps={{ loading: categories === null, notFoundContent: '还没有分类，请先在商品列表的分类管理中新建' }}
            rules={[{ required: true, message: '请选择分类' }]}
          />
          <Form.Item
            name="images"
            label="商品图片"
            extra={`第一张为封面；支持 JPG、PNG、WebP，每张不超过 2MB，最多 ${CATALOG_LIMITS.maxImages} 张`}
            rules={[{ required: true, type: 'array', min: 1, message: '请至少上传一张图片' }]}
          >
            <ImageUploader />
          </Form.Item>
          <ProFormTextArea
            name="description"
            label="商品描述"
            width="xl"
            placeholder="商品详情（选填）"
            fieldProps={{ maxLength: 5000, showCount: true, autoSize: { minRows: 3, maxRows: 10 } }}
          />
        </ProCard>

        <ProCard
          title="规格与库存"
          bordered
          headerBordered
          style={{ marginTop: 16 }}
          extra={
            <Typography.Text type="secondary">
              {groups.length === 0 ? '不设规格时为单一规格' : `共 ${comboCount} 个规格组合`}
            </Typography.Text>
          }
        >
          <SpecGroupsEditor groups={groups} onChange={changeGroups} />
          <Table<SkuRow>
            rowKey="key"
            size="middle"
            style={{ marginTop: 16 }}
            pagination={false}
            dataSource={rows}
            locale={{ emptyText: <Empty description="请先添加规格值" /> }}
            columns={[
              {
                title: '规格',
                width: 260,
                render: (_, row) => {
                  const inMatrix = matrixKeys.has(row.key);
                  return (
                    <Space size={4} wrap>
                      <span>{specsLabel(row.specs)}</span>
                      {row.id === undefined && product && <Tag color="blue">新增</Tag>}
                      {row.id !== undefined && !inMatrix && <Tag>不在当前规格中，保留</Tag>}
                    </Space>
                  );
                },
              },
              {
                title: '价格（元）',
                width: 170,
                render: (_, row) => (
                  <CellError error={rowErrors[row.key]?.price}>
                    <Input
                      aria-label={`${specsLabel(row.specs)} 价格`}
                      prefix="¥"
                      placeholder="0.00"
                      value={row.price}
                      status={rowErrors[row.key]?.price ? 'error' : undefined}
                      onChange={(e) => changeRow(row.key, { price: e.target.value })}
                    />
                  </CellError>
                ),
              },
              {
                title: '库存',
                width: 190,
                render: (_, row) =>
                  row.id === undefined ? (
                    <CellError error={rowErrors[row.key]?.stock}>
                      <InputNumber
                        aria-label={`${specsLabel(row.specs)} 库存`}
                        min={0}
                        max={CATALOG_LIMITS.maxStock}
                        precision={0}
                        style={{ width: 120 }}
                        value={row.stock}
                        status={rowErrors[row.key]?.stock ? 'error' : undefined}
                        onChange={(value) => changeRow(row.key, { stock: value })}
                      />
                    </CellError>
                  ) : (
                    <Space>
                      <span style={{ minWidth: 48, display: 'inline-block' }}>{row.stock}</span>
                      <Button size="small" onClick={() => setAdjusting(row)}>
                        调整库存
                      </Button>
                    </Space>
                  ),
              },
              {
                title: '商品编码',
                render: (_, row) => (
                  <CellError error={rowErrors[row.key]?.code}>
                    <Input
                      aria-label={`${specsLabel(row.specs)} 编码`}
                      placeholder="如 CANDLE-RED-200G"
                      maxLength={64}
                      value={row.code}
                      status={rowErrors[row.key]?.code ? 'error' : undefined}
                      onChange={(e) => changeRow(row.key, { code: e.target.value })}
                    />
                  </CellError>
                ),
              },
            ]}
          />
        </ProCard>
      </ProForm>

      {product && <AuditTrail objectType="product" objectId={product.id} version={auditVersion} />}

      <StockAdjustModal
        sku={adjusting}
        onClose={() => setAdjusting(null)}
        onAdjusted={(stock) => {
          if (adjusting) changeRow(adjusting.key, { stock });
          setAdjusting(null);
          setAuditVersion((v) => v + 1);
        }}
      />
    </PageContainer>
  );
}

function CellError({ error, children }: { error?: string; children: React.ReactNode }) {
  return (
    <div>
      {children}
      {error && (
        <Typography.Text type="danger" style={{ display: 'block', fontSize: 12, marginTop: 2 }}>
          {error}
        </Typography.Text>
      )}
    </div>
  );
}

/** The spec groups: a name (颜色) and its values (红, 蓝), typed as tags; at most CATALOG_LIMITS.maxSpecKeys. */
function SpecGroupsEditor({ groups, onChange }: { groups: SpecGroup[]; onChange: (groups: SpecGroup[]) => void }) {
  const update = (index: number, patch: Partial<SpecGroup>) =>
    onChange(groups.map((group, i) => (i === index ? { ...group, ...patch } : group)));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {groups.map((group, index) => (
        <Space key={index} align="start">
          <Input
            aria-label={`规格名 ${index + 1}`}
            placeholder="规格名，如 颜色"
            maxLength={8}
            style={{ width: 160 }}
            value={group.name}
            onChange={(e) => update(index, { name: e.target.value })}
          />
          <Select
            aria-label={`规格值 ${index + 1}`}
            mode="tags"
            placeholder="输入规格值后按回车，如 红、蓝"
            style={{ width: 480 }}
            value={group.values}
            tokenSeparators={[',', '，', '、']}
            suffixIcon={null}
            notFoundContent={null}
            maxTagTextLength={16}
            onChange={(values: string[]) =>
              update(index, { values: values.map((v) => v.trim().slice(0, 16)).filter(Boolean) })
            }
          />
          <Button
            icon={<DeleteOutlined />}
            aria-label={`删除规格 ${index + 1}`}
            onClick={() => onChange(groups.filter((_, i) => i !== index))}
          />
        </Space>
      ))}
      {groups.length < CATALOG_LIMITS.maxSpecKeys && (
        <Button icon={<PlusOutlined />} onClick={() => onChange([...groups, { name: '', values: [] }])}>
          添加规格
        </Button>
      )}
    </Space>
  );
}
