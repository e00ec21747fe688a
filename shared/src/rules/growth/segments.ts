import { TIER_CODES } from '../loyalty/tiers';
import { LIFECYCLE_STAGES, RELATIONSHIP_LEVELS } from './lifecycle';

/**
 * Segments as data: a rule is a group of conditions combined with AND or OR; a condition may itself be a group.
 * The same rule is evaluated here in memory (over member-facts rows) and compiled to SQL on the server; both must
 * select exactly the same members, which a property test checks on SQLite and MySQL.
 */

const DAY_MS = 86_400_000;

/** How deep groups may nest: the top group is level 1. */
export const SEGMENT_MAX_DEPTH = 3;
/** How many conditions (leaves, over every level) a rule may hold. */
export const SEGMENT_MAX_CONDITIONS = 30;

/** Where a member bought in the last 365 days: online (not a drop), a drop, or a store till. */
export const SEGMENT_CHANNELS = ['ONLINE', 'DROP', 'TILL'] as const;
export type SegmentChannel = (typeof SEGMENT_CHANNELS)[number];

export const SEGMENT_CHANNEL_LABELS: Record<SegmentChannel, string> = {
  ONLINE: '线上商城',
  DROP: '限量发售',
  TILL: '门店收银',
};

/** An inclusive range; a null end is open. At least one end is set. */
export interface SegmentRange {
  min: number | null;
  max: number | null;
}

export type SegmentCondition =
  | { field: 'tier'; op: 'in' | 'notIn'; value: string[] }
  | { field: 'stage'; op: 'in' | 'notIn'; value: string[] }
  | { field: 'relationship'; op: 'in' | 'notIn'; value: string[] }
  | { field: 'homeStore'; op: 'in' | 'notIn'; value: number[] }
  | { field: 'spend365Fen'; op: 'between'; value: SegmentRange }
  | { field: 'orders365'; op: 'between'; value: SegmentRange }
  /** Whole days since the purchase (floor of elapsed 24 h periods), in the range; a member who never bought never matches. */
  | { field: 'lastPurchaseDaysAgo'; op: 'between'; value: SegmentRange }
  | { field: 'lastPurchaseDaysAgo'; op: 'never' }
  | { field: 'firstPurchaseDaysAgo'; op: 'between'; value: SegmentRange }
  | { field: 'birthMonth'; op: 'in'; value: number[] }
  /** in: bought through at least one of the channels in 365 days; notIn: through none of them. */
  | { field: 'channel'; op: 'in' | 'notIn'; value: SegmentChannel[] }
  /** any: bound to some promoter; none: to none; is: to the promoter (member id) in value. */
  | { field: 'promoter'; op: 'any' }
  | { field: 'promoter'; op: 'none' }
  | { field: 'promoter'; op: 'is'; value: number };
// EXTENSION POINT (consent): a `{ field: 'consent'; op: 'granted'; value: <purpose> }` condition belongs here once
// the consent ledger exists. It needs: a catalogue entry below, a case in evaluateCondition (the evaluator would
// then need the member's consents beside the facts row), and a case in the server compiler
// (server/src/modules/segments/segment-sql.ts), which would add an EXISTS over the consent module's public read.

export type SegmentField = SegmentCondition['field'];
export type SegmentOperator = SegmentCondition['op'];

export interface SegmentRule {
  combine: 'and' | 'or';
  conditions: (SegmentCondition | SegmentRule)[];
}

export function isSegmentGroup(node: SegmentCondition | SegmentRule): node is SegmentRule {
  return (node as SegmentRule).combine !== undefined;
}

type ValueKind = 'stringList' | 'idList' | 'monthList' | 'channelList' | 'range' | 'none' | 'id';

interface FieldSpec {
  label: string;
  /** Operator → the kind of value it takes. */
  ops: Partial<Record<SegmentOperator, ValueKind>>;
  /** The allowed strings of a stringList. */
  choices?: readonly string[];
  /** The unit a range is in (for labels and bounds). */
  unit?: 'fen' | 'orders' | 'days';
}

/** The field catalogue: what a condition may test and with which operators. */
export const SEGMENT_FIELDS: Record<SegmentField, FieldSpec> = {
  tier: { label: '会员等级', ops: { in: 'stringList', notIn: 'stringList' }, choices: TIER_CODES },
  stage: { label: '生命周期阶段', ops: { in: 'stringList', notIn: 'stringList' }, choices: LIFECYCLE_STAGES },
  relationship: { label: '关系等级', ops: { in: 'stringList', notIn: 'stringList' }, choices: RELATIONSHIP_LEVELS },
  homeStore: { label: '常去门店', ops: { in: 'idList', notIn: 'idList' } },
  spend365Fen: { label: '近365天消费金额', ops: { between: 'range' }, unit: 'fen' },
  orders365: { label: '近365天订单数', ops: { between: 'range' }, unit: 'orders' },
  lastPurchaseDaysAgo: { label: '最近一次购买（天前）', ops: { between: 'range', never: 'none' }, unit: 'days' },
  firstPurchaseDaysAgo: { label: '首次购买（天前）', ops: { between: 'range' }, unit: 'days' },
  birthMonth: { label: '生日月份', ops: { in: 'monthList' } },
  channel: { label: '购买渠道', ops: { in: 'channelList', notIn: 'channelList' } },
  promoter: { label: '推广员绑定', ops: { any: 'none', none: 'none', is: 'id' } },
};

