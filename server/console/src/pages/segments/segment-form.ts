import {
  LIFECYCLE_STAGE_LABELS,
  RELATIONSHIP_LEVEL_LABELS,
  SEGMENT_CHANNEL_LABELS,
  SEGMENT_FIELDS,
  type SegmentCondition,
  type SegmentField,
  type SegmentOperator,
  type SegmentRule,
  TIER_CODES,
} from '@tidepool/shared';

/** Pure helpers of the segment builder: defaults when a picker changes, option lists, and the server's errors by path. */

export const TIER_LABELS: Record<string, string> = { NORMAL: '普通会员', SILVER: '银卡会员', GOLD: '金卡会员' };

export const FIELD_OPTIONS = (Object.keys(SEGMENT_FIELDS) as SegmentField[]).map((field) => ({
  value: field,
  label: SEGMENT_FIELDS[field].label,
}));

export function operatorsOf(field: SegmentField): SegmentOperator[] {
  return Object.keys(SEGMENT_FIELDS[field].ops) as SegmentOperator[];
}

/** The options a list value picks from (null: ids typed in, e.g. stores). */
export function choicesOf(field: SegmentField): { value: string | number; label: string }[] | null {
  switch (field) {
    case 'tier':
      return TIER_CODES.map((code) => ({ value: code, label: TIER_LABELS[code] ?? code }));
    case 'stage':
      return Object.entries(LIFECYCLE_STAGE_LABELS).map(([value, label]) => ({ value, label }));
    case 'relationship':
      return Object.entries(RELATIONSHIP_LEVEL_LABELS).map(([value, label]) => ({ value, label }));
    case 'channel':
      return Object.entries(SEGMENT_CHANNEL_LABELS).map(([value, label]) => ({ value, label }));
    case 'birthMonth':
      return Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }));
    default:
      return null;
  }
}

/** What kind of value editor the operator needs. */
export function valueKindOf(field: SegmentField, op: SegmentOperator): 'list' | 'range' | 'id' | 'none' {
  const kind = SEGMENT_FIELDS[field].ops[op];
  if (kind === 'range') return 'range';
  if (kind === 'id') return 'id';
  if (kind === 'none' || kind === undefined) return 'none';
  return 'list';
}

/** A fresh condition for a field (its first operator, an empty value the operator then fills). */
export function newCondition(
  field: SegmentField = 'tier',
  op: SegmentOperator = operatorsOf(field)[0],
): SegmentCondition {
  const kind = valueKindOf(field, op);
  const value =
    kind === 'range' ? { min: null, max: null } : kind === 'list' ? [] : kind === 'id' ? undefined : undefined;
  return (value === undefined ? { field, op } : { field, op, value }) as SegmentCondition;
}

export const emptyRule = (): SegmentRule => ({ combine: 'and', conditions: [newCondition()] });

/** Replaces the node at `path` (indexes from the top group) with `next`, returning a new rule. */
export function replaceAt(
  rule: SegmentRule,
  path: readonly number[],
  next: SegmentCondition | SegmentRule | null,
): SegmentRule {
  const [head, ...rest] = path;
  const conditions = [...rule.conditions];
  if (rest.length === 0) {
    if (next === null) conditions.splice(head, 1);
    else conditions[head] = next;
  } else conditions[head] = replaceAt(conditions[head] as SegmentRule, rest, next);
  return { ...rule, conditions };
}

/** Adds a node at the end of the group at `path`. */
export function appendAt(
  rule: SegmentRule,
  path: readonly number[],
  node: SegmentCondition | SegmentRule,
): SegmentRule {
  if (path.length === 0) return { ...rule, conditions: [...rule.conditions, node] };
  const [head, ...rest] = path;
  const conditions = [...rule.conditions];
  conditions[head] = appendAt(conditions[head] as SegmentRule, rest, node);
  return { ...rule, conditions };
}

/** The server's path (`conditions[0].conditions[2].value.min`) of a node at `path`. */
export function pathText(path: readonly number[]): string {
  return path.map((i) => `conditions[${i}]`).join('.');
}

/**
 * The server's SEGMENT_RULE_INVALID details (`rule.conditions[1].field`) grouped by condition row: the row's path
 * text → the reasons named under it.
 */
export function errorsByRow(details: readonly { field: string; reason: string }[]): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const { field, reason } of details) {
    if (!field.startsWith('rule')) continue;
    const match = /^rule\.?((?:conditions\[\d+\]\.?)*)/.exec(field);
    const row = (match?.[1] ?? '').replace(/\.$/, '');
    rows.set(row, [...(rows.get(row) ?? []), reason]);
  }
  return rows;
}

/** 12 345 fen as the yuan an operator types, and back (ranges of spend are edited in yuan). */
export const fenToYuan = (fen: number | null) => (fen === null ? null : fen / 100);
export const yuanToFen = (yuan: number | null | undefined) =>
  yuan === null || yuan === undefined ? null : Math.round(yuan * 100);

/**
 * Whether every condition has its value filled in (a list with something chosen, a range with an end, a promoter
 * id). The builder counts only a complete rule, so a row just added is not reported as an error while the
 * operator is still picking; what is filled in but wrong (a range ending before it starts) is the server's to say.
 */
export function ruleComplete(rule: SegmentRule): boolean {
  return rule.conditions.every((node) => {
    if ('combine' in node) return ruleComplete(node);
    const value = (node as { value?: unknown }).value;
    switch (valueKindOf(node.field, node.op)) {
      case 'list':
        return Array.isArray(value) && value.length > 0;
      case 'range': {
        const range = value as { min: number | null; max: number | null };
        return range.min !== null || range.max !== null;
      }
      case 'id':
        return typeof value === 'number';
      case 'none':
        return true;
    }
  });
}
