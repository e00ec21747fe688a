import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The win-back programme's settings: one row (id 1), written from the console's 流失挽回 page. */
@Entity('win_back_programmes')
export class WinBackProgramme {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'boolean', default: false })
  enabled: boolean;

  /** Coupon template codes (the coupons module's). */
  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  wave1TemplateCode: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  wave2TemplateCode: string | null;

  /** Wave 2 goes out this many days after wave 1 to members who have not bought since. */
  @Column({ type: 'int', default: 7 })
  wave2AfterDays: number;

  /** Held-out share in basis points (1000 = 10%). */
  @Column({ type: 'int', default: 1000 })
  holdoutBp: number;

  @Column({ type: 'int', nullable: true, default: null })
  updatedBy: number | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  updatedAt: Date | null;
}

/**
 * One member's pass through the win-back programme: entered (wave 1) on a day, maybe wave 2 later, and closed by
 * their next purchase. A cycle without `returnedAt` is open; a member has at most one open cycle, so a lapsed
 * member is not sent wave after wave. Held-out members (`treated` false) have cycles too, with the same wave
 * times, but are never issued anything: they are the comparison group.
 */
@Entity('win_back_cycles')
@Index(['memberId', 'cycleKey'], { unique: true })
@Index(['returnedAt', 'id'])
export class WinBackCycle {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  /** `win-back:<brand-zone date of entry>`: also the holdout key, so a day's entrants are split 90/10 afresh. */
  @Column({ type: 'varchar', length: 32 })
  cycleKey: string;

  @Column({ type: 'boolean' })
  treated: boolean;

  @Column({ type: 'datetime', precision: 3 })
  wave1At: Date;

  /** When wave 1's coupon was issued (treated members only); null until then, so a crashed run catches up. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  wave1IssuedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  wave2At: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  wave2IssuedAt: Date | null;

  /** The member's purchase seen at or after wave 1 (the latest one on the run that first saw it). */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  returnedAt: Date | null;
}
