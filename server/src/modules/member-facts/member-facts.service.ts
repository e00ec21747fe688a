import { Injectable } from '@nestjs/common';
import {
  DEFAULT_GROWTH_RULES,
  factsWindowStart,
  type GrowthRules,
  homeStoreOf,
  lifecycleStage,
  type MemberFacts,
  medianGapDays,
  relationshipLevel,
  type StoreVisits,
} from '@tidepool/shared';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../../common/database/transactions';
import { BrandSettings } from '../brand';
import { PromoterBindingsReader } from '../distribution';
import { LoyaltyService } from '../loyalty';
import { MembersService } from '../members';
import { OrderReadsService } from '../orders';
import { OutboxService } from '../outbox';
import { TillReadsService } from '../pos';
import { MemberFactsRow } from './member-facts.entity';
import { MemberStageChange } from './member-stage-change.entity';

/** What a recompute found over a range of members. */
export interface RecomputeCounts {
  /** Live, signed-up members whose facts were recomputed. */
  checked: number;
  /** Rows that were missing, differed from the recomputation (or belonged to no live member) and were rewritten. */
  repaired: number;
  /** Stage and level changes recorded (each with a history row and a member.stage-entered event). */
  stageChanges: number;
}

/** The facts columns, without the stage and level the rules derive from them. */
type FactColumns = Omit<MemberFactsRow, 'stage' | 'stageSince' | 'relationship' | 'relationshipSince' | 'updatedAt'>;

const FACT_KEYS: readonly (keyof FactColumns)[] = [
  'firstPurchaseAt',
  'lastPurchaseAt',
  'orders365',
  'spend365Fen',
  'onlineOrders365',
  'dropOrders365',
  'tillOrders365',
  'typicalGapDays',
  'homeStoreId',
  'promoterId',
  'tierKey',
  'birthMonth',
];

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  // Doubles read back from the database may differ in the last bits from the value computed here.
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-6;
  return a === b;
}

/** The facts differ from the stored row in a column the rules or the segments read. */
export function factsDiffer(stored: MemberFactsRow, computed: FactColumns): boolean {
  return FACT_KEYS.some((key) => !sameValue(stored[key], computed[key]));
}

/**
 * Keeps the member_facts read model equal to a recomputation from the raw purchases, one member-id range at a
 * time: the same set-based reads serve one member (an event handler, range [id, id]) and a thousand (the nightly
 * job). Aggregates are computed in SQL by the orders and pos modules; only the median gap is computed here, from
 * the purchase instants the same modules return in one query per range.
 */
