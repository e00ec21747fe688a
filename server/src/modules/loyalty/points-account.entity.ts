import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A member's points balance: a cache of the ledger, one row per member, locked (SELECT … FOR UPDATE on MySQL)
 * by every ledger operation and changed only by a compare-and-set on `version`. The nightly reconciliation
 * checks `available - debt` against the sum of the member's entries and `available` against the open lots.
 */
@Entity('points_accounts')
// UNSIGNED on MySQL and the CHECK on SQLite (TypeORM emits no CHECK for MySQL) both refuse a negative balance.
@Check('chk_points_accounts_non_negative', '`available` >= 0 AND `debt` >= 0')
export class PointsAccount {
  @PrimaryColumn({ type: 'int' })
  memberId: number;

  /** Points the member can spend now (the sum of the open lots). */
  @Column({ type: 'int', unsigned: true, default: 0 })
  available: number;

  /** Points a reversal could not take back; repaid from the next earnings before they become available. */
  @Column({ type: 'int', unsigned: true, default: 0 })
  debt: number;

  /** Bumped by every change; updates are conditional on the version read under the lock. */
  @Column({ type: 'int', default: 0 })
  version: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
