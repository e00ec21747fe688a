import {
  EditableProTable,
  PageContainer,
  ProCard,
  ProForm,
  ProFormDateTimePicker,
  ProFormDependency,
  ProFormDigit,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
  ProFormTimePicker,
  type ProColumns,
} from '@ant-design/pro-components';
import { type DropAdminView, type DropSkuOption, fen } from '@tidepool/shared';
import { Alert, App, Form, List, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../auth/SessionContext';
import { dateTime, yuan } from '../../format';
import {
  type DropFormValues,
  type DropItemRow,
  EARLY_CHOICE_LABELS,
  itemProblems,
  placeFieldError,
  toCreateDropRequest,
  WEEKDAY_LABELS,
  weeklyPreview,
} from './drop-form';
import { SkuSelect } from './SkuSelect';

let rowSeq = 0;
const newRow = (): DropItemRow => ({ key: `row-${Date.now()}-${++rowSeq}`, perMemberLimit: 2 });

/** Pickers hand back dayjs in the computer's zone; only the wall clock typed is kept, read later in the brand's. */
const wallOf = (value: unknown): string | undefined =>
  value && typeof value === 'object' && 'format' in value
    ? (value as Dayjs).format('YYYY-MM-DD HH:mm')
    : typeof value === 'string'
      ? value
      : undefined;

/** 新建团购: one-off or weekly, with items picked from the catalogue. */
export function DropCreatePage() {
  const { timeZone } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<DropFormValues>();
  const [rows, setRows] = useState<DropItemRow[]>([newRow()]);
  const [editableKeys, setEditableKeys] = useState<React.Key[]>(() => rows.map((r) => r.key));
  const [skus, setSkus] = useState<Map<number, DropSkuOption>>(new Map());
  const [problems, setProblems] = useState<string[]>([]);
  const remember = useCallback(
    (found: DropSkuOption[]) =>
      setSkus((known) => {
        const next = new Map(known);
        for (const o of found) next.set(o.skuId, o);
        return next;
      }),
    [],
  );

  const columns: ProColumns<DropItemRow>[] = [
    {
      title: '商品规格',
      dataIndex: 'skuId',
      formItemProps: { rules: [{ required: true, message: '请选择商品' }] },
      renderFormItem: () => <SkuSelect known={skus} onKnown={remember} />,
    },
    {
      title: '原价',
      dataIndex: 'listPrice',
      editable: false,
      width: 90,
      render: (_, row) => {
        const price = row.skuId ? skus.get(row.skuId)?.priceFen : undefined;
        return price === undefined ? '—' : yuan(fen(price));
      },
    },
    {
      title: '团购价（元）',
      dataIndex: 'dropPriceYuan',
      valueType: 'digit',
      width: 130,
      fieldProps: { min: 0.01, precision: 2, style: { width: '100%' } },
      formItemProps: { rules: [{ required: true, message: '请填写团购价' }] },
    },
    {
      title: '团购数量',
      dataIndex: 'cap',
      valueType: 'digit',
      width: 110,
      fieldProps: { min: 1, precision: 0, style: { width: '100%' } },
      formItemProps: { rules: [{ required: true, message: '请填写数量' }] },
    },
    {
      title: '每人限购',
      dataIndex: 'perMemberLimit',
      valueType: 'digit',
      width: 100,
      fieldProps: { min: 1, max: 99, precision: 0, style: { width: '100%' } },
      formItemProps: { rules: [{ required: true, message: '请填写限购' }] },
    },
    { title: '操作', valueType: 'option', width: 70 },
  ];

  const submit = async (raw: DropFormValues & { opensAt?: unknown; closesAt?: unknown; startTime?: unknown }) => {
    const values: DropFormValues = {
      ...raw,
      opensAt: wallOf(raw.opensAt),
      closesAt: wallOf(raw.closesAt),
      startTime:
        raw.startTime && typeof raw.startTime === 'object' ? (raw.startTime as Dayjs).format('HH:mm') : raw.startTime,
    };
    const found = itemProblems(rows, skus);
    setProblems(found);
    if (found.length) return false;
    try {
      const drop = await api<DropAdminView>('POST', '/admin/drops', {
        body: toCreateDropRequest(values, rows, timeZone),
      });
      message.success('团购已创建');
      void navigate(`/drops/${drop.id}`);
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fields = Object.keys(error.fieldErrors());
      const itemLines: string[] = [];
      const formFields: { name: keyof DropFormValues; errors: string[] }[] = [];
      for (const field of fields) {
        const place = placeFieldError(field);
        const text = fields.length === 1 ? error.message : `${error.message}（${field}）`;
        if (place && 'formField' in place) formFields.push({ name: place.formField, errors: [text] });
        else if (place) itemLines.push(`第 ${place.itemRow + 1} 行：${error.message}`);
      }
      form.setFields(formFields);
      setProblems(itemLines);
      if (!formFields.length && !itemLines.length) message.error(error.message);
      return false;
    }
  };

  return (
    <PageContainer title="新建团购" onBack={() => void navigate('/drops')}>
      <ProCard>
        <ProForm<DropFormValues>
          form={form}
          layout="horizontal"
          labelCol={{ span: 4 }}
          wrapperCol={{ span: 16 }}
          initialValues={{
            recurrence: 'ONCE',
            earlyChoice: 'GOLD_ONLY',
            earlyMinutes: 30,
            weekday: 5,
            durationMinutes: 120,
          }}
          onFinish={submit}
          submitter={{
            searchConfig: { submitText: '创建团购' },
            render: (_, dom) => <div style={{ marginLeft: '16.6%' }}>{dom}</div>,
          }}
        >
          <ProFormText
            name="title"
            label="活动名称"
            rules={[{ required: true, message: '请填写活动名称' }, { max: 64 }]}
          />
          <ProFormTextArea name="description" label="活动说明" fieldProps={{ maxLength: 500, rows: 2 }} />
          <ProFormRadio.Group
            name="recurrence"
            label="周期"
            radioType="button"
            options={[
              { label: '单次', value: 'ONCE' },
              { label: '每周', value: 'WEEKLY' },
            ]}
          />
          <ProFormDependency
            name={['recurrence', 'weekday', 'startTime', 'durationMinutes', 'earlyChoice', 'earlyMinutes']}
          >
            {(values) => {
              const v = values as DropFormValues & { startTime?: unknown };
              if (v.recurrence === 'ONCE') {
                return (
                  <>
                    <ProFormDateTimePicker
                      name="opensAt"
                      label="开始时间"
                      tooltip={`按品牌时区（${timeZone}）`}
                      fieldProps={{ format: 'YYYY-MM-DD HH:mm', showTime: { format: 'HH:mm' } }}
                      rules={[{ required: true, message: '请选择开始时间' }]}
                    />
                    <ProFormDateTimePicker
                      name="closesAt"
                      label="结束时间"
                      fieldProps={{ format: 'YYYY-MM-DD HH:mm', showTime: { format: 'HH:mm' } }}
                      rules={[{ required: true, message: '请选择结束时间' }]}
                    />
                  </>
                );
              }
              const startTime =
                v.startTime && typeof v.startTime === 'object' ? (v.startTime as Dayjs).format('HH:mm') : v.startTime;
              const preview = weeklyPreview({ ...v, startTime }, timeZone, new Date());
              return (
                <>
                  <ProFormSelect
                    name="weekday"
                    label="每周"
                    options={WEEKDAY_LABELS.map((label, value) => ({ label, value }))}
                    rules={[{ required: true, message: '请选择星期' }]}
                    width="sm"
                  />
                  <ProFormTimePicker
                    name="startTime"
                    label="开始时刻"
                    tooltip={`按品牌时区（${timeZone}）`}
                    fieldProps={{ format: 'HH:mm', minuteStep: 5 }}
                    rules={[{ required: true, message: '请选择开始时刻' }]}
                  />
                  <ProFormDigit
                    name="durationMinutes"
                    label="持续（分钟）"
                    min={1}
                    max={8640}
                    fieldProps={{ precision: 0 }}
                    width="sm"
                    rules={[{ required: true, message: '请填写持续时长' }]}
                  />
                  <Form.Item label="接下来的场次">
                    {preview.length ? (
                      <List
                        size="small"
                        bordered
                        dataSource={preview}
                        data-testid="weekly-preview"
                        renderItem={(w) => (
                          <List.Item>
                            {dateTime(w.opensAt, timeZone)} – {dateTime(w.closesAt, timeZone)}
                          </List.Item>
                        )}
                        style={{ maxWidth: 420 }}
                      />
                    ) : (
                      <Typography.Text type="secondary">选择星期、时刻和时长后显示</Typography.Text>
                    )}
                  </Form.Item>
                </>
              );
            }}
          </ProFormDependency>
          <ProFormRadio.Group
            name="earlyChoice"
            label="会员优先购"
            options={(['NONE', 'SILVER_UP', 'GOLD_ONLY'] as const).map((value) => ({
              value,
              label: EARLY_CHOICE_LABELS[value],
            }))}
          />
          <ProFormDependency name={['earlyChoice']}>
            {({ earlyChoice }) =>
              earlyChoice === 'NONE' ? null : (
                <ProFormDigit
                  name="earlyMinutes"
                  label="提前（分钟）"
                  min={1}
                  max={1440}
                  width="sm"
                  fieldProps={{ precision: 0 }}
                  rules={[{ required: true, message: '请填写提前的分钟数' }]}
                />
              )
            }
          </ProFormDependency>
          <Form.Item label="团购商品" required wrapperCol={{ span: 19 }}>
            <EditableProTable<DropItemRow>
              rowKey="key"
              columns={columns}
              value={rows}
              onChange={(next) => setRows([...next])}
              recordCreatorProps={{
                newRecordType: 'dataSource',
                creatorButtonText: '添加商品',
                record: newRow,
              }}
              editable={{
                type: 'multiple',
                editableKeys,
                onChange: setEditableKeys,
                onValuesChange: (_record, list) => setRows(list),
                actionRender: (_row, _config, dom) => [dom.delete],
                deletePopconfirmMessage: '删除这一行？',
              }}
              data-testid="drop-items"
            />
            {problems.length > 0 && (
              <Alert
                type="error"
                showIcon
                style={{ marginTop: 8 }}
                message={problems.map((p) => (
                  <div key={p}>{p}</div>
                ))}
              />
            )}
          </Form.Item>
        </ProForm>
      </ProCard>
    </PageContainer>
  );
}
