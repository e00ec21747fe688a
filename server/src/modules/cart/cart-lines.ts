import type { EntityManager } from 'typeorm';
import { CartItem } from './cart-item.entity';

/**
 * The two writes that create or change a cart line, each ONE insert-or-update on the unique (memberId, skuId):
 * MySQL spells it `ON DUPLICATE KEY UPDATE`, SQLite `ON CONFLICT … DO UPDATE`. Never "read, then insert or
 * update": two concurrent first adds would both read nothing and make two lines (or one would fail).
 */
const COLUMNS = '(memberId, skuId, quantity, selected, createdAt, updatedAt)';

function dialect(manager: EntityManager): 'mysql' | 'sqlite' {
  return manager.connection.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
}

/** A Date as the driver stores a datetime column (SQLite keeps UTC text, MySQL takes the Date). */
function datetime(manager: EntityManager, instant: Date): unknown {
  const column = manager.connection.getMetadata(CartItem).findColumnWithPropertyName('updatedAt');
  if (!column) throw new Error('CartItem.updatedAt has no column metadata');
  return manager.connection.driver.preparePersistentValue(instant, column);
}

export interface AddToLine {
  memberId: number;
  skuId: number;
  /** Units to add (>= 1). */
  quantity: number;
  /** Most units the line may reach (>= 1): min(CART_MAX_QUANTITY, stock). A line already above it is kept. */
  cap: number;
  now: Date;
}

/** Adds units to the line (creating it), ticks it, and keeps it at or under `cap` unless it already was above. */
export async function addToLine(manager: EntityManager, line: AddToLine): Promise<void> {
  const now = datetime(manager, line.now);
  const onConflict =
    dialect(manager) === 'mysql'
      ? 'ON DUPLICATE KEY UPDATE quantity = GREATEST(quantity, LEAST(quantity + ?, ?)), selected = 1, ' +
        'updatedAt = VALUES(updatedAt)'
      : 'ON CONFLICT (memberId, skuId) DO UPDATE SET quantity = MAX(quantity, MIN(quantity + ?, ?)), selected = 1, ' +
        'updatedAt = excluded.updatedAt';
  await manager.query(`INSERT INTO cart_items ${COLUMNS} VALUES (?, ?, ?, 1, ?, ?) ${onConflict}`, [
    line.memberId,
    line.skuId,
    Math.min(line.quantity, line.cap),
    now,
    now,
    line.quantity,
    line.cap,
  ]);
}

export interface SetLine {
  memberId: number;
  skuId: number;
  /** The line's new quantity (>= 1). */
  quantity: number;
  /** Ticks or unticks it; a new line is ticked and an existing one keeps its tick when undefined. */
  selected?: boolean;
  now: Date;
}

/** Sets the line's quantity (creating it). */
export async function setLine(manager: EntityManager, line: SetLine): Promise<void> {
  const now = datetime(manager, line.now);
  const mysql = dialect(manager) === 'mysql';
  const assignments = ['quantity', 'updatedAt', ...(line.selected === undefined ? [] : ['selected'])]
    .map((column) => (mysql ? `${column} = VALUES(${column})` : `${column} = excluded.${column}`))
    .join(', ');
  const onConflict = mysql
    ? `ON DUPLICATE KEY UPDATE ${assignments}`
    : `ON CONFLICT (memberId, skuId) DO UPDATE SET ${assignments}`;
  await manager.query(`INSERT INTO cart_items ${COLUMNS} VALUES (?, ?, ?, ?, ?, ?) ${onConflict}`, [
    line.memberId,
    line.skuId,
    line.quantity,
    line.selected === false ? 0 : 1,
    now,
    now,
  ]);
}
