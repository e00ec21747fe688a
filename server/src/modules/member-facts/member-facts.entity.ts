import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per member: the purchase facts the growth rules judge (shared/src/rules/growth), kept current from the
 * domain events and checked nightly against a recomputation from the raw orders and till sales. It is a read model:
 * nothing here is a source of truth, so a row can always be rebuilt. Segments and campaigns read it through
 * MemberFactsReader, never this entity.
 */
@Entity('member_facts')
@Index(['stage'])
@Index(['spend365Fen'])
@Index(['lastPurchaseAt'])
export class MemberFactsRow {
  @PrimaryColumn({ type: 'int' })
  memberId: number;

  /** First paid purchase ever, online, drop or till (null: never bought). */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  firstPurchaseAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  lastPurchaseAt: Date | null;

  /** Paid purchases (orders and till sales, refunded ones excluded) in the 365 days up to `updatedAt`. */
  @Column({ type: 'int', default: 0 })
  orders365: number;

  /** What those purchases paid, net of refunds, in fen. */
  @Column({ type: 'int', default: 0 })
  spend365Fen: number;

  /** Channel mix of orders365: online (not a drop), drop, and till. */
  @Column({ type: 'int', default: 0 })
  onlineOrders365: number;

  @Column({ type: 'int', default: 0 })
  dropOrders365: number;

  @Column({ type: 'int', default: 0 })
  tillOrders365: number;

  /** Median gap in days between consecutive purchases; null with fewer than two. */
  @Column({ type: 'double', nullable: true, default: null })
  typicalGapDays: number | null;

  /** The store the member buys in most (till sales and pickups), else their signup store. */
  @Column({ type: 'int', nullable: true, default: null })
  homeStoreId: number | null;

  /** The promoter the member is bound to now. */
  @Column({ type: 'int', nullable: true, default: null })
  promoterId: number | null;

  /** The member's tier key (shared tier table) as of `updatedAt`. */
  @Column({ type: 'varchar', length: 16, nullable: true, default: null })
  tierKey: string | null;

  /** 1..12 from the member's birthday; null when unknown. */
  @Column({ type: 'int', nullable: true, default: null })
  birthMonth: number | null;

  /** LifecycleStage (shared), and when the member entered it. */
  @Column({ type: 'varchar', length: 16, default: 'INTRODUCTION' })
  stage: string;

  @Column({ type: 'datetime', precision: 3 })
  stageSince: Date;

  /** RelationshipLevel (shared), and when the member reached it. */
  @Column({ type: 'varchar', length: 16, default: 'FAN' })
  relationship: string;

  @Column({ type: 'datetime', precision: 3 })
  relationshipSince: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
