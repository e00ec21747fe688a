import type {
  AdminCouponTemplateView,
  AdminIssueCouponsRequest,
  AdminIssueCouponsResponse,
  OperatorMemberSearchResponse,
  OperatorMemberSummary,
} from '@tidepool/shared';
import { DEFAULT_TIER_TABLE, parsePhoneList } from '@tidepool/shared';
import { Alert, App, Button, Form, Input, List, Modal, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';

interface IssueValues {
  target: 'PHONES' | 'TIER';
  phones?: string;
  tier?: 'NORMAL' | 'SILVER' | 'GOLD';
}

/** A batch key per opening of the modal: a retry of the same submit (timeout, double click) issues nobody twice. */
const newBatch = () => `console-${Date.now().toString(36)}`;

/** 发放优惠券: to pasted phones (looked up, unknown ones reported) or to a whole tier. */
export function IssueModal({
  template,
  open,
  onClose,
}: {
  template: AdminCouponTemplateView;
  open: boolean;
  onClose: (changed: boolean) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<IssueValues>();
  const [batch, setBatch] = useState(newBatch);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AdminIssueCouponsResponse | null>(null);
  const [found, setFound] = useState<{ phone: string; member: OperatorMemberSummary | null }[] | null>(null);
  const target = Form.useWatch('target', form);

  useEffect(() => {
    if (open) {
      setBatch(newBatch());
      setResult(null);
      setFound(null);
      form.resetFields();
    }
  }, [open, form]);

  /** 核对: looks each pasted phone up (at most 20), showing the masked phone and tier found. */
  const check = async () => {
    const { phones, invalid } = parsePhoneList(String(form.getFieldValue('phones') ?? ''));
    if (invalid.length > 0) {
      form.setFields([{ name: 'phones', errors: [`这些不是手机号：${invalid.join('、')}`] }]);
      return;
    }
    const rows = await Promise.all(
      phones.slice(0, 20).map(async (phone) => {
        const page = await api<OperatorMemberSearchResponse>('GET', '/admin/members', { query: { phone } });
        return { phone, member: page.items[0] ?? null };
      }),
    );
    setFound(rows);
  };

  const submit = async () => {
    const values = await form.validateFields();
    let body: AdminIssueCouponsRequest;
    if (values.target === 'PHONES') {
      const { phones, invalid } = parsePhoneList(values.phones ?? '');
      if (invalid.length > 0 || phones.length === 0) {
        form.setFields([
          { name: 'phones', errors: [invalid.length > 0 ? `这些不是手机号：${invalid.join('、')}` : '请填写手机号'] },
        ]);
        return;
      }
      body = { batch, phones };
    } else {
      body = { batch, tier: values.tier };
    }
    setBusy(true);
    try {
      const answer = await api<AdminIssueCouponsResponse>('POST', `/admin/coupon-templates/${template.id}/issue`, {
        body,
      });
      setResult(answer);
      void message.success(`已发放 ${answer.issued} 张`);
    } catch (error) {
      if (error instanceof ApiError) {
        const fields = error.fieldErrors();
        if (fields.phones) form.setFields([{ name: 'phones', errors: [fields.phones] }]);
        void message.error(error.message);
      } else throw error;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`发放「${template.name}」`}
      open={open}
      onCancel={() => onClose(result !== null)}
      width={560}
      footer={
        result ? (
          <Button type="primary" onClick={() => onClose(true)}>
            完成
          </Button>
        ) : (
          <Space>
            <Button onClick={() => onClose(false)}>取消</Button>
            <Button type="primary" loading={busy} onClick={() => void submit()}>
              确认发放
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="issue-result">
          <Alert
            type="success"
            showIcon
            message={`成功发放 ${result.issued} 张`}
            description={result.alreadyHad > 0 ? `${result.alreadyHad} 位会员在本批次已发放过，未重复发放` : undefined}
          />
          {result.unknownPhones.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message={`${result.unknownPhones.length} 个手机号未找到会员，未发放`}
              description={result.unknownPhones.join('、')}
            />
          )}
        </Space>
      ) : (
        <Form form={form} layout="vertical" initialValues={{ target: 'PHONES', tier: 'GOLD' }}>
          <Form.Item name="target" label="发放对象">
            <Radio.Group
              options={[
                { label: '按手机号', value: 'PHONES' },
                { label: '按会员等级', value: 'TIER' },
              ]}
            />
          </Form.Item>
          {target === 'TIER' ? (
            <Form.Item name="tier" label="会员等级" extra="发给该等级的全部会员，受总库存限制">
              <Select options={DEFAULT_TIER_TABLE.map((t) => ({ label: t.name, value: t.code }))} />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                name="phones"
                label="会员手机号"
                rules={[{ required: true, message: '请填写手机号' }]}
                extra="完整手机号，每行一个（也可用逗号分隔），最多 1000 个"
              >
                <Input.TextArea rows={5} placeholder={'13800138000\n13900139000'} onChange={() => setFound(null)} />
              </Form.Item>
              <Button size="small" onClick={() => void check()}>
                核对会员
              </Button>
              {found && (
                <List
                  size="small"
                  style={{ marginTop: 8 }}
                  dataSource={found}
                  renderItem={(row) => (
                    <List.Item>
                      {row.member ? (
                        <Typography.Text>
                          {row.member.phoneMasked} · {row.member.tier.name} · 会员 #{row.member.id}
                        </Typography.Text>
                      ) : (
                        <Typography.Text type="warning">
                          {row.phone.slice(0, 3)}****{row.phone.slice(-4)} 未找到会员
                        </Typography.Text>
                      )}
                    </List.Item>
                  )}
                />
              )}
            </>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            批次号 {batch}：重复提交同一批次不会重复发放。剩余库存{' '}
            {template.claimTotal === null ? '不限' : `${template.claimTotal - template.claimedCount} 张`}。
          </Typography.Paragraph>
        </Form>
      )}
    </Modal>
  );
}
