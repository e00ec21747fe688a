import {
  PageContainer,
  ProCard,
  ProForm,
  ProFormDependency,
  ProFormDateTimeRangePicker,
  ProFormDigit,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
} from '@ant-design/pro-components';
import type {
  AdminCampaignDryRunResponse,
  AdminCampaignView,
  AdminCouponTemplateView,
  CategoryDto,
  Page,
} from '@tidepool/shared';
import { Alert, App, Button, Col, Descriptions, Form, InputNumber, Row, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { yuan } from '../../format';
import {
  type CampaignFormValues,
  formFieldErrors,
  NEW_CAMPAIGN,
  PAYMENT_OPTIONS,
  STAGE_OPTIONS,
  toCampaignRequest,
  toDefinition,
  toFormValues,
  TRIGGER_OPTIONS,
} from './campaign-form';

/** The page's form: the pure values plus the picker's range (dayjs), turned into startsAt/endsAt on submit. */
type EditorValues = CampaignFormValues & { range?: [Dayjs, Dayjs] | null };

function withRange(values: EditorValues): CampaignFormValues {
  const { range, ...rest } = values;
  return { ...rest, startsAt: range?.[0]?.toISOString() ?? null, endsAt: range?.[1]?.toISOString() ?? null };
}

/** 新建 / 编辑营销活动, with a dry run over recent purchases. Server refusals land beside the inputs they name. */
export function CampaignEditor() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditorValues>();
  const [initial, setInitial] = useState<EditorValues | null>(id ? null : NEW_CAMPAIGN);
  const [campaignKey, setCampaignKey] = useState<string | undefined>();
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dryRunDays, setDryRunDays] = useState(1);
  const [dryRun, setDryRun] = useState<AdminCampaignDryRunResponse | null>(null);
  const [dryRunning, setDryRunning] = useState(false);

  useEffect(() => {
    if (!id) return;
    api<AdminCampaignView>('GET', `/admin/campaigns/${id}`)
      .then((view) => {
        const values = toFormValues(view);
        setCampaignKey(view.key);
        setInitial({
          ...values,
          range: values.startsAt && values.endsAt ? [dayjs(values.startsAt), dayjs(values.endsAt)] : null,
        });
      })
      .catch((e: unknown) => setLoadError(e instanceof ApiError ? e.message : '加载失败'));
  }, [id]);

  const showErrors = (error: unknown) => {
    if (!(error instanceof ApiError)) throw error;
    const fields = formFieldErrors(error.fieldErrors());
    if (fields.length > 0) form.setFields(fields as never);
    void message.error(error.message);
  };

  const submit = async (values: EditorValues) => {
    const body = toCampaignRequest(withRange(values));
    try {
      const saved = id
        ? await api<AdminCampaignView>('PUT', `/admin/campaigns/${id}`, { body })
        : await api<AdminCampaignView>('POST', '/admin/campaigns', { body });
      void message.success(id ? `已保存为第 ${saved.version} 版` : '已创建草稿');
      void navigate(`/campaigns/${saved.id}`);
      return true;
    } catch (error) {
      showErrors(error);
      return false;
    }
  };

  const runDryRun = async () => {
    setDryRunning(true);
    try {
      const definition = toDefinition(withRange(form.getFieldsValue(true) as EditorValues));
      setDryRun(
        await api<AdminCampaignDryRunResponse>('POST', '/admin/campaigns/dry-run', {
          body: { definition, days: dryRunDays, ...(campaignKey ? { key: campaignKey } : {}) },
        }),
      );
    } catch (error) {
      setDryRun(null);
      showErrors(error);
    } finally {
      setDryRunning(false);
    }
  };

  const title = id ? '编辑营销活动' : '新建营销活动';
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
    <PageContainer title={title} onBack={() => void navigate(id ? `/campaigns/${id}` : '/campaigns')}>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <ProCard>
            {id && (
              <Alert
                style={{ marginBottom: 16 }}
                type="info"
                showIcon
                message="保存会生成新版本：之后的触发按新版本执行，已发放的记录仍指向原版本。"
              />
            )}
            <ProForm<EditorValues>
              form={form}
              initialValues={initial}
              onFinish={submit}
              layout="horizontal"
              labelCol={{ span: 5 }}
              wrapperCol={{ span: 14 }}
              submitter={{
                searchConfig: { submitText: id ? '保存新版本' : '保存草稿' },
                resetButtonProps: false,
                render: (_, dom) => <Form.Item wrapperCol={{ offset: 5 }}>{dom}</Form.Item>,
              }}
            >
              <ProFormText
                name="name"
                label="活动名称"
                placeholder="如：新客 14 天复购券"
                rules={[{ required: true, message: '请填写活动名称' }, { max: 64 }]}
              />
              <ProFormSelect name="triggerKind" label="触发条件" options={TRIGGER_OPTIONS} allowClear={false} />
              <ProFormDependency name={['triggerKind']}>
                {({ triggerKind }: Partial<EditorValues>) =>
                  triggerKind === 'ORDER_PAID' ? (
                    <>
                      <ProFormDigit
                        name="minPaidYuan"
                        label="实付满"
                        min={0}
                        fieldProps={{ precision: 2, addonAfter: '元' }}
                        rules={[{ required: true, message: '请填写最低实付金额' }]}
                      />
                      <ProFormRadio.Group name="paymentMethod" label="支付方式" options={PAYMENT_OPTIONS} />
                      <ProFormSelect
                        name="categoryId"
                        label="指定类目"
                        placeholder="不限"
                        request={async () =>
                          (await api<CategoryDto[]>('GET', '/admin/catalog/categories')).map((c) => ({
                            label: c.name,
                            value: c.id,
                          }))
                        }
                        extra="仅线上订单可判断类目；门店收银不含商品明细，不满足类目条件。"
                      />
                      <ProFormDigit name="minItems" label="类目件数 ≥" min={1} fieldProps={{ precision: 0 }} />
                      <ProFormDigit
                        name="goldenWindowDays"
                        label="首购后天数内"
                        min={1}
                        max={365}
                        placeholder="不限"
                        fieldProps={{ precision: 0, addonAfter: '天' }}
                        extra="黄金期：会员首次购买起算，首单本身也算在内。"
                      />
                    </>
                  ) : triggerKind === 'STAGE_ENTERED' ? (
                    <ProFormSelect
                      name="stage"
                      label="进入阶段"
                      options={STAGE_OPTIONS}
                      rules={[{ required: true, message: '请选择阶段' }]}
                    />
                  ) : null
                }
              </ProFormDependency>
              <ProFormRadio.Group
                name="actionKind"
                label="奖励"
                options={[
                  { label: '发优惠券', value: 'ISSUE_COUPON' },
                  { label: '赠送积分', value: 'GRANT_POINTS' },
                ]}
              />
              <ProFormDependency name={['actionKind']}>
                {({ actionKind }: Partial<EditorValues>) =>
                  actionKind === 'ISSUE_COUPON' ? (
                    <>
                      <ProFormSelect
                        name="couponTemplateId"
                        label="优惠券模板"
                        showSearch
                        rules={[{ required: true, message: '请选择优惠券模板' }]}
                        request={async () =>
                          (
                            await api<Page<AdminCouponTemplateView>>('GET', '/admin/coupon-templates', {
                              query: { status: 'ACTIVE', pageSize: 50 },
                            })
                          ).items.map((t) => ({ label: `${t.name}（${t.label}）`, value: t.id }))
                        }
                      />
                      <ProFormDigit
                        name="validDays"
                        label="券有效期"
                        min={1}
                        max={365}
                        fieldProps={{ precision: 0, addonAfter: '天' }}
                        rules={[{ required: true, message: '请填写有效天数' }]}
                      />
                    </>
                  ) : (
                    <ProFormDigit
                      name="points"
                      label="赠送积分"
                      min={1}
                      fieldProps={{ precision: 0 }}
                      rules={[{ required: true, message: '请填写积分' }]}
                    />
                  )
                }
              </ProFormDependency>
              <ProFormDigit
                name="perMember"
                label="每人限得"
                min={1}
                placeholder="不限"
                fieldProps={{ precision: 0, addonAfter: '次' }}
              />
              <ProFormDigit
                name="budgetCount"
                label="总预算（份）"
                min={1}
                placeholder="不限"
                fieldProps={{ precision: 0 }}
              />
              <ProFormDigit
                name="budgetYuan"
                label="总预算（金额）"
                min={0.01}
                placeholder="不限"
                fieldProps={{ precision: 2, addonAfter: '元' }}
                extra="按每张券的最大优惠计；无封顶的折扣券请用份数预算。"
              />
              <ProFormDateTimeRangePicker name="range" label="活动时间" placeholder={['不限开始', '不限结束']} />
              <ProFormDigit
                name="holdoutPercent"
                label="对照组比例"
                min={0}
                max={50}
                fieldProps={{ precision: 2, addonAfter: '%' }}
                extra="对照组会员不发放任何奖励，用于衡量活动效果。"
              />
            </ProForm>
          </ProCard>
        </Col>
        <Col xs={24} xl={8}>
          <ProCard title="试算（回放近期消费）" data-testid="dry-run-panel">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space>
                <span>回放最近</span>
                <InputNumber
                  min={1}
                  max={90}
                  precision={0}
                  value={dryRunDays}
                  onChange={(v) => setDryRunDays(v ?? 1)}
                />
                <span>天</span>
                <Button type="primary" loading={dryRunning} onClick={() => void runDryRun()}>
                  试算
                </Button>
              </Space>
              {dryRun === null ? (
                <Typography.Text type="secondary">
                  按当前规则回放已记录的订单和门店消费，估算会触发多少人、花费多少。
                </Typography.Text>
              ) : !dryRun.replayable ? (
                <Alert type="info" message="只有“支付成功”触发的活动可以回放试算。" />
              ) : (
                <Descriptions column={1} size="small" bordered>
                  <Descriptions.Item label="回放消费笔数">{dryRun.purchases}</Descriptions.Item>
                  <Descriptions.Item label="满足条件笔数">{dryRun.qualifyingPurchases}</Descriptions.Item>
                  <Descriptions.Item label="会获得奖励的会员">
                    <span data-testid="dry-run-members">{dryRun.members}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label="发放次数">{dryRun.grants}</Descriptions.Item>
                  <Descriptions.Item label="对照组">{dryRun.heldOut}</Descriptions.Item>
                  <Descriptions.Item label="预计成本">{yuan(dryRun.costFen)}</Descriptions.Item>
                </Descriptions>
              )}
            </Space>
          </ProCard>
        </Col>
      </Row>
    </PageContainer>
  );
}
