import { describe, expect, it } from 'vitest';
import { changedFields } from './audit-diff';

describe('changedFields', () => {
  it('lists only the fields whose values differ', () => {
    expect(changedFields({ title: 'A', price: 100, tags: ['x'] }, { title: 'A', price: 120, tags: ['x'] })).toEqual([
      { field: 'price', before: '100', after: '120' },
    ]);
  });

  it('shows a created object as every field from empty', () => {
    expect(changedFields(null, { title: '新品' })).toEqual([{ field: 'title', before: '（空）', after: '新品' }]);
  });

  it('shortens long values', () => {
    const [change] = changedFields({ note: '' }, { note: 'x'.repeat(200) });
    expect(change.after.length).toBe(78);
  });
});
