import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type GrowthCountView,
  LIFECYCLE_STAGE_LABELS,
  LIFECYCLE_STAGES,
  type LifecycleOverviewView,
  type LifecycleStage,
  type MemberFactsView,
  RELATIONSHIP_LEVEL_LABELS,
  RELATIONSHIP_LEVELS,
  type RelationshipLevel,
  type StageFlowView,
} from '@tidepool/shared';
import type { DataSource } from 'typeorm';
import type { StoreScope } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { DomainException } from '../../common/errors/domain.exception';
import { MembersService } from '../members';
import { MemberFactsRow } from './member-facts.entity';
import { MemberFactsService } from './member-facts.service';
import { MemberStageChange } from './member-stage-change.entity';

const DAY_MS = 86_400_000;

function counts<K extends string>(
  keys: readonly K[],
  labels: Record<K, string>,
  rows: { key: string; members: number | string }[],
  total: number,
): GrowthCountView<K>[] {
  const byKey = new Map(rows.map((row) => [row.key, Number(row.members)]));
  return keys.map((key) => {
    const members = byKey.get(key) ?? 0;
    return { key, label: labels[key], members, shareBp: total === 0 ? 0 : Math.round((members * 10_000) / total) };
  });
}

/** The console's reads of the growth read model: the lifecycle overview and one member's facts. */
@Injectable()
export class GrowthAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: MemberFactsService,
    private readonly members: MembersService,
    private readonly clock: Clock,
  ) {}

  /** Counts per stage and level (grouped in SQL) and the stage flows of the last 7 and 30 days. */
  async lifecycle(scope: StoreScope): Promise<LifecycleOverviewView> {
    const now = this.clock.now();
    const grouped = (column: 'stage' | 'relationship') => {
      const qb = this.dataSource
        .createQueryBuilder(MemberFactsRow, 'f')
        .select(`f.${column}`, 'key')
        .addSelect('COUNT(*)', 'members')
        .groupBy(`f.${column}`);
      if (scope.storeId !== null) qb.where('f.homeStoreId = :storeId', { storeId: scope.storeId });
      return qb.getRawMany<{ key: string; members: number | string }>();
    };
    const [stageRows, levelRows, flows7d, flows30d] = await Promise.all([
      grouped('stage'),
      grouped('relationship'),
      this.flows(scope, new Date(now.getTime() - 7 * DAY_MS)),
      this.flows(scope, new Date(now.getTime() - 30 * DAY_MS)),
    ]);
    const total = stageRows.reduce((sum, row) => sum + Number(row.members), 0);
    return {
      members: total,
      stages: counts<LifecycleStage>(LIFECYCLE_STAGES, LIFECYCLE_STAGE_LABELS, stageRows, total),
      levels: counts<RelationshipLevel>(RELATIONSHIP_LEVELS, RELATIONSHIP_LEVEL_LABELS, levelRows, total),
      flows7d,
      flows30d,
      asOf: now.toISOString(),
    };
  }

  /** From→to counts of stage changes since `since`, most first; a store manager's through the home store. */
  private async flows(scope: StoreScope, since: Date): Promise<StageFlowView[]> {
    const qb = this.dataSource
      .createQueryBuilder(MemberStageChange, 'c')
      .select('c.kind', 'kind')
      .addSelect('c.fromValue', 'fromValue')
      .addSelect('c.toValue', 'toValue')
      .addSelect('COUNT(*)', 'changes')
      .where('c.enteredAt >= :since', { since })
      .groupBy('c.kind')
      .addGroupBy('c.fromValue')
      .addGroupBy('c.toValue')
      .orderBy('changes', 'DESC');
    if (scope.storeId !== null) {
      qb.innerJoin(MemberFactsRow, 'f', 'f.memberId = c.memberId').andWhere('f.homeStoreId = :storeId', {
        storeId: scope.storeId,
      });
    }
    const rows = await qb.getRawMany<{ kind: string; fromValue: string | null; toValue: string; changes: string }>();
    return rows.map((row) => ({
      kind: row.kind === 'RELATIONSHIP' ? 'RELATIONSHIP' : 'LIFECYCLE',
      from: row.fromValue,
      to: row.toValue,
      changes: Number(row.changes),
    }));
  }

  async memberFacts(memberId: number): Promise<MemberFactsView> {
    const member = await this.members.anyById(memberId);
    if (!member) throw new DomainException('MEMBER_NOT_FOUND');
    const { facts, history } = await this.facts.ofMember(memberId);
    if (!facts) throw new DomainException('MEMBER_FACTS_NOT_FOUND');
    const iso = (value: Date | null) => (value ? value.toISOString() : null);
    const stage = facts.stage as LifecycleStage;
    const relationship = facts.relationship as RelationshipLevel;
    return {
      memberId,
      firstPurchaseAt: iso(facts.firstPurchaseAt),
      lastPurchaseAt: iso(facts.lastPurchaseAt),
      orders365: facts.orders365,
      spend365Fen: facts.spend365Fen,
      onlineOrders365: facts.onlineOrders365,
      dropOrders365: facts.dropOrders365,
      tillOrders365: facts.tillOrders365,
      typicalGapDays: facts.typicalGapDays,
      homeStoreId: facts.homeStoreId,
      promoterId: facts.promoterId,
      tierKey: facts.tierKey,
      birthMonth: facts.birthMonth,
      stage,
      stageLabel: LIFECYCLE_STAGE_LABELS[stage] ?? stage,
      stageSince: facts.stageSince.toISOString(),
      relationship,
      relationshipLabel: RELATIONSHIP_LEVEL_LABELS[relationship] ?? relationship,
      relationshipSince: facts.relationshipSince.toISOString(),
      updatedAt: facts.updatedAt.toISOString(),
      history: history.map((change) => ({
        kind: change.kind === 'RELATIONSHIP' ? 'RELATIONSHIP' : 'LIFECYCLE',
        from: change.fromValue,
        to: change.toValue,
        enteredAt: change.enteredAt.toISOString(),
      })),
    };
  }
}
