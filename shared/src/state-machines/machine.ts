/**
 * Lifecycles as data (docs/contributing.md "Lifecycles are data"): a machine is a transitions table `{from, event, to}` plus
 * the actions each actor may take in each state. The server enforces the table; the mini program reads the same
 * table to decide which buttons to show, so a button never offers what the server would refuse.
 *
 * Idempotency: callbacks and clicks arrive twice (a payment notification retried, a double tap). `applyEvent`
 * treats an event as a repeat when the current state can be reached from where that event leads (a duplicate PAY
 * for a FULFILLED order: PAY leads to PAID, and FULFILLED comes after PAID) and answers `changed: false` instead
 * of moving backwards. Anything else that is not a transition is a conflict and throws.
 */
import type { ErrorCode } from '../contracts/error-codes';

export type Actor = 'MEMBER' | 'STAFF' | 'SYSTEM';

export interface Transition<S extends string, E extends string> {
  from: S;
  event: E;
  to: S;
}

export interface ActionRule<S extends string, E extends string, A extends string> {
  action: A;
  actor: Actor;
  /** States in which the action is offered. */
  states: readonly S[];
  /** The event the action fires, or null when it starts something that fires one later (pay → payment notice). */
  event: E | null;
}

export interface MachineDefinition<S extends string, E extends string, A extends string> {
  name: string;
  states: readonly S[];
  transitions: readonly Transition<S, E>[];
  actions: readonly ActionRule<S, E, A>[];
  /** The API error for an illegal transition. */
  conflictCode: ErrorCode;
}

export interface EventResult<S extends string> {
  state: S;
  changed: boolean;
}

export class IllegalTransitionError extends Error {
  override readonly name = 'IllegalTransitionError';
  constructor(
    readonly code: ErrorCode,
    readonly machine: string,
    readonly state: string,
    readonly event: string,
  ) {
    super(`${machine}: ${event} is not allowed in ${state}`);
  }
}

export interface StateMachine<S extends string, E extends string, A extends string> extends MachineDefinition<S, E, A> {
  canTransition(state: S, event: E): boolean;
  /** The state `event` leads to, or null when it is not a transition from `state`. */
  nextState(state: S, event: E): S | null;
  /** Moves on, answers `changed: false` for a repeat, throws IllegalTransitionError otherwise. */
  applyEvent(state: S, event: E): EventResult<S>;
  /** What `actor` may do in `state`, in table order. */
  allowedActions(state: S, actor?: Actor): A[];
  isTerminal(state: S): boolean;
}

/** Builds a machine from its table, refusing tables that are ambiguous or refer to unknown states. */
export function defineMachine<S extends string, E extends string, A extends string>(
  definition: MachineDefinition<S, E, A>,
): StateMachine<S, E, A> {
  const { name, states, transitions, actions, conflictCode } = definition;
  const known = new Set<string>(states);
  const next = new Map<string, S>();
  for (const t of transitions) {
    if (!known.has(t.from) || !known.has(t.to)) throw new Error(`${name}: unknown state in ${t.from} -> ${t.to}`);
    const key = `${t.from}|${t.event}`;
    if (next.has(key)) throw new Error(`${name}: ${t.event} from ${t.from} is defined twice`);
    next.set(key, t.to);
  }
  const nextState = (state: S, event: E): S | null => next.get(`${state}|${event}`) ?? null;
  for (const a of actions) {
    for (const s of a.states) {
      if (!known.has(s)) throw new Error(`${name}: action ${a.action} names unknown state ${s}`);
      if (a.event !== null && nextState(s, a.event) === null) {
        throw new Error(`${name}: action ${a.action} fires ${a.event}, which is not allowed in ${s}`);
      }
    }
  }

  /** States reachable from each state, itself included. */
  const reachable = new Map<S, Set<S>>();
  for (const start of states) {
    const seen = new Set<S>([start]);
    for (const s of seen) for (const t of transitions) if (t.from === s) seen.add(t.to);
    reachable.set(start, seen);
  }
  const isRepeat = (state: S, event: E): boolean =>
    transitions.some((t) => t.event === event && (reachable.get(t.to)?.has(state) ?? false));

  return {
    ...definition,
    canTransition: (state, event) => nextState(state, event) !== null,
    nextState,
    applyEvent(state, event) {
      const to = nextState(state, event);
      if (to !== null) return { state: to, changed: true };
      if (isRepeat(state, event)) return { state, changed: false };
      throw new IllegalTransitionError(conflictCode, name, state, event);
    },
    allowedActions: (state, actor = 'MEMBER') =>
      actions.filter((a) => a.actor === actor && a.states.includes(state)).map((a) => a.action),
    isTerminal: (state) => !transitions.some((t) => t.from === state),
  };
}
