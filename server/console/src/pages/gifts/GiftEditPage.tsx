import {
  ModalForm,
  PageContainer,
  ProCard,
  ProForm,
  ProFormCheckbox,
  ProFormDigit,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { type AdminGiftView, GIFT_FULFILMENT_LABELS, GIFT_FULFILMENTS } from '@tidepool/shared';
import { Alert, App, Button, Descriptions, Form, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { AuditTrail } from '../../components/AuditTrail';
import { formValuesOf, type GiftFormValues, inlineErrors, toCreateGiftRequest, toUpdateGiftRequest } from './gift-form';

/** 新建礼品 / 编辑礼品: what the gift is; stock moves by adjustment only, so a restock never loses redemptions. */
export function GiftEditPage() {
  const { id } = useParams();
  const giftId = id === undefined ? null : Number(id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<GiftFormValues>();
  const [gift, setGift] = useState<AdminGiftView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [auditVersion, setAuditVersion] = useState(0);

  const load = useCallback(async () => {
    if (giftId === null) return;
    try {
      const loaded = await api<AdminGiftView>('GET', `/admin/points-mall/gifts/${giftId}`);
      setGift(loaded);
      form.setFieldsValue(formValuesOf(loaded));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '加载失败');
    }
  }, [giftId, form]);
  useEffect(() => {
    void load();
  }, [load]);

  const refuse = (e: unknown) => {
    if (!(e instanceof ApiError)) throw e;
    const fields = Object.keys(e.fieldErrors());
    if (fields.length) form.setFields(inlineErrors(fields, e.message) as Parameters<typeof form.setFields>[0]);
    else message.error(e.message);
    return false;
  };

  const submit = async (values: GiftFormValues) => {
    try {
      if (giftId === null) {
        const created = await api<AdminGiftView>('POST', '/admin/points-mall/gifts', {
          body: toCreateGiftRequest(values),
        });
        message.success('礼品已创建');
        void navigate(`/gifts/${created.id}`, { replace: true });
      } else {
        setGift(
          await api<AdminGiftView>('PUT', `/admin/points-mall/gifts/${giftId}`, { body: toUpdateGiftRequest(values) }),
        );
        setAuditVersion((v) => v + 1);
        message.success('已保存');
      }
      return true;
    } catch (e) {
      return refuse(e);
    }
  };

  if (giftId !== null && !gift) {
    return (
      <PageContainer title="编辑礼品" onBack={() => void navigate('/gifts')}>
        {error ? <Alert type="error" message={error} /> : <Spin />}
      </PageContainer>
    );
  }
  return (
    <PageContainer title={gift ? `编辑礼品：${gift.name}` : '新建礼品'} onBack={() => void navigate('/gifts')}>
      {gift && (
        <ProCard bordered style={{ marginBottom: 16 }}>
          <Descriptions column={4} size="small">
            <Descriptions.Item label="当前库存">
              <span data-testid="gift-stock">{gift.stock}</span>
            </Descriptions.Item>
            <Descriptions.Item label="已兑换">{gift.redeemed}</Descriptions.Item>
            <Descriptions.Item label="状态">{gift.active ? '上架中' : '已下架'}</Descriptions.Item>
            <Descriptions.Item>
              <StockAdjust
                gift={gift}
                onDone={(next) => {
                  setGift(next);
                  setAuditVersion((v) => v + 1);
                }}
              />
            </Descriptions.Item>
          </Descriptions>
        </ProCard>
      )}
      <ProCard bordered>
        <ProForm<GiftFormValues>
          form={form}
          layout="horizontal"
          labelCol={{ span: 4 }}
          wrapperCol={{ span: 14 }}
          initialValues={{ active: true, fulfilments: ['PICKUP'], stock: 0, sort: 0 }}
          onFinish={submit}
          submitter={{
            searchConfig: { submitText: giftId === null ? '创建礼品' : '保存' },
            render: (_, dom) => <div style={{ marginLeft: '16.6%' }}>{dom}</div>,
          }}
        >
          <ProFormText
            name="name"
            label="礼品名称"
            rules={[{ required: true, message: '请填写礼品名称' }, { max: 64 }]}
          />
          <ProFormTextArea name="description" label="礼品说明" fieldProps={{ maxLength: 500, rows: 3 }} />
          <ProFormText
            name="imageUrl"
            label="图片地址"
            placeholder="/static/... 或 https://..."
            rules={[
              { required: true, message: '请填写图片地址' },
              { pattern: /^(\/static\/[A-Za-z0-9/_.-]+|https:\/\/\S+)$/, message: '请填写 /static/ 路径或 https 地址' },
            ]}
          />
          <ProFormDigit
            name="pointsPrice"
            label="所需积分"
            min={1}
            max={10_000_000}
            fieldProps={{ precision: 0 }}
            width="sm"
            rules={[{ required: true, message: '请填写所需积分' }]}
          />
          {giftId === null && (
            <ProFormDigit
              name="stock"
              label="初始库存"
              min={0}
              max={1_000_000}
              fieldProps={{ precision: 0 }}
              width="sm"
              rules={[{ required: true, message: '请填写库存' }]}
            />
          )}
          <ProFormCheckbox.Group
            name="fulfilments"
            label="领取方式"
            options={GIFT_FULFILMENTS.map((f) => ({ label: GIFT_FULFILMENT_LABELS[f], value: f }))}
            rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一种领取方式' }]}
          />
          <ProFormSwitch name="active" label="上架" checkedChildren="上架" unCheckedChildren="下架" />
          <ProFormDigit
            name="sort"
            label="排序"
            tooltip="小的在前"
            min={-100_000}
            max={100_000}
            width="xs"
            fieldProps={{ precision: 0 }}
          />
        </ProForm>
      </ProCard>
      {gift && <AuditTrail objectType="gift" objectId={gift.id} version={auditVersion} />}
    </PageContainer>
  );
}

function StockAdjust({ gift, onDone }: { gift: AdminGiftView; onDone: (gift: AdminGiftView) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ delta: number }>();
  return (
    <ModalForm<{ delta: number }>
      title="调整库存"
      form={form}
      width={420}
      trigger={<Button size="small">调整库存</Button>}
      modalProps={{ destroyOnClose: true }}
      onFinish={async ({ delta }) => {
        try {
          onDone(await api<AdminGiftView>('POST', `/admin/points-mall/gifts/${gift.id}/stock`, { body: { delta } }));
          message.success('库存已调整');
          return true;
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          form.setFields([{ name: 'delta', errors: [e.message] }]);
          return false;
        }
      }}
    >
      <ProFormDigit
        name="delta"
        label="增减数量"
        tooltip="正数入库，负数出库"
        fieldProps={{ precision: 0 }}
        extra={`当前库存 ${gift.stock}`}
        rules={[
          { required: true, message: '请填写数量' },
          {
            validator: (_: unknown, v: number) =>
              v === 0 ? Promise.reject(new Error('数量不能为 0')) : Promise.resolve(),
          },
        ]}
      />
    </ModalForm>
  );
}
