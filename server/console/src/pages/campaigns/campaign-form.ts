import {
  type AdminCampaignRequest,
  type AdminCampaignView,
  CAMPAIGN_TRIGGER_LABELS,
  type CampaignDefinition,
  type CampaignTriggerKind,
  LIFECYCLE_STAGE_LABELS,
  RELATIONSHIP_LEVEL_LABELS,
  TILL_PAYMENT_METHOD_CHOICES,
  type TillPaymentMethod,
} from '@tidepool/shared';

/** The editor's flat form: yuan and percentages as people type them, turned into the definition on submit. */
export interface CampaignFormValues {
  name: string;
  triggerKind: CampaignTriggerKind;
  minPaidYuan: number;
  paymentMethod: TillPaymentMethod | 'ANY';
  categoryId?: number | null;
  minItems?: number | null;
  goldenWindowDays?: number | null;
  stage?: string;
  actionKind: 'ISSUE_COUPON' | 'GRANT_POINTS';
  couponTemplateId?: number | null;
  validDays?: number | null;
  points?: number | null;
  perMember?: number | null;
  budgetYuan?: number | null;
  budgetCount?: number | null;
  /** ISO instants (the picker's values are converted by the page). */
  startsAt?: string | null;
  endsAt?: string | null;
  holdoutPercent: number;
}

export const NEW_CAMPAIGN: CampaignFormValues = {
  name: '',
  triggerKind: 'ORDER_PAID',
  minPaidYuan: 35,
  paymentMethod: 'WECHAT_PAY',
  goldenWindowDays: 14,
  actionKind: 'ISSUE_COUPON',
  validDays: 7,
  holdoutPercent: 0,
};

export const TRIGGER_OPTIONS = (Object.keys(CAMPAIGN_TRIGGER_LABELS) as CampaignTriggerKind[]).map((value) => ({
  value,
  label: CAMPAIGN_TRIGGER_LABELS[value],
}));

export const PAYMENT_OPTIONS = [
  { value: 'ANY', label: '不限' },
  ...TILL_PAYMENT_METHOD_CHOICES.map((c) => ({ value: c.method, label: c.label })),
];

export const STAGE_OPTIONS = [
  ...Object.entries(LIFECYCLE_STAGE_LABELS).map(([value, label]) => ({ value, label: `生命周期：${label}` })),
  ...Object.entries(RELATIONSHIP_LEVEL_LABELS).map(([value, label]) => ({ value, label: `关系层级：${label}` })),
];

const toFen = (yuan: number | null | undefined) =>
  yuan === null || yuan === undefined || Number.isNaN(yuan) ? null : Math.round(yuan * 100);
const orNull = <T>(value: T | null | undefined): T | null => (value === undefined ? null : value);

export function toDefinition(values: CampaignFormValues): CampaignDefinition {
  const trigger: CampaignDefinition['trigger'] =
    values.triggerKind === 'ORDER_PAID'
      ? {
          kind: 'ORDER_PAID',
          minPaidFen: toFen(values.minPaidYuan) ?? 0,
          paymentMethod: values.paymentMethod === 'ANY' ? null : values.paymentMethod,
          categoryId: orNull(values.categoryId),
          minItems: values.categoryId ? (values.minItems ?? 1) : null,
          goldenWindowDays: orNull(values.goldenWindowDays),
        }
      : values.triggerKind === 'STAGE_ENTERED'
        ? { kind: 'STAGE_ENTERED', stage: values.stage ?? '' }
        : { kind: values.triggerKind };
  const action: CampaignDefinition['action'] =
    values.actionKind === 'ISSUE_COUPON'
      ? { kind: 'ISSUE_COUPON', couponTemplateId: values.couponTemplateId ?? 0, validDays: values.validDays ?? 0 }
      : { kind: 'GRANT_POINTS', points: values.points ?? 0 };
  return {
    trigger,
    action,
    limits: {
      perMember: orNull(values.perMember),
      budgetFen: toFen(values.budgetYuan),
      budgetCount: orNull(values.budgetCount),
      startsAt: values.startsAt || null,
      endsAt: values.endsAt || null,
    },
    holdoutBp: Math.round((values.holdoutPercent ?? 0) * 100),
  };
}

export function toCampaignRequest(values: CampaignFormValues): AdminCampaignRequest {
  return { name: values.name.trim(), definition: toDefinition(values) };
}

