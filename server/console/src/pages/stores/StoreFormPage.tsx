import {
  PageContainer,
  ProCard,
  ProForm,
  ProFormDigit,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
} from '@ant-design/pro-components';
import type { AdminStoreView } from '@tidepool/shared';
import { App, Form, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { formFieldErrors, toSaveStoreRequest, type StoreFormValues } from './store-rules';

const FALLBACK_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo'];

function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? FALLBACK_ZONES;
  } catch {
    return FALLBACK_ZONES;
  }
}

/** 新建门店 and 编辑门店: one form; the server's 400s and 409s land on the fields they name. */
export function StoreFormPage() {
  const { id } = useParams();
  const editing = id !== undefined;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<StoreFormValues>();
  const [loaded, setLoaded] = useState<AdminStoreView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const zoneOptions = useMemo(() => timeZones().map((z) => ({ label: z, value: z })), []);

  useEffect(() => {
    if (!editing) return;
    api<AdminStoreView>('GET', `/admin/stores/${id}`)
      .then((store) => {
        setLoaded(store);
        form.setFieldsValue(store);
      })
      .catch((e: unknown) => setLoadError(e instanceof ApiError ? e.message : '门店加载失败'));
  }, [editing, id, form]);

  const submit = async (values: StoreFormValues) => {
    const { request, errors } = toSaveStoreRequest(values);
    if (errors) {
      form.setFields(formFieldErrors<StoreFormValues>(errors));
      return false;
    }
    try {
      const saved = await api<AdminStoreView>(
        editing ? 'PUT' : 'POST',
        editing ? `/admin/stores/${id}` : '/admin/stores',
        {
          body: request,
        },
      );
      message.success(editing ? '门店已保存' : '门店已创建');
      void navigate(`/stores/${saved.id}`);
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const fields = e.code === 'STORE_CODE_TAKEN' ? { code: e.message } : e.fieldErrors();
      if (Object.keys(fields).length) form.setFields(formFieldErrors<StoreFormValues>(fields));
      message.error(e.message);
      return false;
    }
  };

  if (loadError) return <PageContainer title="编辑门店" content={loadError} />;
  if (editing && !loaded) return <Spin style={{ display: 'block', margin: 96 }} />;
  return (
    <PageContainer title={editing ? `编辑门店：${loaded?.name ?? ''}` : '新建门店'} onBack={() => void navigate(-1)}>
      <ProCard>
        <ProForm<StoreFormValues>
          form={form}
          layout="horizontal"
          labelCol={{ span: 4 }}
          wrapperCol={{ span: 12 }}
          initialValues={{ timeZone: 'Asia/Shanghai', pickupEnabled: true }}
          onFinish={submit}
          submitter={{ searchConfig: { submitText: editing ? '保存' : '创建门店' }, resetButtonProps: false }}
        >
          <ProFormText
            name="code"
            label="门店编码"
            placeholder="如 SH003"
            rules={[
              { required: true, message: '请输入门店编码' },
              { pattern: /^[A-Za-z0-9_-]{2,32}$/, message: '2–32 位字母、数字、- 或 _' },
            ]}
          />
          <ProFormText
            name="name"
            label="门店名称"
            rules={[{ required: true, message: '请输入门店名称' }, { max: 64 }]}
          />
          <ProFormText name="address" label="地址" rules={[{ max: 255 }]} />
          <ProFormSelect
            name="timeZone"
            label="时区"
            showSearch
            options={zoneOptions}
            rules={[{ required: true, message: '请选择时区' }]}
            extra="会员日、团购等营业日历按门店时区计算"
          />
          <ProForm.Group title="坐标（WGS-84）">
            <ProFormDigit name="latitude" label="纬度" min={-90} max={90} fieldProps={{ precision: 6 }} width="sm" />
            <ProFormDigit name="longitude" label="经度" min={-180} max={180} fieldProps={{ precision: 6 }} width="sm" />
          </ProForm.Group>
          <ProForm.Group title="营业时间">
            <ProFormText name="opensAt" label="开始" placeholder="10:00" width="xs" />
            <ProFormText name="closesAt" label="结束" placeholder="22:00" width="xs" />
          </ProForm.Group>
          <ProFormSwitch name="pickupEnabled" label="到店自提" />
        </ProForm>
      </ProCard>
    </PageContainer>
  );
}
