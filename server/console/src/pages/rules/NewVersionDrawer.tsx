import { ProCard } from '@ant-design/pro-components';
import {
  TIER_CODES,
  draftOf,
  zonedDayStart,
  type BrandRules,
  type BrandRulesPreviewResponse,
  type CreateBrandRuleVersionRequest,
} from '@tidepool/shared';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Table,
  TimePicker,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../auth/SessionContext';
import { yuan } from '../../format';
import {
  draftToForm,
  fieldErrorsFor,
  FormFieldError,
  formFieldOf,
  formToDraft,
  WEEKDAYS,
  type RulesFormValues,
} from './rules-form';

/** 新建规则版本: the draft form (brand-zone effective time, tiers, member day, windows) and its preview. */
export function NewVersionDrawer({
  open,
  base,
  onClose,
  onSaved,
}: {
  open: boolean;
  base: BrandRules;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { timeZone } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<RulesFormValues & { effective: dayjs.Dayjs; time: dayjs.Dayjs }>();
  const [saving, setSaving] = useState(false);
  const [preview, setPreview] = useState<BrandRulesPreviewResponse | null>(null);
  const [sample, setSample] = useState({
    amountYuan: 68,
    tier: 'GOLD' as (typeof TIER_CODES)[number],
    memberDay: true,
  });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      ...draftToForm(draftOf(base)),
      effective: dayjs().add(1, 'day').startOf('day'),
      time: dayjs('00:00', 'HH:mm'),
    });
    setPreview(null);
  }, [open, base, form]);

  // Field paths come from the server at run time; antd types them as the form's static paths.
  const setFieldErrors = (fields: { name: (string | number)[]; errors: string[] }[]) =>
    form.setFields(fields as Parameters<typeof form.setFields>[0]);

  const draftFromForm = () => {
    try {
      return formToDraft(form.getFieldsValue(true) as RulesFormValues);
    } catch (e) {
      if (e instanceof FormFieldError) setFieldErrors([{ name: formFieldOf(e.field), errors: [e.message] }]);
      return null;
    }
  };

  const runPreview = async () => {
    const draft = draftFromForm();
    if (!draft) return;
    try {
      setPreview(
        await api<BrandRulesPreviewResponse>('POST', '/admin/brand-rules/preview', {
          body: {
            draft,
            amountFen: Math.round(sample.amountYuan * 100),
            tier: sample.tier,
            memberDay: sample.memberDay,
          },
        }),
      );
    } catch (e) {
      if (e instanceof ApiError) setFieldErrors(fieldErrorsFor(e.details));
      message.error(e instanceof ApiError ? e.message : '试算失败');
    }
  };

  const save = async () => {
    const values = await form.validateFields();
    const draft = draftFromForm();
    if (!draft) return;
    const day = values.effective.format('YYYY-MM-DD');
    const minutes = values.time.hour() * 60 + values.time.minute();
    const effectiveFrom = new Date(zonedDayStart(day, timeZone).getTime() + minutes * 60_000).toISOString();
    const body: CreateBrandRuleVersionRequest = { effectiveFrom, note: values.note, draft };
    setSaving(true);
    try {
      await api('POST', '/admin/brand-rules/versions', { body });
      message.success('新版本已保存，将于设定时间生效');
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.details.length > 0)
        setFieldErrors(
          fieldErrorsFor(e.details).map((f) => (f.name[0] === 'effectiveDate' ? { ...f, name: ['effective'] } : f)),
        );
      message.error(e instanceof ApiError ? e.message : '保存失败，请稍后重试');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      title="新建规则版本"
      width={880}
      open={open}
      onClose={onClose}
      destroyOnClose
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            保存版本
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={`生效时间按品牌时区（${timeZone}）填写，须晚于当前时间；已下单、已入账的不受影响。`}
      />
      <Form form={form} layout="vertical" requiredMark>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="effective" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="time" label="生效时刻" rules={[{ required: true, message: '请选择时刻' }]}>
              <TimePicker format="HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="note" label="变更说明">
              <Input maxLength={200} placeholder="例如：会员日门槛 ¥68 调整为 ¥58" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>会员等级</Typography.Title>
        <Form.List name="tiers">
          {(fields) =>
            fields.map((field) => (
              <Row gutter={12} key={field.key}>
                <Col span={5}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label="名称"
                    rules={[{ required: true, message: '请填写名称' }]}
                  >
                    <Input maxLength={16} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item
                    name={[field.name, 'minGrowth']}
                    label="成长值门槛"
                    rules={[{ required: true, message: '请填写' }]}
                  >
                    <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item
                    name={[field.name, 'pointsPerYuan']}
                    label="每元积分"
                    rules={[{ required: true, message: '请填写' }]}
                  >
                    <InputNumber min={0} max={100} step={0.1} precision={1} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item
                    name={[field.name, 'memberDayDiscountYuan']}
                    label="会员日立减（元）"
                    rules={[{ required: true, message: '请填写' }]}
                  >
                    <Input prefix="¥" />
                  </Form.Item>
                </Col>
              </Row>
            ))
          }
        </Form.List>
        <Typography.Title level={5}>会员日与生日</Typography.Title>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="memberDayWeekday" label="会员日">
              <Select options={WEEKDAYS.map((label, value) => ({ label, value }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="memberDayThresholdYuan"
              label="会员日门槛（元）"
              rules={[{ required: true, message: '请填写门槛' }]}
            >
              <Input prefix="¥" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="birthdayMultiplier" label="生日积分倍数">
              <InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="birthdayCouponYuan" label="生日券（元）" rules={[{ required: true, message: '请填写' }]}>
              <Input prefix="¥" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>售后与推广</Typography.Title>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="returnWindowDays" label="售后期（天）">
              <InputNumber min={0} max={90} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="orderAutoConfirmDays" label="自动确认收货（天）">
              <InputNumber min={1} max={90} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="protectionDays" label="推广保护期（天）">
              <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="orderProtectionDays" label="下单保护期（天）">
              <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>佣金与提现</Typography.Title>
        <Typography.Paragraph type="secondary">
          未单独设置比例的分销商品按此佣金比例结算；以订单支付时生效的版本为准。直接 + 间接佣金合计不超过 50%。
        </Typography.Paragraph>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item
              name="commissionDirectPercent"
              label="直接佣金（%）"
              rules={[{ required: true, message: '请填写' }]}
            >
              <InputNumber min={0} max={50} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="commissionIndirectPercent"
              label="间接佣金（%）"
              rules={[{ required: true, message: '请填写' }]}
            >
              <InputNumber min={0} max={50} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="withdrawMinYuan" label="最低提现（元）" rules={[{ required: true, message: '请填写' }]}>
              <Input prefix="¥" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="withdrawDailyLimitYuan"
              label="每日提现上限（元）"
              rules={[{ required: true, message: '请填写' }]}
            >
              <Input prefix="¥" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="withdrawReviewThresholdYuan"
              label="超过此金额需审核（元）"
              rules={[{ required: true, message: '请填写' }]}
            >
              <Input prefix="¥" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>入会礼</Typography.Title>
        <Row gutter={12}>
          <Col span={4}>
            <Form.Item name="signupGiftEnabled" label="门店入会送礼" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="signupGiftTitle" label="礼品名称">
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="signupGiftValidDays" label="有效期（天）">
              <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="signupGiftDescription" label="领取说明">
          <Input maxLength={255} />
        </Form.Item>
      </Form>
      <ProCard title="试算" bordered headerBordered size="small">
        <Space wrap>
          <span>订单金额</span>
          <InputNumber
            aria-label="试算金额"
            min={0.01}
            precision={2}
            prefix="¥"
            value={sample.amountYuan}
            onChange={(v) => setSample({ ...sample, amountYuan: Number(v ?? 0) })}
          />
          <Select
            aria-label="试算等级"
            value={sample.tier}
            style={{ width: 120 }}
            onChange={(tier) => setSample({ ...sample, tier })}
            options={base.tierTable.map((t) => ({ label: t.name, value: t.code }))}
          />
          <span>会员日</span>
          <Switch checked={sample.memberDay} onChange={(memberDay) => setSample({ ...sample, memberDay })} />
          <Button onClick={() => void runPreview()}>试算</Button>
        </Space>
        {preview && (
          <Table
            data-testid="rules-preview"
            style={{ marginTop: 12 }}
            size="small"
            pagination={false}
            rowKey="name"
            dataSource={[
              { name: '当前规则', ...preview.current },
              { name: '新版本', ...preview.draft },
            ]}
            columns={[
              { title: '', dataIndex: 'name' },
              { title: '实付', dataIndex: 'payableFen', render: (v: number) => yuan(v) },
              { title: '会员日立减', dataIndex: 'memberDayDiscountFen', render: (v: number) => yuan(v) },
              { title: '获得积分', dataIndex: 'points' },
            ]}
          />
        )}
      </ProCard>
    </Drawer>
  );
}
