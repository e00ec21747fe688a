import type { CampaignDefinition, CampaignGrantOutcome, CampaignStatus } from '@tidepool/shared';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A campaign: its stable key (holdout and issue keys hang off it), name and status. What it does is versioned. */
@Entity('campaigns')
@Index(['status'])
export class Campaign {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 48, unique: true })
  key: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  status: CampaignStatus;

  /** The latest version: the one evaluated from now on. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** One version of a campaign's definition. Never edited: an edit adds a version, and grants name theirs. */
@Entity('campaign_versions')
@Index(['campaignId', 'version'], { unique: true })
export class CampaignVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  campaignId: number;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'simple-json' })
  definition: CampaignDefinition;

  /** `staff:<id>` or `system` (the shipped campaigns). */
  @Column({ type: 'varchar', length: 48 })
  createdBy: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

/**
 * One evaluation that qualified: a campaign, a member and the event that triggered it (`order:12`, `till:7`,
 * `signup`, `birthday:2026`…), unique, so a redelivered event or a second replica never grants twice. It keeps the
 * version that decided it, the outcome and what it cost.
 */
@Entity('campaign_grants')
@Index(['campaignId', 'memberId', 'triggerKey'], { unique: true })
@Index(['campaignId', 'outcome'])
export class CampaignGrant {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  campaignId: number;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 64 })
  triggerKey: string;

  @Column({ type: 'varchar', length: 20 })
  outcome: CampaignGrantOutcome;

  /** What the grant may cost (a coupon's largest discount); 0 when nothing was given. */
  @Column({ type: 'int', default: 0 })
  costFen: number;

  @Column({ type: 'int', nullable: true, default: null })
  couponId: number | null;

  /** The points ledger source of a GRANT_POINTS grant (`campaign:<grant id>`). */
  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  ledgerRef: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

/**
 * The budget counter of a campaign: moved only by a conditional UPDATE against the version's limits, in the
 * grant's transaction, so parallel grants never overspend (the row lock orders them on MySQL).
 */
@Entity('campaign_budgets')
export class CampaignBudget {
  @PrimaryColumn({ type: 'int' })
  campaignId: number;

  @Column({ type: 'int', default: 0 })
  grantedCount: number;

  @Column({ type: 'int', default: 0 })
  spentFen: number;
}

/** Grants per member and campaign, moved by a conditional UPDATE against the per-member limit. */
@Entity('campaign_member_counts')
export class CampaignMemberCount {
  @PrimaryColumn({ type: 'int' })
  campaignId: number;

  @PrimaryColumn({ type: 'int' })
  memberId: number;

  @Column({ type: 'int', default: 0 })
  granted: number;
}

export const CAMPAIGN_ENTITIES = [Campaign, CampaignVersion, CampaignGrant, CampaignBudget, CampaignMemberCount];
