import { TILL_PAYMENT_METHOD_CHOICES } from '../../contracts/pos.contract';
import type { GrowthPaymentMethod } from './growth-rules';
import { inHoldout } from './holdout';
import { LIFECYCLE_STAGES, RELATIONSHIP_LEVELS } from './lifecycle';

const DAY_MS = 86_400_000;

/** What sets a campaign off. */
export const CAMPAIGN_TRIGGER_KINDS = ['ORDER_PAID', 'SIGNED_UP', 'BIRTHDAY', 'STAGE_ENTERED'] as const;
export type CampaignTriggerKind = (typeof CAMPAIGN_TRIGGER_KINDS)[number];

export const CAMPAIGN_TRIGGER_LABELS: Record<CampaignTriggerKind, string> = {
  ORDER_PAID: '支付成功',
  SIGNED_UP: '注册会员',
  BIRTHDAY: '会员生日',
  STAGE_ENTERED: '进入生命周期阶段',
};

/**
 * A paid purchase: an online order (always WeChat Pay) or a till sale (the method the cashier recorded).
 * `categoryId`/`minItems`: at least minItems items of that category in the purchase (only online orders know their
 * items' categories; a till sale never meets such a condition). `goldenWindowDays`: only within that many days of
 * the member's first purchase (the first purchase itself included).
 */
export interface OrderPaidTrigger {
  kind: 'ORDER_PAID';
  minPaidFen: number;
  /** null: any method. */
  paymentMethod: GrowthPaymentMethod | null;
  categoryId?: number | null;
  minItems?: number | null;
  goldenWindowDays?: number | null;
}

export type CampaignTrigger =
  | OrderPaidTrigger
  | { kind: 'SIGNED_UP' }
  | { kind: 'BIRTHDAY' }
  /** A lifecycle stage (LifecycleStage) or relationship level (RelationshipLevel) the member entered. */
  | { kind: 'STAGE_ENTERED'; stage: string };

export const CAMPAIGN_ACTION_KINDS = ['ISSUE_COUPON', 'GRANT_POINTS'] as const;
export type CampaignActionKind = (typeof CAMPAIGN_ACTION_KINDS)[number];

export type CampaignAction =
  { kind: 'ISSUE_COUPON'; couponTemplateId: number; validDays: number } | { kind: 'GRANT_POINTS'; points: number };

/** Every limit is optional (null = none). Times are ISO-8601 instants. */
export interface CampaignLimits {
  /** Grants per member over the campaign's life. */
  perMember: number | null;
  /** Total cost of the grants, in fen (a coupon costs its largest possible discount). */
  budgetFen: number | null;
  /** Total number of grants. */
  budgetCount: number | null;
  startsAt: string | null;
  endsAt: string | null;
}

/** One version of a campaign: what the operator configured. Stored as JSON; a new edit is a new version. */
export interface CampaignDefinition {
  trigger: CampaignTrigger;
  action: CampaignAction;
  limits: CampaignLimits;
  /** Share of members who get nothing (measured against), in basis points; 0 = nobody. */
  holdoutBp: number;
}

export interface CampaignProblem {
  field: string;
  reason: string;
}

/** Something that happened to a member, as a campaign's trigger judges it. */
export type CampaignFact =
  | {
      kind: 'ORDER_PAID';
      paidAt: Date;
      paidFen: number;
      paymentMethod: GrowthPaymentMethod;
      /** The member's first paid purchase (this one when it is the first; null read as this one). */
      firstPurchaseAt: Date | null;
      /** Items per category in the purchase; null when unknown (a till sale). */
      categoryItems: Readonly<Record<number, number>> | null;
    }
  | { kind: 'SIGNED_UP'; at: Date }
  | { kind: 'BIRTHDAY'; at: Date }
  | { kind: 'STAGE_ENTERED'; stage: string; at: Date };

export function campaignFactTime(fact: CampaignFact): Date {
  return fact.kind === 'ORDER_PAID' ? fact.paidAt : fact.at;
}

const isWhole = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;

const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));

