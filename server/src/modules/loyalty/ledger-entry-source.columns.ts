import { Column } from 'typeorm';

/**
 * Where a ledger line (points or growth) came from and what the member is told about it. Not an entity: both
 * ledgers' tables carry these columns (TypeORM copies them into each table whose entity extends this class).
 */
export abstract class LedgerEntrySource {
  /** What caused it: e.g. `order`, `pos_sale`, `mall_redemption`, `points_lot` (expiry), `adjustment`. */
  @Column({ type: 'varchar', length: 32 })
  sourceType: string;

  @Column({ type: 'varchar', length: 64 })
  sourceId: string;

  /** Shown to the member in the history, in Chinese (e.g. 购物获得积分, 积分过期). */
  @Column({ type: 'varchar', length: 255 })
  reason: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