export const SEGMENT_OPERATOR_LABELS: Record<SegmentOperator, string> = {
  in: '属于',
  notIn: '不属于',
  between: '介于',
  never: '从未购买',
  any: '已绑定任一推广员',
  none: '未绑定推广员',
  is: '绑定指定推广员',
};

export interface SegmentProblem {
  /** Where in the rule, e.g. `conditions[2].field` or `conditions[0].conditions[1].value.min`. */
  path: string;
  message: string;
}

const MAX_RANGE = 1_000_000_000;
const MAX_LIST = 100;

/** What is wrong with a rule (empty when it is usable), each problem naming its path. */
export function segmentRuleProblems(rule: unknown): SegmentProblem[] {
  const problems: SegmentProblem[] = [];
  let leaves = 0;
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

  const group = (node: unknown, path: string, depth: number): void => {
    if (!isObject(node)) return void problems.push({ path: path || 'rule', message: '条件组格式有误' });
    if (depth > SEGMENT_MAX_DEPTH) {
      return void problems.push({ path: path || 'rule', message: `条件组最多嵌套 ${SEGMENT_MAX_DEPTH} 层` });
    }
    if (node.combine !== 'and' && node.combine !== 'or') {
      problems.push({ path: join(path, 'combine'), message: '请选择“且”或“或”' });
    }
    if (!Array.isArray(node.conditions)) {
      return void problems.push({ path: join(path, 'conditions'), message: '条件须为列表' });
    }
    node.conditions.forEach((child: unknown, i: number) => {
      const at = join(path, `conditions[${i}]`);
      if (isObject(child) && 'combine' in child) group(child, at, depth + 1);
      else {
        leaves += 1;
        condition(child, at);
      }
    });
  };

  const condition = (node: unknown, path: string): void => {
    if (!isObject(node)) return void problems.push({ path, message: '条件格式有误' });
    const field = node.field;
    if (typeof field !== 'string' || !Object.hasOwn(SEGMENT_FIELDS, field)) {
      return void problems.push({ path: join(path, 'field'), message: `未知的条件字段：${String(field)}` });
    }
    const spec = SEGMENT_FIELDS[field as SegmentField];
    const op = node.op;
    if (typeof op !== 'string' || !Object.hasOwn(spec.ops, op)) {
      return void problems.push({ path: join(path, 'op'), message: `“${spec.label}”不支持该运算：${String(op)}` });
    }
    const kind = spec.ops[op as SegmentOperator]!;
    const valuePath = join(path, 'value');
    const value = node.value;
    const list = (ok: (item: unknown) => boolean, what: string) => {
      if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LIST) {
        return void problems.push({ path: valuePath, message: `请选择 1-${MAX_LIST} 个${what}` });
      }
      value.forEach((item: unknown, i: number) => {
        if (!ok(item)) problems.push({ path: `${valuePath}[${i}]`, message: `无效的${what}：${String(item)}` });
      });
    };
    const positiveId = (item: unknown) => Number.isSafeInteger(item) && (item as number) > 0;
    switch (kind) {
      case 'stringList':
        return list((item) => typeof item === 'string' && spec.choices!.includes(item), spec.label);
      case 'idList':
        return list(positiveId, '门店');
      case 'monthList':
        return list((item) => Number.isSafeInteger(item) && (item as number) >= 1 && (item as number) <= 12, '月份');
      case 'channelList':
        return list((item) => (SEGMENT_CHANNELS as readonly unknown[]).includes(item), '渠道');
      case 'id':
        if (!positiveId(value)) problems.push({ path: valuePath, message: '请选择推广员' });
        return;
      case 'none':
        if (value !== undefined && value !== null) problems.push({ path: valuePath, message: '该运算不需要取值' });
        return;
      case 'range': {
        if (!isObject(value)) return void problems.push({ path: valuePath, message: '请填写范围' });
        const bound = (key: 'min' | 'max') => {
          const v = value[key];
          if (v === null || v === undefined) return null;
          if (!Number.isSafeInteger(v) || (v as number) < 0 || (v as number) > MAX_RANGE) {
            problems.push({ path: `${valuePath}.${key}`, message: `须为 0 到 ${MAX_RANGE} 的整数` });
            return null;
          }
          return v as number;
        };
        const min = bound('min');
        const max = bound('max');
        const given = (key: 'min' | 'max') => value[key] !== null && value[key] !== undefined;
        if (!given('min') && !given('max')) problems.push({ path: valuePath, message: '请至少填写最小值或最大值' });
        if (min !== null && max !== null && min > max) {
          problems.push({ path: `${valuePath}.max`, message: '最大值不能小于最小值' });
        }
        return;
      }
    }
  };

  group(rule, '', 1);
  if (leaves > SEGMENT_MAX_CONDITIONS) {
    problems.push({ path: 'conditions', message: `条件最多 ${SEGMENT_MAX_CONDITIONS} 个（现有 ${leaves} 个）` });
  }
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The columns of a member-facts row a segment reads (the server's member_facts table has these and more). */
export interface SegmentFactsRow {
  memberId: number;
  tierKey: string | null;
  stage: string;
  relationship: string;
  homeStoreId: number | null;
  spend365Fen: number;
  orders365: number;
  onlineOrders365: number;
  dropOrders365: number;
  tillOrders365: number;
  lastPurchaseAt: Date | null;
  firstPurchaseAt: Date | null;
  birthMonth: number | null;
  promoterId: number | null;
}

/**
 * A purchase is `d` whole days ago when now − t is in [d·24 h, (d+1)·24 h). A days-ago range [min, max] is thus the
 * instants after `now − (max+1)·24 h` and at or before `now − min·24 h`; the SQL compiler uses these same bounds.
 */
export function daysAgoBounds(range: SegmentRange, now: Date): { after: Date | null; atOrBefore: Date | null } {
  return {
    after: range.max === null ? null : new Date(now.getTime() - (range.max + 1) * DAY_MS),
    atOrBefore: range.min === null ? null : new Date(now.getTime() - range.min * DAY_MS),
  };
}

const CHANNEL_COLUMN: Record<SegmentChannel, 'onlineOrders365' | 'dropOrders365' | 'tillOrders365'> = {
  ONLINE: 'onlineOrders365',
  DROP: 'dropOrders365',
  TILL: 'tillOrders365',
};
export const SEGMENT_CHANNEL_COLUMNS = CHANNEL_COLUMN;

/**
 * Whether the member's facts satisfy the rule (assumed valid: see segmentRuleProblems). An empty AND group is
 * everyone, an empty OR group nobody. A null column never satisfies `in` and always satisfies `notIn` (a member
 * with no known home store is not in store 3).
 */
export function segmentMatches(rule: SegmentRule, facts: SegmentFactsRow, now: Date): boolean {
  const results = rule.conditions.map((node) =>
    isSegmentGroup(node) ? segmentMatches(node, facts, now) : evaluateCondition(node, facts, now),
  );
  return rule.combine === 'and' ? results.every(Boolean) : results.some(Boolean);
}

function evaluateCondition(c: SegmentCondition, f: SegmentFactsRow, now: Date): boolean {
  const inRange = (v: number, r: SegmentRange) => (r.min === null || v >= r.min) && (r.max === null || v <= r.max);
  const daysAgo = (t: Date | null, r: SegmentRange) => {
    if (t === null) return false;
    const { after, atOrBefore } = daysAgoBounds(r, now);
    return (
      (after === null || t.getTime() > after.getTime()) && (atOrBefore === null || t.getTime() <= atOrBefore.getTime())
    );
  };
  const member = <T>(v: T | null, list: readonly T[], op: 'in' | 'notIn') =>
    op === 'in' ? v !== null && list.includes(v) : v === null || !list.includes(v);
  switch (c.field) {
    case 'tier':
      return member(f.tierKey, c.value, c.op);
    case 'stage':
      return member(f.stage, c.value, c.op);
    case 'relationship':
      return member(f.relationship, c.value, c.op);
    case 'homeStore':
      return member(f.homeStoreId, c.value, c.op);
    case 'spend365Fen':
      return inRange(f.spend365Fen, c.value);
    case 'orders365':
      return inRange(f.orders365, c.value);
    case 'lastPurchaseDaysAgo':
      return c.op === 'never' ? f.lastPurchaseAt === null : daysAgo(f.lastPurchaseAt, c.value);
    case 'firstPurchaseDaysAgo':
      return daysAgo(f.firstPurchaseAt, c.value);
    case 'birthMonth':
      return f.birthMonth !== null && c.value.includes(f.birthMonth);
    case 'channel': {
      const bought = c.value.some((channel) => f[CHANNEL_COLUMN[channel]] > 0);
      return c.op === 'in' ? bought : !bought;
    }
    case 'promoter':
      if (c.op === 'any') return f.promoterId !== null;
      if (c.op === 'none') return f.promoterId === null;
      return f.promoterId === c.value;
  }
}
