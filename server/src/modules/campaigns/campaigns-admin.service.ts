import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type AdminCampaignDryRunResponse,
  type AdminCampaignResults,
  type AdminCampaignVersionView,
  type AdminCampaignView,
  type ApiErrorDetail,
  type CampaignDefinition,
  type CampaignFact,
  campaignDefinitionProblems,
  type CampaignStatus,
  judgeCampaign,
  type Page,
} from '@tidepool/shared';
import { type EntityManager, type Repository } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { toPage } from '../../common/http/pagination.dto';
import { AuditLog } from '../audit';
import { CatalogScopeReader } from '../catalog';
import { CouponsService } from '../coupons';
import { OrderReadsService } from '../orders';
import { TillReadsService } from '../pos';
import { Campaign, CampaignBudget, CampaignGrant, CampaignVersion } from './campaign.entities';
import { costOfCoupon } from './campaign-engine.service';
import type { AdminCampaignDryRunDto, AdminCampaignDto, AdminCampaignListQueryDto } from './dto/campaigns.requests';

const DAY_MS = 86_400_000;
/** A dry run replays at most this many orders and as many till sales. */
const DRY_RUN_MAX_PURCHASES = 20_000;

/** Which status each operator action moves a campaign from, and to. */
const MOVES: Record<'activate' | 'pause' | 'end', { from: CampaignStatus[]; to: CampaignStatus; action: string }> = {
  activate: { from: ['DRAFT', 'PAUSED'], to: 'ACTIVE', action: 'campaign.activate' },
  pause: { from: ['ACTIVE'], to: 'PAUSED', action: 'campaign.pause' },
  end: { from: ['DRAFT', 'ACTIVE', 'PAUSED'], to: 'ENDED', action: 'campaign.end' },
};

/** 营销活动 in the console: campaigns and their versions, status moves, dry runs and results. Every write audited. */
@Injectable()
export class CampaignsAdminService {
  constructor(
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    @InjectRepository(CampaignVersion) private readonly versions: Repository<CampaignVersion>,
    @InjectRepository(CampaignGrant) private readonly grants: Repository<CampaignGrant>,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
    private readonly coupons: CouponsService,
    private readonly orders: OrderReadsService,
    private readonly tills: TillReadsService,
    private readonly catalog: CatalogScopeReader,
    private readonly clock: Clock,
  ) {}