export function toFormValues(view: Pick<AdminCampaignView, 'name' | 'definition'>): CampaignFormValues {
  const { trigger, action, limits, holdoutBp } = view.definition;
  return {
    name: view.name,
    triggerKind: trigger.kind,
    minPaidYuan: trigger.kind === 'ORDER_PAID' ? trigger.minPaidFen / 100 : 0,
    paymentMethod: trigger.kind === 'ORDER_PAID' ? (trigger.paymentMethod ?? 'ANY') : 'ANY',
    categoryId: trigger.kind === 'ORDER_PAID' ? (trigger.categoryId ?? null) : null,
    minItems: trigger.kind === 'ORDER_PAID' ? (trigger.minItems ?? null) : null,
    goldenWindowDays: trigger.kind === 'ORDER_PAID' ? (trigger.goldenWindowDays ?? null) : null,
    stage: trigger.kind === 'STAGE_ENTERED' ? trigger.stage : undefined,
    actionKind: action.kind,
    couponTemplateId: action.kind === 'ISSUE_COUPON' ? action.couponTemplateId : null,
    validDays: action.kind === 'ISSUE_COUPON' ? action.validDays : null,
    points: action.kind === 'GRANT_POINTS' ? action.points : null,
    perMember: limits.perMember,
    budgetYuan: limits.budgetFen === null ? null : limits.budgetFen / 100,
    budgetCount: limits.budgetCount,
    startsAt: limits.startsAt,
    endsAt: limits.endsAt,
    holdoutPercent: holdoutBp / 100,
  };
}

/** Where each field the server names lives in the form. */
const FIELD_OF: Record<string, string> = {
  name: 'name',
  'trigger.kind': 'triggerKind',
  'trigger.minPaidFen': 'minPaidYuan',
  'trigger.paymentMethod': 'paymentMethod',
  'trigger.categoryId': 'categoryId',
  'trigger.minItems': 'minItems',
  'trigger.goldenWindowDays': 'goldenWindowDays',
  'trigger.stage': 'stage',
  'action.kind': 'actionKind',
  'action.couponTemplateId': 'couponTemplateId',
  'action.validDays': 'validDays',
  'action.points': 'points',
  'limits.perMember': 'perMember',
  'limits.budgetFen': 'budgetYuan',
  'limits.budgetCount': 'budgetCount',
  // The page's date-time range picker holds both ends.
  'limits.startsAt': 'range',
  'limits.endsAt': 'range',
  holdoutBp: 'holdoutPercent',
};

/** The server's 400 details as antd form field errors, beside the inputs they name. */
export function formFieldErrors(fieldErrors: Record<string, string>): { name: string; errors: string[] }[] {
  const out = new Map<string, string[]>();
  for (const [field, reason] of Object.entries(fieldErrors)) {
    const name = FIELD_OF[field.replace(/^definition\./, '')];
    if (name) out.set(name, [...(out.get(name) ?? []), reason]);
  }
  return [...out.entries()].map(([name, errors]) => ({ name, errors }));
}

/** One line a person reads: what sets the campaign off. */
export function triggerText(definition: CampaignDefinition): string {
  const t = definition.trigger;
  if (t.kind !== 'ORDER_PAID') {
    if (t.kind === 'STAGE_ENTERED')
      return `进入「${STAGE_OPTIONS.find((s) => s.value === t.stage)?.label ?? t.stage}」`;
    return CAMPAIGN_TRIGGER_LABELS[t.kind];
  }
  const parts = [`实付满 ${(t.minPaidFen / 100).toFixed(2)} 元`];
  if (t.paymentMethod) parts.push(PAYMENT_OPTIONS.find((p) => p.value === t.paymentMethod)?.label ?? t.paymentMethod);
  if (t.categoryId) parts.push(`类目 #${t.categoryId} 满 ${t.minItems ?? 1} 件`);
  if (t.goldenWindowDays) parts.push(`首购 ${t.goldenWindowDays} 天内`);
  return parts.join(' · ');
}

export function actionText(definition: CampaignDefinition): string {
  const a = definition.action;
  return a.kind === 'ISSUE_COUPON'
    ? `发券（模板 #${a.couponTemplateId}，${a.validDays} 天有效）`
    : `赠送 ${a.points} 积分`;
}
