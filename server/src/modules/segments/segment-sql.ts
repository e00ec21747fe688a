import {
  daysAgoBounds,
  isSegmentGroup,
  SEGMENT_CHANNEL_COLUMNS,
  type SegmentCondition,
  type SegmentRule,
} from '@tidepool/shared';
import { Brackets, type ObjectLiteral, type SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm';
import { MEMBER_FACTS_ALIAS } from '../member-facts';

/**
 * Compiles a (validated) segment rule to a parameterised WHERE over the member-facts audience query, with the
 * same meaning as the shared in-memory `segmentMatches`: an empty AND group is everyone, an empty OR group nobody;
 * a null column is outside every `in` list and inside every `notIn` list; days-ago ranges become instant bounds
 * computed here from `now` (shared `daysAgoBounds`), so no date arithmetic runs in SQL and SQLite and MySQL agree.
 * Every value is a bound parameter; the only text spliced in are the column names of the catalogue.
 */
export function whereSegment<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  rule: SegmentRule,
  now: Date,
): SelectQueryBuilder<T> {
  const names = { next: 0 };
  return qb.andWhere(new Brackets((where) => group(where, rule, now, names)));
}

const col = (name: string) => `${MEMBER_FACTS_ALIAS}.${name}`;

function group(where: WhereExpressionBuilder, rule: SegmentRule, now: Date, names: { next: number }): void {
  if (rule.conditions.length === 0) {
    where.where(rule.combine === 'and' ? '1 = 1' : '1 = 0');
    return;
  }
  rule.conditions.forEach((node, i) => {
    const add = (sql: Brackets) =>
      i === 0 ? where.where(sql) : rule.combine === 'and' ? where.andWhere(sql) : where.orWhere(sql);
    if (isSegmentGroup(node)) add(new Brackets((inner) => group(inner, node, now, names)));
    else {
      const [sql, params] = condition(node, now, () => `seg${names.next++}`);
      add(new Brackets((inner) => inner.where(sql, params)));
    }
  });
}

function condition(c: SegmentCondition, now: Date, name: () => string): [string, ObjectLiteral] {
  const list = (column: string, op: 'in' | 'notIn', values: readonly unknown[]): [string, ObjectLiteral] => {
    const p = name();
    return op === 'in'
      ? [`${col(column)} IN (:...${p})`, { [p]: values }]
      : [`${col(column)} IS NULL OR ${col(column)} NOT IN (:...${p})`, { [p]: values }];
  };
  const range = (column: string, min: number | null, max: number | null): [string, ObjectLiteral] => {
    const parts: string[] = [];
    const params: ObjectLiteral = {};
    if (min !== null) {
      const p = name();
      parts.push(`${col(column)} >= :${p}`);
      params[p] = min;
    }
    if (max !== null) {
      const p = name();
      parts.push(`${col(column)} <= :${p}`);
      params[p] = max;
    }
    return [parts.join(' AND '), params];
  };
  const daysAgo = (column: string, value: { min: number | null; max: number | null }): [string, ObjectLiteral] => {
    const { after, atOrBefore } = daysAgoBounds(value, now);
    const parts = [`${col(column)} IS NOT NULL`];
    const params: ObjectLiteral = {};
    if (after !== null) {
      const p = name();
      parts.push(`${col(column)} > :${p}`);
      params[p] = after;
    }
    if (atOrBefore !== null) {
      const p = name();
      parts.push(`${col(column)} <= :${p}`);
      params[p] = atOrBefore;
    }
    return [parts.join(' AND '), params];
  };
  switch (c.field) {
    case 'tier':
      return list('tierKey', c.op, c.value);
    case 'stage':
      return list('stage', c.op, c.value);
    case 'relationship':
      return list('relationship', c.op, c.value);
    case 'homeStore':
      return list('homeStoreId', c.op, c.value);
    case 'spend365Fen':
      return range('spend365Fen', c.value.min, c.value.max);
    case 'orders365':
      return range('orders365', c.value.min, c.value.max);
    case 'lastPurchaseDaysAgo':
      return c.op === 'never' ? [`${col('lastPurchaseAt')} IS NULL`, {}] : daysAgo('lastPurchaseAt', c.value);
    case 'firstPurchaseDaysAgo':
      return daysAgo('firstPurchaseAt', c.value);
    case 'birthMonth':
      return list('birthMonth', 'in', c.value);
    case 'channel': {
      const bought = c.value.map((channel) => `${col(SEGMENT_CHANNEL_COLUMNS[channel])} > 0`).join(' OR ');
      return [c.op === 'in' ? bought : `NOT (${bought})`, {}];
    }
    case 'promoter': {
      if (c.op === 'any') return [`${col('promoterId')} IS NOT NULL`, {}];
      if (c.op === 'none') return [`${col('promoterId')} IS NULL`, {}];
      const p = name();
      return [`${col('promoterId')} = :${p}`, { [p]: c.value }];
    }
    // EXTENSION POINT (consent): a `consent` condition compiles here to an EXISTS over the consent module's
    // public read (see the note beside SegmentCondition in shared/src/rules/growth/segments.ts).
  }
}
