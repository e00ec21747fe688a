import {
  IllegalTransitionError,
  LINE_REFUND_TRANSITIONS,
  lineRefundMachine,
  type LineRefundEvent,
  type LineRefundState,
  orderMachine,
  type OrderEvent,
  type OrderState,
} from '@tidepool/shared';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { affectedRows } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { OrderItem } from './order-item.entity';
import { Order } from './order.entity';

// Every order and line state change goes through here (creation inserts the initial state; docs/contributing.md
// "Lifecycles are data"): the shared transition table decides the next state or refuses the event, and the write
// is one conditional UPDATE on the state it was decided from, so a concurrent writer makes it move nothing instead
// of overwriting.

/** The state after these events, in order, by the shared order table; an illegal one is ORDER_STATE_CONFLICT. */
export function orderStateAfter(from: OrderState, ...events: OrderEvent[]): OrderState {
  let state = from;
  for (const event of events)
    state = applyOr('ORDER_STATE_CONFLICT', () => orderMachine.applyEvent(state, event).state);
  return state;
}

/**
 * Moves the orders that are still in `from` by the events (UPDATE … WHERE id IN (…) AND state = from, plus the
 * optional guard) and answers how many moved: fewer than asked means another writer got there first.
 */
export async function moveOrders(
  manager: EntityManager,
  ids: readonly number[],
  from: OrderState,
  events: OrderEvent[],
  columns: QueryDeepPartialEntity<Order> = {},
  guard?: string,
): Promise<number> {
  const to = orderStateAfter(from, ...events);
  return conditionalMove(manager, Order, ids, { state: to }, 'state', from, columns, guard);
}

/** Moves order lines still in `from` by a line-refund event (same conditional UPDATE); answers how many moved. */
export async function moveLines(
  manager: EntityManager,
  ids: readonly number[],
  from: LineRefundState,
  event: LineRefundEvent,
  columns: QueryDeepPartialEntity<OrderItem> = {},
  guard?: string,
): Promise<number> {
  const to = applyOr('REFUND_STATE_CONFLICT', () => lineRefundMachine.applyEvent(from, event).state);
  return conditionalMove(manager, OrderItem, ids, { refundState: to }, 'refundState', from, columns, guard);
}

/** The refund state a line's unit counters put it in (partial quantities, docs/adr/0012). */
export function lineRefundStateOf(
  line: Pick<OrderItem, 'quantity' | 'refundedQuantity' | 'refundingQuantity'>,
): LineRefundState {
  if (line.refundingQuantity > 0) return 'REFUNDING';
  return line.refundedQuantity >= line.quantity ? 'REFUNDED' : 'NONE';
}

/**
 * After a line's counters changed (in the caller's transaction, which holds the row): moves its refund state to
 * what the counters say, by the table's event for that move; a move the table does not have is refused.
 */
export async function settleLineRefundState(manager: EntityManager, lineId: number): Promise<void> {
  const line = await manager.getRepository(OrderItem).findOneByOrFail({ id: lineId });
  const to = lineRefundStateOf(line);
  if (to === line.refundState) return;
  const move = LINE_REFUND_TRANSITIONS.find((t) => t.from === line.refundState && t.to === to);
  if (!move) throw new DomainException('REFUND_STATE_CONFLICT');
  if ((await moveLines(manager, [lineId], line.refundState, move.event)) !== 1) {
    throw new DomainException('REFUND_STATE_CONFLICT');
  }
}

/** UPDATE … SET <state column> = to WHERE id IN (…) AND <state column> = from [AND guard]; the rows it moved. */
async function conditionalMove<T extends Order | OrderItem>(
  manager: EntityManager,
  entity: new () => T,
  ids: readonly number[],
  to: QueryDeepPartialEntity<T>,
  stateColumn: 'state' | 'refundState',
  from: string,
  columns: QueryDeepPartialEntity<T>,
  guard: string | undefined,
): Promise<number> {
  if (ids.length === 0) return 0;
  const update = manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...columns, ...to })
    .where(`id IN (:...ids) AND ${stateColumn} = :from`, { ids: [...ids], from });
  if (guard) update.andWhere(guard);
  return affectedRows(await update.execute());
}

function applyOr<T>(code: 'ORDER_STATE_CONFLICT' | 'REFUND_STATE_CONFLICT', apply: () => T): T {
  try {
    return apply();
  } catch (error) {
    if (error instanceof IllegalTransitionError) throw new DomainException(code);
    throw error;
  }
}