  async list(query: AdminCampaignListQueryDto): Promise<Page<AdminCampaignView>> {
    const qb = this.campaigns.createQueryBuilder('c').orderBy('c.id', 'DESC').skip(query.offset).take(query.pageSize);
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.name) {
      qb.andWhere("c.name LIKE :name ESCAPE '!'", { name: `%${query.name.replace(/[!%_]/g, '!$&')}%` });
    }
    const [rows, total] = await qb.getManyAndCount();
    return toPage(await this.views(rows), total, query);
  }

  async get(id: number): Promise<AdminCampaignView> {
    const [view] = await this.views([await this.find(id)]);
    return view;
  }

  async create(principal: Principal, body: AdminCampaignDto): Promise<AdminCampaignView> {
    await this.assertDefinition(body.definition);
    const id = await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const key = `C${now.toISOString().slice(0, 10).replace(/-/g, '')}_${randomBytes(3).toString('hex').toUpperCase()}`;
      const inserted = await manager.insert(Campaign, {
        key,
        name: body.name,
        status: 'DRAFT',
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      const campaignId = Number((inserted.identifiers[0] as { id: number }).id);
      await this.addVersion(manager, campaignId, 1, body.definition, `staff:${principal.id}`);
      await manager.insert(CampaignBudget, { campaignId, grantedCount: 0, spentFen: 0 });
      await this.audit.record({
        actor: principal,
        action: 'campaign.create',
        objectType: 'campaign',
        objectId: campaignId,
        after: { key, name: body.name, version: 1, definition: body.definition },
      });
      return campaignId;
    });
    return this.get(id);
  }

  /**
   * An edit adds a version (the campaign evaluates it from now on); grants already made keep naming the version
   * that made them. An ended campaign is not edited.
   */
  async update(principal: Principal, id: number, body: AdminCampaignDto): Promise<AdminCampaignView> {
    await this.assertDefinition(body.definition);
    await this.transactions.run(async (manager) => {
      const before = await this.find(id, manager);
      if (before.status === 'ENDED') throw new DomainException('CAMPAIGN_STATUS_CONFLICT', '活动已结束，不能再修改');
      const version = before.version + 1;
      // Conditional on the version read: two editors at once cannot both make version n+1.
      const moved = await manager
        .createQueryBuilder()
        .update(Campaign)
        .set({ version, name: body.name, updatedAt: this.clock.now() })
        .where('id = :id AND version = :version', { id, version: before.version })
        .execute();
      if (affectedRows(moved) !== 1)
        throw new DomainException('CAMPAIGN_STATUS_CONFLICT', '活动已被他人修改，请刷新后重试');
      await this.addVersion(manager, id, version, body.definition, `staff:${principal.id}`);
      await this.audit.record({
        actor: principal,
        action: 'campaign.update',
        objectType: 'campaign',
        objectId: id,
        before: { name: before.name, version: before.version },
        after: { name: body.name, version, definition: body.definition },
      });
    });
    return this.get(id);
  }

  async move(principal: Principal, id: number, move: keyof typeof MOVES): Promise<AdminCampaignView> {
    const { from, to, action } = MOVES[move];
    await this.transactions.run(async (manager) => {
      const before = await this.find(id, manager);
      if (before.status === to) return;
      if (!from.includes(before.status)) {
        throw new DomainException('CAMPAIGN_STATUS_CONFLICT', `活动当前为${before.status}，不能执行此操作`);
      }
      if (to === 'ACTIVE') await this.assertDefinition(await this.definitionOf(manager, id, before.version));
      const moved = await manager
        .createQueryBuilder()
        .update(Campaign)
        .set({ status: to, updatedAt: this.clock.now() })
        .where('id = :id AND status = :status', { id, status: before.status })
        .execute();
      if (affectedRows(moved) !== 1) throw new DomainException('CAMPAIGN_STATUS_CONFLICT');
      await this.audit.record({
        actor: principal,
        action,
        objectType: 'campaign',
        objectId: id,
        before: { status: before.status },
        after: { status: to },
      });
    });
    return this.get(id);
  }

  async versionsOf(id: number): Promise<AdminCampaignVersionView[]> {
    await this.find(id);
    const rows = await this.versions.find({ where: { campaignId: id }, order: { version: 'DESC' } });
    return rows.map((v) => ({
      version: v.version,
      definition: v.definition,
      createdBy: v.createdBy,
      createdAt: v.createdAt.toISOString(),
    }));
  }

  async results(id: number): Promise<AdminCampaignResults> {
    await this.find(id);
    const rows = await this.grants
      .createQueryBuilder('g')
      .select('g.version', 'version')
      .addSelect('g.outcome', 'outcome')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(g.costFen)', 'costFen')
      .where('g.campaignId = :id', { id })
      .groupBy('g.version')
      .addGroupBy('g.outcome')
      .orderBy('g.version', 'ASC')
      .getRawMany<{ version: number | string; outcome: string; n: number | string; costFen: number | string | null }>();
    const byVersion = new Map<number, AdminCampaignResults['byVersion'][number]>();
    const totals = { granted: 0, heldOut: 0, overBudget: 0, overMemberLimit: 0, costFen: 0 };
    for (const row of rows) {
      const version = Number(row.version);
      const n = Number(row.n);
      const entry = byVersion.get(version) ?? { version, granted: 0, heldOut: 0, overBudget: 0, costFen: 0 };
      if (row.outcome === 'GRANTED') {
        entry.granted += n;
        entry.costFen += Number(row.costFen ?? 0);
        totals.granted += n;
        totals.costFen += Number(row.costFen ?? 0);
      } else if (row.outcome === 'HELD_OUT') {
        entry.heldOut += n;
        totals.heldOut += n;
      } else if (row.outcome === 'OVER_BUDGET') {
        entry.overBudget += n;
        totals.overBudget += n;
      } else {
        totals.overMemberLimit += n;
      }
      byVersion.set(version, entry);
    }
    const coupons = await this.grants
      .createQueryBuilder('g')
      .select('g.couponId', 'couponId')
      .where('g.campaignId = :id AND g.couponId IS NOT NULL', { id })
      .getRawMany<{ couponId: number | string }>();
    return {
      campaignId: id,
      ...totals,
      couponsUsed: await this.coupons.usedCount(coupons.map((c) => Number(c.couponId))),
      byVersion: [...byVersion.values()],
    };
  }

  /**
   * What a definition would have done over the last `days` days: the paid orders and till sales recorded then,
   * replayed through the trigger, the holdout (when a key is given) and the per-member limit, as if the campaign
   * had been running. Budgets are not applied: the answer is what it would cost without them. Only ORDER_PAID can
   * be replayed; other triggers answer `replayable: false`.
   */
  async dryRun(body: AdminCampaignDryRunDto): Promise<AdminCampaignDryRunResponse> {
    const definition = body.definition;
    await this.assertDefinition(definition);
    const days = body.days ?? 1;
    const empty = { days, purchases: 0, qualifyingPurchases: 0, members: 0, grants: 0, heldOut: 0, costFen: 0 };
    if (definition.trigger.kind !== 'ORDER_PAID') return { ...empty, replayable: false };
    const to = this.clock.now();
    const from = new Date(to.getTime() - days * DAY_MS);
    const orders = await this.orders.paidBetween(from, to, DRY_RUN_MAX_PURCHASES);
    const sales = await this.tills.salesBetween(from, to, DRY_RUN_MAX_PURCHASES);
    const memberIds = [
      ...orders.map((o) => o.memberId).filter((m): m is number => typeof m === 'number'),
      ...sales.map((s) => s.memberId),
    ];
    const firstOrders = await this.orders.firstPaidAt(memberIds);
    const firstSales = await this.tills.firstSaleAt(memberIds);
    const firstOf = (memberId: number): Date | null => {
      const times = [firstOrders.get(memberId), firstSales.get(memberId)].filter((d): d is Date => d !== undefined);
      return times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null;
    };
    const categories = await this.catalog.categoriesOf(orders.flatMap((o) => o.lines.map((l) => l.productId)));
    const purchases: { memberId: number; fact: CampaignFact }[] = [];
    for (const order of orders) {
      if (typeof order.memberId !== 'number' || !order.paidAt) continue;
      const categoryItems: Record<number, number> = {};
      for (const line of order.lines) {
        const category = categories.get(line.productId);
        if (category !== undefined) categoryItems[category] = (categoryItems[category] ?? 0) + line.quantity;
      }
      purchases.push({
        memberId: order.memberId,
        fact: {
          kind: 'ORDER_PAID',
          paidAt: order.paidAt,
          paidFen: order.payableFen,
          paymentMethod: 'WECHAT_PAY',
          firstPurchaseAt: firstOf(order.memberId),
          categoryItems,
        },
      });
    }
    for (const sale of sales) {
      purchases.push({
        memberId: sale.memberId,
        fact: {
          kind: 'ORDER_PAID',
          paidAt: sale.createdAt,
          paidFen: sale.payableFen,
          paymentMethod: sale.paymentMethod,
          firstPurchaseAt: firstOf(sale.memberId),
          categoryItems: null,
        },
      });
    }
    purchases.sort((a, b) =>
      a.fact.kind === 'ORDER_PAID' && b.fact.kind === 'ORDER_PAID'
        ? a.fact.paidAt.getTime() - b.fact.paidAt.getTime()
        : 0,
    );
    const costEach = await this.costOf(definition);
    const perMember = new Map<number, number>();
    let qualifyingPurchases = 0;
    let heldOut = 0;
    let grants = 0;
    // Without a key (a new draft) nobody is held out: the holdout hashes the campaign key.
    const replayed = body.key ? definition : { ...definition, holdoutBp: 0 };
    for (const { memberId, fact } of purchases) {
      const verdict = judgeCampaign(body.key ?? '', replayed, memberId, fact);
      if (verdict === 'NO_MATCH' || verdict === 'CLOSED') continue;
      qualifyingPurchases++;
      if (verdict === 'HELD_OUT') {
        heldOut++;
        continue;
      }
      const had = perMember.get(memberId) ?? 0;
      if (definition.limits.perMember !== null && had >= definition.limits.perMember) continue;
      perMember.set(memberId, had + 1);
      grants++;
    }
    return {
      ...empty,
      replayable: true,
      purchases: purchases.length,
      qualifyingPurchases,
      members: perMember.size,
      grants,
      heldOut,
      costFen: grants * costEach,
    };
  }

  /** The definition's own rules (shared) and what only the server knows: the template, and a budget it can count. */
  private async assertDefinition(definition: CampaignDefinition): Promise<void> {
    const problems: ApiErrorDetail[] = campaignDefinitionProblems(definition);
    if (problems.length === 0 && definition.action.kind === 'ISSUE_COUPON') {
      const template = await this.coupons.templateById(definition.action.couponTemplateId);
      if (!template) problems.push({ field: 'action.couponTemplateId', reason: '优惠券模板不存在' });
      else if (template.status !== 'ACTIVE')
        problems.push({ field: 'action.couponTemplateId', reason: '优惠券模板已停用' });
      else if (definition.limits.budgetFen !== null && costOfCoupon(template) === 0) {
        problems.push({ field: 'limits.budgetFen', reason: '无封顶的折扣券无法按金额计算预算，请改用预算份数' });
      }
    }
    if (problems.length > 0) {
      throw new DomainException(
        'VALIDATION_FAILED',
        `请求参数有误：${problems.map((p) => p.reason).join('；')}`,
        problems,
      );
    }
  }

  private async costOf(definition: CampaignDefinition): Promise<number> {
    if (definition.action.kind !== 'ISSUE_COUPON') return 0;
    const template = await this.coupons.templateById(definition.action.couponTemplateId);
    return template ? costOfCoupon(template) : 0;
  }

  private async addVersion(
    manager: EntityManager,
    campaignId: number,
    version: number,
    definition: CampaignDefinition,
    createdBy: string,
  ): Promise<void> {
    await manager.insert(CampaignVersion, { campaignId, version, definition, createdBy, createdAt: this.clock.now() });
  }

  private async definitionOf(manager: EntityManager, campaignId: number, version: number): Promise<CampaignDefinition> {
    const row = await manager.getRepository(CampaignVersion).findOneByOrFail({ campaignId, version });
    return row.definition;
  }

  private async find(id: number, manager?: EntityManager): Promise<Campaign> {
    const row = await (manager ? manager.getRepository(Campaign) : this.campaigns).findOneBy({ id });
    if (!row) throw new DomainException('CAMPAIGN_NOT_FOUND');
    return row;
  }

  private async views(rows: Campaign[]): Promise<AdminCampaignView[]> {
    if (rows.length === 0) return [];
    const versions = await this.versions
      .createQueryBuilder('v')
      .where(rows.map((_, i) => `(v.campaignId = :c${i} AND v.version = :v${i})`).join(' OR '))
      .setParameters(
        Object.fromEntries(
          rows.flatMap((r, i) => [
            [`c${i}`, r.id],
            [`v${i}`, r.version],
          ]),
        ),
      )
      .getMany();
    const budgets = await this.campaigns.manager
      .getRepository(CampaignBudget)
      .createQueryBuilder('b')
      .where('b.campaignId IN (:...ids)', { ids: rows.map((r) => r.id) })
      .getMany();
    return rows.map((c) => {
      const budget = budgets.find((b) => b.campaignId === c.id);
      return {
        id: c.id,
        key: c.key,
        name: c.name,
        status: c.status,
        version: c.version,
        definition: versions.find((v) => v.campaignId === c.id)!.definition,
        grantedCount: budget?.grantedCount ?? 0,
        spentFen: budget?.spentFen ?? 0,
        createdAt: c.createdAt.toISOString(),
        updatedAt: c.updatedAt.toISOString(),
      };
    });
  }
}
