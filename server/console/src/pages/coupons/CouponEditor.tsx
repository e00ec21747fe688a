import {
  PageContainer,
  ProCard,
  ProForm,
  ProFormDateRangePicker,
  ProFormDependency,
  ProFormDigit,
  ProFormRadio,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
} from '@ant-design/pro-components';
import type { AdminCouponTemplateView, AdminProductSummaryDto, CategoryDto, Page } from '@tidepool/shared';
import { Alert, App, Form, Spin } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../auth/SessionContext';
import { type CouponFormValues, formFieldErrors, NEW_COUPON, toFormValues, toTemplateRequest } from './coupon-form';

/** 新建 / 编辑优惠券. Server refusals land beside the inputs they name. */
export function CouponEditor() {
  const { id } = useParams();
  const { timeZone } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<CouponFormValues>();
  const [initial, setInitial] = useState<CouponFormValues | null>(id ? null : NEW_COUPON);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    if (!id) return;
    api<AdminCouponTemplateView>('GET', `/admin/coupon-templates/${id}`)
      .then((view) => {
        const values = toFormValues(view, timeZone);
        // The range picker holds dayjs values; the pure helper speaks strings.
        setInitial({
          ...values,
          validRange: values.validRange ? [dayjs(values.validRange[0]), dayjs(values.validRange[1])] : null,
        });
      })
      .catch((e: unknown) => setLoadError(e instanceof ApiError ? e.message : '加载失败'));
  }, [id, timeZone]);

  const submit = async (values: CouponFormValues) => {
    const body = toTemplateRequest(values, timeZone);
    try {
      const saved = id
        ? await api<AdminCouponTemplateView>('PUT', `/admin/coupon-templates/${id}`, { body })
        : await api<AdminCouponTemplateView>('POST', '/admin/coupon-templates', { body });
      void message.success(id ? '已保存' : '已创建');
      void navigate(`/coupons/${saved.id}`);
      return true;
    } catch (error) {
      if (error instanceof ApiError) {
        const fields = formFieldErrors(error.fieldErrors());
        if (fields.length > 0) form.setFields(fields);
        void message.error(error.message);
        return false;
      }
      throw error;
    }
  };

  const title = id ? '编辑优惠券' : '新建优惠券';
  if (loadError)
    return (
      <PageContainer title={title}>
        <Alert type="error" message={loadError} />
      </PageContainer>
    );
  if (!initial)
    return (
      <PageContainer title={title}>
        <Spin />
      </PageContainer>
    );
  return (
    <PageContainer title={title} onBack={() => void navigate(id ? `/coupons/${id}` : '/coupons')}>
      <ProCard>
        <ProForm<CouponFormValues>
          form={form}
          initialValues={initial}
          onFinish={submit}
          layout="horizontal"
          labelCol={{ span: 4 }}
          wrapperCol={{ span: 12 }}
          submitter={{
            searchConfig: { submitText: id ? '保存' : '创建' },
            resetButtonProps: false,
            render: (_, dom) => <Form.Item wrapperCol={{ offset: 4 }}>{dom}</Form.Item>,
          }}
        >
          <ProFormText
            name="name"
            label="名称"
            placeholder="如：冬季满99减20"
            rules={[{ required: true, message: '请填写名称' }, { max: 64 }]}
          />
          <ProFormRadio.Group
            name="kind"
            label="优惠类型"
            options={[
              { label: '减 X 元', value: 'AMOUNT_OFF' },
              { label: '打 N 折', value: 'PERCENT' },
            ]}
          />
          <ProFormDependency name={['kind']}>
            {({ kind }: Partial<CouponFormValues>) =>
              kind === 'PERCENT' ? (
                <>
                  <ProFormDigit
                    name="payPercent"
                    label="折扣"
                    min={1}
                    max={99}
                    fieldProps={{ precision: 0, addonAfter: '折（按 %，88 即 8.8 折）' }}
                    rules={[{ required: true, message: '请填写折扣（1-99）' }]}
                  />
                  <ProFormDigit
                    name="maxDiscountYuan"
                    label="最高优惠"
                    min={0.01}
                    fieldProps={{ precision: 2, addonAfter: '元' }}
                    placeholder="不填为不封顶"
                  />
                </>
              ) : (
                <ProFormDigit
                  name="amountOffYuan"
                  label="优惠金额"
                  min={0.01}
                  fieldProps={{ precision: 2, addonBefore: '减', addonAfter: '元' }}
                  rules={[{ required: true, message: '请填写优惠金额' }]}
                />
              )
            }
          </ProFormDependency>
          <ProFormRadio.Group
            name="thresholdMode"
            label="使用门槛"
            options={[
              { label: '无门槛', value: 'NONE' },
              { label: '满 X 元可用', value: 'MIN' },
            ]}
          />
          <ProFormDependency name={['thresholdMode']}>
            {({ thresholdMode }: Partial<CouponFormValues>) =>
              thresholdMode === 'MIN' && (
                <ProFormDigit
                  name="thresholdYuan"
                  label="订单满"
                  min={0.01}
                  fieldProps={{ precision: 2, addonAfter: '元' }}
                  rules={[{ required: true, message: '请填写门槛金额' }]}
                />
              )
            }
          </ProFormDependency>
          <ProFormRadio.Group
            name="scopeKind"
            label="适用范围"
            options={[
              { label: '全部商品', value: 'ALL' },
              { label: '指定类目', value: 'CATEGORIES' },
              { label: '指定商品', value: 'PRODUCTS' },
            ]}
          />
          <ProFormDependency name={['scopeKind']}>
            {({ scopeKind }: Partial<CouponFormValues>) =>
              scopeKind === 'CATEGORIES' ? (
                <ProFormSelect
                  key="categories"
                  name="scopeIds"
                  label="类目"
                  mode="multiple"
                  rules={[{ required: true, message: '请选择至少一个类目' }]}
                  request={async () =>
                    (await api<CategoryDto[]>('GET', '/admin/catalog/categories')).map((c) => ({
                      label: c.name,
                      value: c.id,
                    }))
                  }
                />
              ) : scopeKind === 'PRODUCTS' ? (
                <ProFormSelect
                  key="products"
                  name="scopeIds"
                  label="商品"
                  mode="multiple"
                  showSearch
                  rules={[{ required: true, message: '请选择至少一个商品' }]}
                  debounceTime={300}
                  request={async ({ keyWords }: { keyWords?: string }) =>
                    (
                      await api<Page<AdminProductSummaryDto>>('GET', '/admin/catalog/products', {
                        query: { pageSize: 50, keyword: keyWords },
                      })
                    ).items.map((p) => ({ label: `${p.name}（#${p.id}）`, value: p.id }))
                  }
                />
              ) : null
            }
          </ProFormDependency>
          <ProFormRadio.Group
            name="stacking"
            label="叠加"
            options={[
              { label: '不可与其他券叠加', value: 'EXCLUSIVE' },
              { label: '可叠加', value: 'STACKABLE' },
            ]}
          />
          <ProFormRadio.Group
            name="validity"
            label="有效期"
            options={[
              { label: '发放后 N 天', value: 'DAYS' },
              { label: '固定日期', value: 'DATES' },
            ]}
          />
          <ProFormDependency name={['validity']}>
            {({ validity }: Partial<CouponFormValues>) =>
              validity === 'DATES' ? (
                <ProFormDateRangePicker
                  name="validRange"
                  label="起止日期"
                  rules={[{ required: true, message: '请选择起止日期' }]}
                  extra="按品牌时区整天计算，含首尾两天"
                />
              ) : (
                <ProFormDigit
                  name="validDays"
                  label="有效天数"
                  min={1}
                  max={3650}
                  fieldProps={{ precision: 0, addonAfter: '天' }}
                  rules={[{ required: true, message: '请填写有效天数' }]}
                />
              )
            }
          </ProFormDependency>
          <ProFormDigit
            name="claimTotal"
            label="总库存"
            min={1}
            fieldProps={{ precision: 0, addonAfter: '张' }}
            placeholder="不填为不限"
            extra="领券中心领取和后台发放共用这份库存"
          />
          <ProFormSwitch name="claimable" label="领券中心展示" />
          <ProFormDependency name={['claimable']}>
            {({ claimable }: Partial<CouponFormValues>) =>
              claimable && (
                <ProFormDigit
                  name="claimPerMember"
                  label="每人限领"
                  min={1}
                  max={100}
                  fieldProps={{ precision: 0, addonAfter: '张' }}
                />
              )
            }
          </ProFormDependency>
        </ProForm>
      </ProCard>
    </PageContainer>
  );
}
