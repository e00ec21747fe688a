import { ModalForm, ProFormDigit, ProFormTextArea } from '@ant-design/pro-components';
import { CATALOG_LIMITS, type StockAdjustmentResponse } from '@tidepool/shared';
import { App, Form, Typography } from 'antd';
import { api, ApiError } from '../../api/client';
import { specsLabel, type SkuRow } from './sku-matrix';

/** 调整库存 for one SKU: a signed delta and the reason, which the audit trail keeps. */
export function StockAdjustModal({
  sku,
  onClose,
  onAdjusted,
}: {
  sku: SkuRow | null;
  onClose: () => void;
  onAdjusted: (stock: number) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ delta: number; reason: string }>();
  return (
    <ModalForm<{ delta: number; reason: string }>
      title="调整库存"
      width={460}
      form={form}
      open={sku !== null}
      modalProps={{ destroyOnHidden: true, onCancel: onClose }}
      submitter={{ searchConfig: { submitText: '确认调整' } }}
      onFinish={async (values) => {
        if (!sku?.id) return false;
        try {
          const answer = await api<StockAdjustmentResponse>('POST', `/admin/catalog/skus/${sku.id}/stock-adjustments`, {
            body: { delta: values.delta, reason: values.reason.trim() },
          });
          void message.success(`库存已调整为 ${answer.stock}`);
          onAdjusted(answer.stock);
          return true;
        } catch (e) {
          if (e instanceof ApiError) {
            const fields = e.fieldErrors();
            if (Object.keys(fields).length > 0) {
              form.setFields(
                Object.entries(fields).map(([name, reason]) => ({
                  name: name as 'delta' | 'reason',
                  errors: [reason],
                })),
              );
            } else void message.error(e.message);
          } else void message.error('调整失败，请重试');
          return false;
        }
      }}
    >
      {sku && (
        <Typography.Paragraph type="secondary">
          {specsLabel(sku.specs)}（{sku.code}），当前库存 {sku.stock ?? 0}
        </Typography.Paragraph>
      )}
      <ProFormDigit
        name="delta"
        label="调整数量"
        placeholder="增加填正数，减少填负数，如 -3"
        fieldProps={{
          precision: 0,
          min: -CATALOG_LIMITS.maxStock,
          max: CATALOG_LIMITS.maxStock,
          style: { width: '100%' },
        }}
        rules={[
          { required: true, message: '请输入调整数量' },
          {
            validator: (_r: unknown, v: number | undefined) =>
              v === 0 ? Promise.reject(new Error('调整数量不能为 0')) : Promise.resolve(),
          },
        ]}
      />
      <ProFormTextArea
        name="reason"
        label="调整原因"
        placeholder="如：盘点差异、到货入库、破损报废"
        fieldProps={{ maxLength: 100, showCount: true }}
        rules={[{ required: true, whitespace: true, message: '请填写调整原因' }]}
      />
    </ModalForm>
  );
}
