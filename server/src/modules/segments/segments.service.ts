import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  maskPhone,
  type Page,
  type SegmentCountResponse,
  type SegmentMemberView,
  type SegmentRule,
  segmentRuleProblems,
  type SegmentView,
} from '@tidepool/shared';
import type { Repository } from 'typeorm';
import type { Principal, StoreScope } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { type PageQueryDto, toPage } from '../../common/http/pagination.dto';
import { AuditLog } from '../audit';
import { MEMBER_FACTS_ALIAS, MemberFactsReader } from '../member-facts';
import { MembersService } from '../members';
import type { SegmentDto, SegmentListQueryDto } from './dto/segments.requests';
import { whereSegment } from './segment-sql';
import { Segment } from './segment.entity';

/**
 * Segments (人群): saved rules over the member-facts read model. Counting and previewing compile the rule to SQL
 * (segment-sql.ts); a store manager's queries are confined to members whose home store is theirs.
 */
@Injectable()
export class SegmentsService {
  constructor(
    @InjectRepository(Segment) private readonly segments: Repository<Segment>,
    private readonly facts: MemberFactsReader,
    private readonly members: MembersService,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async list(query: SegmentListQueryDto): Promise<Page<SegmentView>> {
    const qb = this.segments.createQueryBuilder('s');
    if (query.name) qb.andWhere("s.name LIKE :name ESCAPE '!'", { name: `%${query.name.replace(/[!%_]/g, '!$&')}%` });
    const [rows, total] = await qb.orderBy('s.id', 'DESC').skip(query.offset).take(query.pageSize).getManyAndCount();
    return toPage(rows.map(view), total, query);
  }

  async get(id: number): Promise<SegmentView> {
    return view(await this.byId(id));
  }

  async create(actor: Principal, body: SegmentDto): Promise<SegmentView> {
    const rule = checkedRule(body.rule);
    const now = this.clock.now();
    return this.transactions.run(async (manager) => {
      const inserted = await manager.insert(Segment, {
        name: body.name.trim(),
        description: body.description?.trim() ?? '',
        rule: JSON.stringify(rule),
        createdBy: actor.id,
        updatedBy: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      const id = Number((inserted.identifiers[0] as { id: number }).id);
      const row = await manager.getRepository(Segment).findOneByOrFail({ id });
      await this.audit.record({
        actor,
        action: 'segment.create',
        objectType: 'segment',
        objectId: id,
        after: snapshot(row),
      });
      return view(row);
    });
  }

  async update(actor: Principal, id: number, body: SegmentDto): Promise<SegmentView> {
    const rule = checkedRule(body.rule);
    return this.transactions.run(async (manager) => {
      const repo = manager.getRepository(Segment);
      const before = await repo.findOneBy({ id });
      if (!before) throw new DomainException('SEGMENT_NOT_FOUND');
      await repo.update(
        { id },
        {
          name: body.name.trim(),
          description: body.description?.trim() ?? '',
          rule: JSON.stringify(rule),
          updatedBy: actor.id,
          updatedAt: this.clock.now(),
        },
      );
      const after = await repo.findOneByOrFail({ id });
      await this.audit.record({
        actor,
        action: 'segment.update',
        objectType: 'segment',
        objectId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return view(after);
    });
  }

  async remove(actor: Principal, id: number): Promise<void> {
    await this.transactions.run(async (manager) => {
      const repo = manager.getRepository(Segment);
      const before = await repo.findOneBy({ id });
      if (!before) throw new DomainException('SEGMENT_NOT_FOUND');
      await repo.delete({ id });
      await this.audit.record({
        actor,
        action: 'segment.delete',
        objectType: 'segment',
        objectId: id,
        before: snapshot(before),
      });
    });
  }

  /** How many members satisfy the rule now (within the caller's store scope). */
  async count(scope: StoreScope, rule: unknown): Promise<SegmentCountResponse> {
    return { count: await this.audience(scope, checkedRule(rule)).getCount() };
  }

  /** The segment's members, highest spend first (then most orders, then id), paged in SQL; phones masked. */
  async membersOf(scope: StoreScope, id: number, query: PageQueryDto): Promise<Page<SegmentMemberView>> {
    const rule = JSON.parse((await this.byId(id)).rule) as SegmentRule;
    const [rows, total] = await this.audience(scope, rule)
      .orderBy(`${MEMBER_FACTS_ALIAS}.spend365Fen`, 'DESC')
      .addOrderBy(`${MEMBER_FACTS_ALIAS}.orders365`, 'DESC')
      .addOrderBy(`${MEMBER_FACTS_ALIAS}.memberId`, 'ASC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    const people = await this.members.byIds(rows.map((row) => row.memberId));
    return toPage(
      rows.map((row) => {
        const member = people.get(row.memberId);
        return {
          memberId: row.memberId,
          phone: member && !member.deletedAt ? maskPhone(member.phone) : null,
          tier: row.tierKey,
          stage: row.stage,
          spend365Fen: row.spend365Fen,
          orders365: row.orders365,
          lastPurchaseAt: row.lastPurchaseAt?.toISOString() ?? null,
        };
      }),
      total,
      query,
    );
  }

  /** Member ids matching a rule, in id order from `afterId` (for modules that act on a segment, in pages). */
  async memberIdsPage(rule: SegmentRule, afterId: number, limit: number): Promise<number[]> {
    const rows = await this.audience({ storeId: null }, rule)
      .select(`${MEMBER_FACTS_ALIAS}.memberId`)
      .andWhere(`${MEMBER_FACTS_ALIAS}.memberId > :afterId`, { afterId })
      .orderBy(`${MEMBER_FACTS_ALIAS}.memberId`, 'ASC')
      .take(limit)
      .getMany();
    return rows.map((row) => row.memberId);
  }

  private audience(scope: StoreScope, rule: SegmentRule) {
    const qb = whereSegment(this.facts.audience(), rule, this.clock.now());
    if (scope.storeId !== null)
      qb.andWhere(`${MEMBER_FACTS_ALIAS}.homeStoreId = :scopeStoreId`, { scopeStoreId: scope.storeId });
    return qb;
  }

  private async byId(id: number): Promise<Segment> {
    const row = await this.segments.findOneBy({ id });
    if (!row) throw new DomainException('SEGMENT_NOT_FOUND');
    return row;
  }
}

/** The rule if it is usable; else 400 SEGMENT_RULE_INVALID naming each bad path under `rule`. */
export function checkedRule(rule: unknown): SegmentRule {
  const problems = segmentRuleProblems(rule);
  if (problems.length === 0) return rule as SegmentRule;
  throw new DomainException(
    'SEGMENT_RULE_INVALID',
    `人群条件有误：${problems[0].message}`,
    problems.map((p) => ({ field: `rule.${p.path}`, reason: p.message })),
  );
}

function view(row: Segment): SegmentView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    rule: JSON.parse(row.rule) as SegmentRule,
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const snapshot = (row: Segment) => ({
  name: row.name,
  description: row.description,
  rule: JSON.parse(row.rule) as unknown,
});