/** Stages a STAGE_ENTERED trigger may name. */
export const CAMPAIGN_STAGES: readonly string[] = [...LIFECYCLE_STAGES, ...RELATIONSHIP_LEVELS];

/**
 * What is wrong with a definition (empty when usable), each problem naming its field as a dotted path
 * (`limits.budgetFen`) and a Chinese reason. Whether a coupon template exists is the server's to check.
 */
export function campaignDefinitionProblems(definition: CampaignDefinition): CampaignProblem[] {
  const problems: CampaignProblem[] = [];
  const add = (field: string, reason: string) => problems.push({ field, reason });
  const d = (definition ?? {}) as Partial<CampaignDefinition>;
  const trigger = (d.trigger ?? {}) as Partial<OrderPaidTrigger> & { kind?: string; stage?: unknown };
  if (!CAMPAIGN_TRIGGER_KINDS.includes(trigger.kind as CampaignTriggerKind)) {
    add('trigger.kind', '触发条件须为支付成功、注册会员、会员生日或进入阶段之一');
  } else if (trigger.kind === 'ORDER_PAID') {
    if (!isWhole(trigger.minPaidFen, 0, 100_000_000)) add('trigger.minPaidFen', '最低实付金额须为 0–100 万元');
    const methods = TILL_PAYMENT_METHOD_CHOICES.map((c) => c.method as string);
    if (trigger.paymentMethod !== null && !methods.includes(trigger.paymentMethod as string)) {
      add('trigger.paymentMethod', '支付方式须为微信支付、支付宝、现金、银行卡或不限');
    }
    const hasCategory = trigger.categoryId !== undefined && trigger.categoryId !== null;
    const hasItems = trigger.minItems !== undefined && trigger.minItems !== null;
    if (hasCategory !== hasItems) add(hasCategory ? 'trigger.minItems' : 'trigger.categoryId', '类目与件数须同时填写');
    if (hasCategory && !isWhole(trigger.categoryId, 1, 2 ** 31 - 1)) add('trigger.categoryId', '类目无效');
    if (hasItems && !isWhole(trigger.minItems, 1, 999)) add('trigger.minItems', '件数须为 1–999');
    if (
      trigger.goldenWindowDays !== undefined &&
      trigger.goldenWindowDays !== null &&
      !isWhole(trigger.goldenWindowDays, 1, 365)
    ) {
      add('trigger.goldenWindowDays', '首购后天数须为 1–365');
    }
  } else if (trigger.kind === 'STAGE_ENTERED' && !CAMPAIGN_STAGES.includes(trigger.stage as string)) {
    add('trigger.stage', '请选择生命周期阶段或关系层级');
  }

  const action = (d.action ?? {}) as {
    kind?: string;
    couponTemplateId?: unknown;
    validDays?: unknown;
    points?: unknown;
  };
  if (action.kind === 'ISSUE_COUPON') {
    if (!isWhole(action.couponTemplateId, 1, 2 ** 31 - 1)) add('action.couponTemplateId', '请选择优惠券模板');
    if (!isWhole(action.validDays, 1, 365)) add('action.validDays', '券有效天数须为 1–365');
  } else if (action.kind === 'GRANT_POINTS') {
    if (!isWhole(action.points, 1, 100_000)) add('action.points', '赠送积分须为 1–100000');
  } else {
    add('action.kind', '奖励须为发券或赠送积分');
  }

  const limits = (d.limits ?? {}) as Partial<CampaignLimits>;
  const optionalWhole = (name: keyof CampaignLimits, min: number, max: number, reason: string) => {
    const value = limits[name];
    if (value !== null && value !== undefined && !isWhole(value, min, max)) add(`limits.${name}`, reason);
  };
  optionalWhole('perMember', 1, 1000, '每人限领须为 1–1000');
  optionalWhole('budgetFen', 1, 1_000_000_000, '预算金额须为 0.01–1000 万元');
  optionalWhole('budgetCount', 1, 10_000_000, '预算份数须为 1–1000 万');
  for (const name of ['startsAt', 'endsAt'] as const) {
    const value = limits[name];
    if (value !== null && value !== undefined && !isInstant(value)) add(`limits.${name}`, '时间格式无效');
  }
  if (
    isInstant(limits.startsAt) &&
    isInstant(limits.endsAt) &&
    Date.parse(limits.endsAt) <= Date.parse(limits.startsAt)
  ) {
    add('limits.endsAt', '结束时间须晚于开始时间');
  }
  if (!isWhole(d.holdoutBp, 0, 5000)) add('holdoutBp', '对照组比例须为 0%–50%');
  return problems;
}

