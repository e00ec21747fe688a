import type { SegmentRule } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import {
  appendAt,
  errorsByRow,
  newCondition,
  pathText,
  replaceAt,
  ruleComplete,
  valueKindOf,
  yuanToFen,
} from './segment-form';

describe('segment builder helpers', () => {
  it('starts each field with its first operator and an empty value of the right shape', () => {
    expect(newCondition('tier')).toEqual({ field: 'tier', op: 'in', value: [] });
    expect(newCondition('spend365Fen')).toEqual({
      field: 'spend365Fen',
      op: 'between',
      value: { min: null, max: null },
    });
    expect(newCondition('promoter')).toEqual({ field: 'promoter', op: 'any' });
    expect(valueKindOf('promoter', 'is')).toBe('id');
  });

  it('edits nested groups without touching the others', () => {
    const rule: SegmentRule = { combine: 'and', conditions: [newCondition('tier'), { combine: 'or', conditions: [] }] };
    const added = appendAt(rule, [1], newCondition('birthMonth'));
    expect((added.conditions[1] as SegmentRule).conditions).toEqual([{ field: 'birthMonth', op: 'in', value: [] }]);
    expect(rule.conditions[1]).toEqual({ combine: 'or', conditions: [] });
    const removed = replaceAt(added, [1, 0], null);
    expect((removed.conditions[1] as SegmentRule).conditions).toEqual([]);
    expect(pathText([1, 0])).toBe('conditions[1].conditions[0]');
  });

  it('groups the server errors by condition row', () => {
    const rows = errorsByRow([
      { field: 'rule.conditions[1].conditions[0].value.max', reason: '最大值不能小于最小值' },
      { field: 'rule.conditions[2].field', reason: '未知的条件字段：x' },
      { field: 'rule.conditions', reason: '条件最多 30 个' },
    ]);
    expect(rows.get('conditions[1].conditions[0]')).toEqual(['最大值不能小于最小值']);
    expect(rows.get('conditions[2]')).toEqual(['未知的条件字段：x']);
    // A problem of the whole rule (too many conditions) belongs to the top group.
    expect(rows.get('')).toEqual(['条件最多 30 个']);
    expect(yuanToFen(12.34)).toBe(1234);
  });

  it('counts only a rule whose conditions are all filled in', () => {
    expect(ruleComplete({ combine: 'and', conditions: [newCondition('tier')] })).toBe(false);
    expect(ruleComplete({ combine: 'and', conditions: [{ field: 'tier', op: 'in', value: ['GOLD'] }] })).toBe(true);
    const nested: SegmentRule = {
      combine: 'or',
      conditions: [{ combine: 'and', conditions: [newCondition('spend365Fen')] }, newCondition('promoter')],
    };
    expect(ruleComplete(nested)).toBe(false);
    expect(
      ruleComplete(replaceAt(nested, [0, 0], { field: 'spend365Fen', op: 'between', value: { min: 0, max: null } })),
    ).toBe(true);
    expect(ruleComplete({ combine: 'and', conditions: [] })).toBe(true);
  });
});