@Injectable()
export class MemberFactsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly brand: BrandSettings,
    private readonly members: MembersService,
    private readonly orders: OrderReadsService,
    private readonly till: TillReadsService,
    private readonly bindings: PromoterBindingsReader,
    private readonly loyalty: LoyaltyService,
    private readonly outbox: OutboxService,
  ) {}

  /** The growth rules in force at `at`; a rule version stored before growth rules existed lacks them. */
  growthRules(at: Date): GrowthRules {
    return this.brand.rules(at).growth ?? DEFAULT_GROWTH_RULES;
  }

  /**
   * Recomputes one member, then the promoter they are bound to (whose level counts customers who bought), in the
   * caller's transaction.
   */
  async refreshMember(memberId: number, now: Date, manager: EntityManager): Promise<RecomputeCounts> {
    const counts = await this.recomputeRange(memberId, memberId, now, manager);
    const row = await manager.findOneBy(MemberFactsRow, { memberId });
    if (row?.promoterId != null) {
      const promoterMemberId = await this.bindings.memberOfPromoter(row.promoterId, manager);
      if (promoterMemberId !== null && promoterMemberId !== memberId) {
        const more = await this.recomputeRange(promoterMemberId, promoterMemberId, now, manager);
        counts.checked += more.checked;
        counts.repaired += more.repaired;
        counts.stageChanges += more.stageChanges;
      }
    }
    return counts;
  }

  /** Recomputes every member with an id in [fromId, toId] as of `now`, repairing rows and recording stage changes. */
  async recomputeRange(fromId: number, toId: number, now: Date, manager: EntityManager): Promise<RecomputeCounts> {
    const since = factsWindowStart(now);
    const storedQuery = manager
      .createQueryBuilder(MemberFactsRow, 'f')
      .where('f.memberId >= :fromId AND f.memberId <= :toId', { fromId, toId });
    // Two handlers of the same member wait for each other here, so a stage change is recorded once.
    if (this.transactions.rowLocks) storedQuery.setLock('pessimistic_write');
    const [profiles, storedRows, orderGroups, tillGroups, orderTimes, tillTimes, bound, promoters] = await Promise.all([
      this.members.growthProfiles(fromId, toId),
      storedQuery.getMany(),
      this.orders.memberPurchases(fromId, toId, since, now, manager),
      this.till.memberPurchases(fromId, toId, since, now, manager),
      this.orders.memberPurchaseTimes(fromId, toId, now, manager),
      this.till.memberPurchaseTimes(fromId, toId, now, manager),
      this.bindings.boundPromoters(fromId, toId, manager),
      this.bindings.approvedPromoters(fromId, toId, manager),
    ]);
    const tiers = await this.loyalty.tiersOf(profiles.map((p) => p.id));
    const stored = new Map(storedRows.map((row) => [row.memberId, row]));

    const facts = new Map<number, FactColumns>();
    const visits = new Map<number, StoreVisits[]>();
    const times = new Map<number, number[]>();
    for (const profile of profiles) {
      facts.set(profile.id, {
        memberId: profile.id,
        firstPurchaseAt: null,
        lastPurchaseAt: null,
        orders365: 0,
        spend365Fen: 0,
        onlineOrders365: 0,
        dropOrders365: 0,
        tillOrders365: 0,
        typicalGapDays: null,
        homeStoreId: null,
        promoterId: bound.get(profile.id) ?? null,
        tierKey: tiers.get(profile.id) ?? 'NORMAL',
        birthMonth: profile.birthday ? Number(profile.birthday.slice(0, 2)) : null,
      });
    }
    const groups = [
      ...orderGroups.map((g) => ({ ...g, channel: g.drop ? ('DROP' as const) : ('ONLINE' as const) })),
      ...tillGroups.map((g) => ({ ...g, channel: 'TILL' as const })),
    ];
    for (const group of groups) {
      const row = facts.get(group.memberId);
      if (!row) continue;
      if (!row.firstPurchaseAt || group.firstAt < row.firstPurchaseAt) row.firstPurchaseAt = group.firstAt;
      if (!row.lastPurchaseAt || group.lastAt > row.lastPurchaseAt) row.lastPurchaseAt = group.lastAt;
      row.orders365 += group.purchasesSince;
      row.spend365Fen += group.spendSinceFen;
      if (group.channel === 'ONLINE') row.onlineOrders365 += group.purchasesSince;
      else if (group.channel === 'DROP') row.dropOrders365 += group.purchasesSince;
      else row.tillOrders365 += group.purchasesSince;
      if (group.storeId !== null) {
        const list = visits.get(group.memberId) ?? [];
        const existing = list.find((v) => v.storeId === group.storeId);
        if (existing) {
          existing.purchases += group.purchases;
          existing.lastAtMs = Math.max(existing.lastAtMs, group.lastAt.getTime());
        } else {
          list.push({ storeId: group.storeId, purchases: group.purchases, lastAtMs: group.lastAt.getTime() });
        }
        visits.set(group.memberId, list);
      }
    }
    for (const { memberId, at } of [...orderTimes, ...tillTimes]) {
      const list = times.get(memberId) ?? [];
      list.push(at.getTime());
      times.set(memberId, list);
    }
    for (const profile of profiles) {
      const row = facts.get(profile.id)!;
      row.typicalGapDays = medianGapDays(times.get(profile.id) ?? []);
      row.homeStoreId = homeStoreOf(visits.get(profile.id) ?? [], profile.signupStoreId);
    }

    const customersWhoBought = await this.customersWhoBought([...promoters.values()], fromId, toId, facts, manager);
    const rules = this.growthRules(now);
    const writes: MemberFactsRow[] = [];
    const changes: MemberStageChange[] = [];
    let repaired = 0;
    for (const row of facts.values()) {
      const promoterId = promoters.get(row.memberId);
      const judged: MemberFacts = {
        firstPurchaseAt: row.firstPurchaseAt,
        lastPurchaseAt: row.lastPurchaseAt,
        orders365: row.orders365,
        spend365Fen: row.spend365Fen,
        typicalGapDays: row.typicalGapDays,
        signedUp: true,
        isPromoter: promoterId !== undefined,
        promoterCustomersWhoBought: promoterId === undefined ? 0 : (customersWhoBought.get(promoterId) ?? 0),
      };
      const stage = lifecycleStage(judged, now, rules);
      const level = relationshipLevel(judged, rules);
      const before = stored.get(row.memberId);
      const differs = !before || factsDiffer(before, row);
      if (differs) repaired++;
      if (before?.stage !== stage)
        changes.push(this.change(row.memberId, 'LIFECYCLE', before?.stage ?? null, stage, now));
      if (before?.relationship !== level) {
        changes.push(this.change(row.memberId, 'RELATIONSHIP', before?.relationship ?? null, level, now));
      }
      if (!differs && before?.stage === stage && before.relationship === level) continue;
      writes.push({
        ...row,
        stage,
        stageSince: before?.stage === stage ? before.stageSince : now,
        relationship: level,
        relationshipSince: before?.relationship === level ? before.relationshipSince : now,
        updatedAt: now,
      });
    }
    // A row whose member is gone (deleted, or never signed up) is not a member's facts any more.
    const orphans = storedRows.filter((row) => !facts.has(row.memberId)).map((row) => row.memberId);
    if (orphans.length > 0) {
      await manager.delete(MemberFactsRow, orphans);
      repaired += orphans.length;
    }
    for (let i = 0; i < writes.length; i += 200) {
      await manager.upsert(MemberFactsRow, writes.slice(i, i + 200), ['memberId']);
    }
    if (changes.length > 0) {
      // Each change is the member's n-th of its kind: the event's dedupe key, unique even when a stage moves twice
      // at one instant (a purchase and its refund). The member's facts row is locked above, so n cannot race.
      const changed = [...new Set(changes.map((c) => c.memberId))];
      const ordinals = new Map<string, number>();
      const counted = await manager
        .createQueryBuilder(MemberStageChange, 'c')
        .select('c.memberId', 'memberId')
        .addSelect('c.kind', 'kind')
        .addSelect('COUNT(*)', 'n')
        .where('c.memberId IN (:...changed)', { changed })
        .groupBy('c.memberId')
        .addGroupBy('c.kind')
        .getRawMany<{ memberId: number | string; kind: string; n: number | string }>();
      for (const row of counted) ordinals.set(`${Number(row.memberId)}:${row.kind}`, Number(row.n));
      const events = changes.map((change) => {
        const key = `${change.memberId}:${change.kind}`;
        const n = (ordinals.get(key) ?? 0) + 1;
        ordinals.set(key, n);
        return {
          dedupeKey: `member.stage-entered:${key}:${n}`,
          payload: {
            memberId: change.memberId,
            kind: change.kind as 'LIFECYCLE' | 'RELATIONSHIP',
            from: change.fromValue,
            to: change.toValue,
            enteredAt: change.enteredAt.toISOString(),
          },
        };
      });
      for (let i = 0; i < changes.length; i += 200) {
        await manager.insert(MemberStageChange, changes.slice(i, i + 200));
        await this.outbox.publishMany(manager, 'member.stage-entered', events.slice(i, i + 200));
      }
    }
    return { checked: facts.size, repaired, stageChanges: changes.length };
  }

  private change(memberId: number, kind: string, from: string | null, to: string, now: Date): MemberStageChange {
    return Object.assign(new MemberStageChange(), { memberId, kind, fromValue: from, toValue: to, enteredAt: now });
  }

  /**
   * Distinct customers who bought, per promoter: stored rows outside the range, plus this range's fresh facts
   * (its stored rows are about to be replaced).
   */
  private async customersWhoBought(
    promoterIds: number[],
    fromId: number,
    toId: number,
    fresh: Map<number, FactColumns>,
    manager: EntityManager,
  ): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    if (promoterIds.length === 0) return counts;
    const rows = await manager
      .createQueryBuilder(MemberFactsRow, 'f')
      .select('f.promoterId', 'promoterId')
      .addSelect('COUNT(*)', 'customers')
      .where('f.promoterId IN (:...promoterIds)', { promoterIds })
      .andWhere('f.firstPurchaseAt IS NOT NULL')
      .andWhere('(f.memberId < :fromId OR f.memberId > :toId)', { fromId, toId })
      .groupBy('f.promoterId')
      .getRawMany<{ promoterId: number | string; customers: number | string }>();
    for (const row of rows) counts.set(Number(row.promoterId), Number(row.customers));
    const wanted = new Set(promoterIds);
    for (const row of fresh.values()) {
      if (row.promoterId !== null && wanted.has(row.promoterId) && row.firstPurchaseAt !== null) {
        counts.set(row.promoterId, (counts.get(row.promoterId) ?? 0) + 1);
      }
    }
    return counts;
  }

  /** One member's stored facts and stage history (newest first), for the console. */
  async ofMember(memberId: number): Promise<{ facts: MemberFactsRow | null; history: MemberStageChange[] }> {
    return this.transactions.run(async (manager) => ({
      facts: await manager.findOneBy(MemberFactsRow, { memberId }),
      history: await manager.find(MemberStageChange, {
        where: { memberId },
        order: { enteredAt: 'DESC', id: 'DESC' },
        take: 200,
      }),
    }));
  }
}