/** Whether the campaign runs at this instant (start included, end excluded). */
export function campaignOpenAt(limits: CampaignLimits, at: Date): boolean {
  const t = at.getTime();
  if (limits.startsAt && t < Date.parse(limits.startsAt)) return false;
  if (limits.endsAt && t >= Date.parse(limits.endsAt)) return false;
  return true;
}

/**
 * Whether a fact meets a trigger (limits, holdout and budget are judged apart). The golden window is judged on
 * instants as in goldenWindowCouponDue: it opens at the first purchase and closes goldenWindowDays × 24 h later,
 * that end instant included.
 */
export function campaignTriggerMatches(trigger: CampaignTrigger, fact: CampaignFact): boolean {
  if (trigger.kind !== fact.kind) return false;
  if (trigger.kind === 'STAGE_ENTERED') return fact.kind === 'STAGE_ENTERED' && fact.stage === trigger.stage;
  if (trigger.kind !== 'ORDER_PAID' || fact.kind !== 'ORDER_PAID') return true;
  if (!Number.isSafeInteger(fact.paidFen) || fact.paidFen < trigger.minPaidFen) return false;
  if (trigger.paymentMethod !== null && fact.paymentMethod !== trigger.paymentMethod) return false;
  if (trigger.categoryId !== undefined && trigger.categoryId !== null) {
    const items = fact.categoryItems?.[trigger.categoryId] ?? 0;
    if (items < (trigger.minItems ?? 1)) return false;
  }
  if (trigger.goldenWindowDays !== undefined && trigger.goldenWindowDays !== null) {
    const opens = (fact.firstPurchaseAt ?? fact.paidAt).getTime();
    const paid = fact.paidAt.getTime();
    if (paid < opens || paid > opens + trigger.goldenWindowDays * DAY_MS) return false;
  }
  return true;
}

export type CampaignVerdict = 'NO_MATCH' | 'CLOSED' | 'HELD_OUT' | 'QUALIFIES';

/**
 * The pure part of evaluating a campaign for one member and fact: does it trigger, is the campaign running, and
 * is the member in its holdout (shared `inHoldout` keyed by the campaign key). Budgets and per-member limits need
 * counters and are the server's.
 */
export function judgeCampaign(
  campaignKey: string,
  definition: CampaignDefinition,
  memberId: number,
  fact: CampaignFact,
): CampaignVerdict {
  if (!campaignTriggerMatches(definition.trigger, fact)) return 'NO_MATCH';
  if (!campaignOpenAt(definition.limits, campaignFactTime(fact))) return 'CLOSED';
  if (definition.holdoutBp > 0 && inHoldout(memberId, campaignKey, definition.holdoutBp)) return 'HELD_OUT';
  return 'QUALIFIES';
}

/** The shipped post-purchase campaign's definition, from the growth rules' numbers (coupon template by id). */
export function goldenWindowCampaign(
  couponTemplateId: number,
  rules: { goldenWindowDays: number; goldenThresholdFen: number; goldenPaymentMethod: GrowthPaymentMethod },
): CampaignDefinition {
  return {
    trigger: {
      kind: 'ORDER_PAID',
      minPaidFen: rules.goldenThresholdFen,
      paymentMethod: rules.goldenPaymentMethod,
      goldenWindowDays: rules.goldenWindowDays,
    },
    action: { kind: 'ISSUE_COUPON', couponTemplateId, validDays: 7 },
    limits: { perMember: null, budgetFen: null, budgetCount: null, startsAt: null, endsAt: null },
    holdoutBp: 0,
  };
}
