import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type CampaignAction,
  type CampaignDefinition,
  type CampaignFact,
  type CampaignGrantOutcome,
  judgeCampaign,
} from '@tidepool/shared';
import type { EntityManager, Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions, type UnitOfWorkOptions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { CouponsService } from '../coupons';
import { LoyaltyService } from '../loyalty';
import { Campaign, CampaignBudget, CampaignGrant, CampaignMemberCount, CampaignVersion } from './campaign.entities';

/**
 * Grants run at READ COMMITTED, like the outbox handlers they join and the loyalty ledger they may reach: every
 * conditional UPDATE on a counter must see the latest commit.
 */
export const CAMPAIGN_UNIT: UnitOfWorkOptions = { isolation: 'READ COMMITTED' };

/** One active campaign with the version evaluated now. */
export interface LiveCampaign {
  id: number;
  key: string;
  name: string;
  version: number;
  definition: CampaignDefinition;
}

export interface GrantRecord {
  campaignId: number;
  outcome: CampaignGrantOutcome;
}

/** What a grant of this action may cost in fen: a coupon's largest discount (0 for an uncapped percentage or points). */
export function costOfCoupon(template: { kind: string; amountOffFen: number | null; maxDiscountFen: number | null }) {
  return template.kind === 'AMOUNT_OFF' ? (template.amountOffFen ?? 0) : (template.maxDiscountFen ?? 0);
}

/**
 * Evaluates the active campaigns for one member and one triggering fact, and grants what they give, all in the
 * caller's unit of work (an event handler's), so the grant, its counters and the coupon or points commit together
 * with the handler's "done" row. Guards, in order: the grant row's unique (campaign, member, trigger key) key (a
 * second evaluation of the same event finds it and does nothing), the per-member counter and the budget counter
 * (conditional UPDATEs, so parallel grants cannot overspend).
 */
@Injectable()
export class CampaignEngine {
  private readonly logger = new Logger(CampaignEngine.name);

  constructor(
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    private readonly transactions: Transactions,
    private readonly coupons: CouponsService,
    private readonly loyalty: LoyaltyService,
    private readonly clock: Clock,
  ) {}

  /** Active campaigns whose current version has this trigger kind. */
  async live(kind: CampaignFact['kind'], manager?: EntityManager): Promise<LiveCampaign[]> {
    const rows = await (manager ? manager.getRepository(Campaign) : this.campaigns)
      .createQueryBuilder('c')
      .innerJoin(CampaignVersion, 'v', 'v.campaignId = c.id AND v.version = c.version')
      .select(['c.id AS id', 'c.key AS campaignKey', 'c.name AS name', 'c.version AS version'])
      .addSelect('v.definition', 'definition')
      .where('c.status = :status', { status: 'ACTIVE' })
      .orderBy('c.id', 'ASC')
      .getRawMany<{ id: number; campaignKey: string; name: string; version: number; definition: string }>();
    return rows
      .map((r) => ({
        id: Number(r.id),
        key: r.campaignKey,
        name: r.name,
        version: Number(r.version),
        definition: JSON.parse(r.definition) as CampaignDefinition,
      }))
      .filter((c) => c.definition.trigger.kind === kind);
  }

  /**
   * Evaluates every active campaign of the fact's kind for the member. `triggerKey` names the triggering event
   * (`order:12`, `till:7`, `signup`, `birthday:2026`…); answers what each campaign that matched recorded now
   * (nothing for one that already recorded this trigger).
   */
  evaluate(memberId: number, fact: CampaignFact, triggerKey: string): Promise<GrantRecord[]> {
    return this.transactions.run(async (manager) => {
      const records: GrantRecord[] = [];
      for (const campaign of await this.live(fact.kind, manager)) {
        const outcome = await this.evaluateOne(manager, campaign, memberId, fact, triggerKey);
        if (outcome) records.push({ campaignId: campaign.id, outcome });
      }
      return records;
    }, CAMPAIGN_UNIT);
  }

  private async evaluateOne(
    manager: EntityManager,
    campaign: LiveCampaign,
    memberId: number,
    fact: CampaignFact,
    triggerKey: string,
  ): Promise<CampaignGrantOutcome | null> {
    const verdict = judgeCampaign(campaign.key, campaign.definition, memberId, fact);
    if (verdict === 'NO_MATCH' || verdict === 'CLOSED') return null;
    const { action, limits } = campaign.definition;
    const template =
      action.kind === 'ISSUE_COUPON' ? await this.coupons.templateById(action.couponTemplateId, manager) : null;
    if (action.kind === 'ISSUE_COUPON' && (!template || template.status !== 'ACTIVE')) {
      // A template stopped after activation: nothing can be given, and recording an outcome would claim otherwise.
      this.logger.warn({ msg: 'campaign coupon template unavailable', campaign: campaign.key });
      return null;
    }
    const grant = await this.claim(manager, campaign, memberId, triggerKey, verdict === 'HELD_OUT');
    if (!grant) return null;
    if (verdict === 'HELD_OUT') return 'HELD_OUT';

    const costFen = template ? costOfCoupon(template) : 0;
    if (limits.perMember !== null && !(await this.takeMemberSlot(manager, campaign.id, memberId, limits.perMember))) {
      await manager.update(CampaignGrant, { id: grant.id }, { outcome: 'OVER_MEMBER_LIMIT' });
      return 'OVER_MEMBER_LIMIT';
    }
    if (!(await this.takeBudget(manager, campaign, costFen))) {
      if (limits.perMember !== null) {
        await manager
          .createQueryBuilder()
          .update(CampaignMemberCount)
          .set({ granted: () => 'granted - 1' })
          .where('campaignId = :campaignId AND memberId = :memberId', { campaignId: campaign.id, memberId })
          .execute();
      }
      await manager.update(CampaignGrant, { id: grant.id }, { outcome: 'OVER_BUDGET' });
      return 'OVER_BUDGET';
    }
    const given = await this.give(manager, campaign, action, template, memberId, grant.id);
    await manager.update(CampaignGrant, { id: grant.id }, { costFen, ...given });
    return 'GRANTED';
  }

  /** Inserts the grant row; null when this campaign already recorded this member and trigger. */
  private async claim(
    manager: EntityManager,
    campaign: LiveCampaign,
    memberId: number,
    triggerKey: string,
    heldOut: boolean,
  ): Promise<{ id: number } | null> {
    try {
      const result = await manager.insert(CampaignGrant, {
        campaignId: campaign.id,
        version: campaign.version,
        memberId,
        triggerKey,
        outcome: heldOut ? 'HELD_OUT' : 'GRANTED',
        costFen: 0,
        couponId: null,
        ledgerRef: null,
        createdAt: this.clock.now(),
      });
      return { id: Number((result.identifiers[0] as { id: number }).id) };
    } catch (error) {
      // The unique key: another delivery of the same event (or a second replica) recorded it first.
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  private async takeMemberSlot(manager: EntityManager, campaignId: number, memberId: number, limit: number) {
    const take = async () =>
      affectedRows(
        await manager
          .createQueryBuilder()
          .update(CampaignMemberCount)
          .set({ granted: () => 'granted + 1' })
          .where('campaignId = :campaignId AND memberId = :memberId AND granted < :limit', {
            campaignId,
            memberId,
            limit,
          })
          .execute(),
      ) === 1;
    if (await take()) return true;
    if (await manager.getRepository(CampaignMemberCount).exists({ where: { campaignId, memberId } })) return false;
    // The member's first grant of this campaign. Inserting only when the row is missing (never an INSERT IGNORE
    // before every UPDATE): on MySQL an ignored duplicate takes a shared lock that parallel grants then deadlock
    // on when each upgrades it for the UPDATE.
    await manager
      .createQueryBuilder()
      .insert()
      .into(CampaignMemberCount)
      .values({ campaignId, memberId, granted: 0 })
      .orIgnore()
      .updateEntity(false)
      .execute();
    return take();
  }

  /** One grant of `costFen` off the budget counter, refused when it would pass either budget of the version. */
  private async takeBudget(manager: EntityManager, campaign: LiveCampaign, costFen: number): Promise<boolean> {
    const { budgetCount, budgetFen } = campaign.definition.limits;
    const take = async () => {
      const qb = manager
        .createQueryBuilder()
        .update(CampaignBudget)
        .set({ grantedCount: () => 'grantedCount + 1', spentFen: () => `spentFen + ${Math.trunc(costFen)}` })
        .where('campaignId = :campaignId', { campaignId: campaign.id });
      if (budgetCount !== null) qb.andWhere('grantedCount < :budgetCount', { budgetCount });
      if (budgetFen !== null) qb.andWhere('spentFen + :costFen <= :budgetFen', { costFen, budgetFen });
      return affectedRows(await qb.execute()) === 1;
    };
    if (await take()) return true;
    // The counter row is made with the campaign; one missing (lost by hand) is made again, never before every
    // UPDATE, for the same shared-lock reason as the member counter.
    if (await manager.getRepository(CampaignBudget).exists({ where: { campaignId: campaign.id } })) return false;
    await manager
      .createQueryBuilder()
      .insert()
      .into(CampaignBudget)
      .values({ campaignId: campaign.id, grantedCount: 0, spentFen: 0 })
      .orIgnore()
      .updateEntity(false)
      .execute();
    return take();
  }

  private async give(
    manager: EntityManager,
    campaign: LiveCampaign,
    action: CampaignAction,
    template: Awaited<ReturnType<CouponsService['templateById']>>,
    memberId: number,
    grantId: number,
  ): Promise<{ couponId?: number; ledgerRef?: string }> {
    if (action.kind === 'ISSUE_COUPON' && template) {
      const couponId = await this.coupons.issueIn(manager, template, {
        memberId,
        issueKey: `campaign:${campaign.id}:${grantId}`,
        validDays: action.validDays,
      });
      return { couponId };
    }
    if (action.kind === 'GRANT_POINTS') {
      await this.loyalty.earn(memberId, {
        sourceType: 'campaign',
        sourceId: grantId,
        points: action.points,
        reason: `活动赠送：${campaign.name}`.slice(0, 64),
      });
      return { ledgerRef: `campaign:${grantId}` };
    }
    return {};
  }
}
