import { describe, expect, it } from 'vitest';
import { defineMachine, type MachineDefinition } from './machine';

type S = 'A' | 'B' | 'C';
const base: MachineDefinition<S, 'GO' | 'BACK', 'PUSH'> = {
  name: 'test',
  states: ['A', 'B', 'C'],
  transitions: [
    { from: 'A', event: 'GO', to: 'B' },
    { from: 'B', event: 'GO', to: 'C' },
  ],
  actions: [{ action: 'PUSH', actor: 'MEMBER', states: ['A', 'B'], event: 'GO' }],
  conflictCode: 'ORDER_STATE_CONFLICT',
};

describe('defineMachine', () => {
  it('builds a machine whose repeats are no-ops', () => {
    const m = defineMachine(base);
    expect(m.applyEvent('A', 'GO')).toEqual({ state: 'B', changed: true });
    expect(m.applyEvent('C', 'GO')).toEqual({ state: 'C', changed: false });
    expect(() => m.applyEvent('A', 'BACK')).toThrow(/BACK is not allowed in A/);
  });

  it('refuses an ambiguous table', () => {
    const twice = [...base.transitions, { from: 'A', event: 'GO', to: 'C' } as const];
    expect(() => defineMachine({ ...base, transitions: twice })).toThrow(/defined twice/);
  });

  it('refuses unknown states', () => {
    const unknown = [{ from: 'A', event: 'GO', to: 'Z' as S }];
    expect(() => defineMachine({ ...base, transitions: unknown })).toThrow(/unknown state/);
  });

  it('refuses an action that fires an event its state does not allow', () => {
    const actions = [{ action: 'PUSH', actor: 'MEMBER', states: ['C'], event: 'GO' } as const];
    expect(() => defineMachine({ ...base, actions })).toThrow(/not allowed in C/);
  });
});
