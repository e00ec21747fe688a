import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AdminCouponTemplateView, AdminIssueCouponsResponse, Page, TierCode } from '@tidepool/shared';
import { type EntityManager, In, type Repository } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { toPage } from '../../common/http/pagination.dto';
import { type RawFigures, toNumber } from '../../common/reports/day-buckets';
import { AuditLog } from '../audit';
import { MemberLoyaltyReader, MembersService } from '../members';
import { labelOf } from './coupon-centre.service';
import { CouponTemplate } from './coupon-template.entity';
import { CouponsService } from './coupons.service';
import type {
  AdminCouponTemplateDto,
  AdminCouponTemplateListQueryDto,
  AdminIssueCouponsDto,
} from './dto/admin-coupons.requests';
import { MemberCoupon } from './member-coupon.entity';

/** Members issued per statement: one INSERT of this many rows, never one query per member. */
const ISSUE_PAGE = 500;

/** What the template's issued coupons are now, counted in SQL. */
export interface CouponUsageCounts {
  issued: number;
  used: number;
  expired: number;
  unused: number;
}

/**
 * The operator side of coupon templates (the console's 优惠券): list, create, edit, stop, and issuing to members
 * by phone, id or tier. Every write records one audit entry in its own unit of work; an issue batch is one entry
 * with the target and the count, however many members it reached.
 */
@Injectable()
export class CouponTemplatesAdminService {
  constructor(
    @InjectRepository(CouponTemplate) private readonly templates: Repository<CouponTemplate>,
    @InjectRepository(MemberCoupon) private readonly coupons: Repository<MemberCoupon>,
    private readonly wallet: CouponsService,
    private readonly members: MembersService,
    private readonly loyalty: MemberLoyaltyReader,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async list(query: AdminCouponTemplateListQueryDto): Promise<Page<AdminCouponTemplateView>> {
    const qb = this.templates.createQueryBuilder('t');
    if (query.name) qb.andWhere("t.name LIKE :name ESCAPE '!'", { name: `%${escapeLike(query.name)}%` });
    if (query.kind) qb.andWhere('t.kind = :kind', { kind: query.kind });
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    const [rows, total] = await qb.orderBy('t.id', 'DESC').skip(query.offset).take(query.pageSize).getManyAndCount();
    return toPage(
      rows.map((row) => this.view(row)),
      total,
      query,
    );
  }

  async get(id: number): Promise<AdminCouponTemplateView> {
    return this.view(await this.byId(id));
  }

  /** A template by numeric id or by code (the older admin routes name templates by code). */
  async byRef(ref: string): Promise<CouponTemplate> {
    return /^\d+$/.test(ref) ? this.byId(Number(ref)) : this.wallet.template(ref);
  }

  /** Creates a template; an existing `code` is updated instead (the older upsert contract). */
  async create(actor: Principal, body: AdminCouponTemplateDto): Promise<AdminCouponTemplateView> {
    if (body.code) {
      const existing = await this.templates.findOneBy({ code: body.code });
      if (existing) return this.update(actor, existing.id, body);
    }
    const code = body.code ?? generatedCode(this.clock.now());
    return this.transactions.run(async (manager) => {
      const inserted = await manager.insert(CouponTemplate, {
        code,
        ...this.fields(body),
        claimable: body.claimable ?? false,
        claimPerMember: body.claimPerMember ?? 1,
        claimTotal: body.claimTotal ?? null,
        claimedCount: 0,
        status: 'ACTIVE',
        version: 1,
        createdAt: this.clock.now(),
      });
      const id = Number((inserted.identifiers[0] as { id: number }).id);
      const row = await manager.getRepository(CouponTemplate).findOneByOrFail({ id });
      await this.audit.record({
        actor,
        action: 'coupon_template.create',
        objectType: 'coupon_template',
        objectId: id,
        after: snapshot(row),
      });
      return this.view(row);
    });
  }

  /** Edits the terms (the version moves; coupons already issued keep theirs). Stock never below what went out. */
  async update(actor: Principal, id: number, body: AdminCouponTemplateDto): Promise<AdminCouponTemplateView> {
    return this.transactions.run(async (manager) => {
      const repo = manager.getRepository(CouponTemplate);
      const before = await repo.findOneBy({ id });
      if (!before) throw new DomainException('COUPON_TEMPLATE_NOT_FOUND');
      const qb = manager
        .createQueryBuilder()
        .update(CouponTemplate)
        .set({
          ...this.fields(body),
          ...(body.claimable === undefined ? {} : { claimable: body.claimable && before.status === 'ACTIVE' }),
          ...(body.claimPerMember === undefined ? {} : { claimPerMember: body.claimPerMember }),
          ...(body.claimTotal === undefined ? {} : { claimTotal: body.claimTotal }),
          version: () => 'version + 1',
        })
        .where('id = :id', { id });
      // Checked in the same statement, so a claim in between cannot slip under the new stock.
      if (body.claimTotal !== undefined && body.claimTotal !== null) {
        qb.andWhere('claimedCount <= :total', { total: body.claimTotal });
      }
      if (affectedRows(await qb.execute()) !== 1) {
        throw new DomainException('VALIDATION_FAILED', '请求参数有误：总库存不能少于已发出的数量', [
          { field: 'claimTotal', reason: `总库存不能少于已发出的 ${before.claimedCount} 张` },
        ]);
      }
      const after = await repo.findOneByOrFail({ id });
      await this.audit.record({
        actor,
        action: 'coupon_template.update',
        objectType: 'coupon_template',
        objectId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return this.view(after);
    });
  }

  /** 停用: no more issues or claims (it leaves the coupon centre); coupons in wallets stay usable. */
  async stop(actor: Principal, id: number): Promise<AdminCouponTemplateView> {
    return this.transactions.run(async (manager) => {
      const repo = manager.getRepository(CouponTemplate);
      const before = await repo.findOneBy({ id });
      if (!before) throw new DomainException('COUPON_TEMPLATE_NOT_FOUND');
      if (before.status === 'STOPPED') return this.view(before);
      await repo.update({ id }, { status: 'STOPPED', claimable: false });
      const after = await repo.findOneByOrFail({ id });
      await this.audit.record({
        actor,
        action: 'coupon_template.stop',
        objectType: 'coupon_template',
        objectId: id,
        before: { status: before.status, claimable: before.claimable },
        after: { status: after.status, claimable: after.claimable },
      });
      return this.view(after);
    });
  }

  /**
   * Issues the template to one target (member ids, pasted phones or a whole tier) under a batch name. Each
   * coupon's key is `batch:<template>:<batch>:<member>`, so the same batch again issues nobody twice. Every
   * new coupon takes a unit of the template's stock in the same unit of work; a batch larger than what is left
   * is refused whole (409 COUPON_STOCK_SHORT) and issues nothing.
   */
  async issue(actor: Principal, ref: string, body: AdminIssueCouponsDto): Promise<AdminIssueCouponsResponse> {
    const targets = [body.memberIds, body.phones, body.tier].filter((t) => t !== undefined).length;
    if (targets !== 1) {
      throw new DomainException('VALIDATION_FAILED', '请求参数有误：请选择一种发放对象（手机号或会员等级）', [
        { field: 'phones', reason: '请填写手机号，或选择会员等级（只能选一种）' },
      ]);
    }
    const template = await this.byRef(ref);
    if (template.status !== 'ACTIVE') throw new DomainException('COUPON_TEMPLATE_STOPPED');
    let memberIds: number[] = [];
    let unknownPhones: string[] = [];
    if (body.phones) {
      const phones = [...new Set(body.phones)];
      const found = await this.members.idsByPhones(phones);
      unknownPhones = phones.filter((phone) => !found.has(phone));
      memberIds = [...new Set(found.values())];
    } else if (body.memberIds) {
      memberIds = [...new Set(body.memberIds)];
      const known = await this.members.byIds(memberIds);
      if (memberIds.some((id) => !known.get(id) || known.get(id)?.deletedAt)) {
        throw new DomainException('MEMBER_NOT_FOUND');
      }
    }
    const target = body.tier
      ? { tier: body.tier }
      : body.phones
        ? { phones: body.phones.length, unknownPhones: unknownPhones.length }
        : { memberIds: memberIds.length };
    return this.transactions.run(async (manager) => {
      let issued = 0;
      let reached = 0;
      const issuePage = async (ids: number[]) => {
        reached += ids.length;
        issued += await this.insertPage(manager, template, body.batch, ids);
      };
      if (body.tier) await this.forEachTierPage(body.tier, issuePage);
      else for (let i = 0; i < memberIds.length; i += ISSUE_PAGE) await issuePage(memberIds.slice(i, i + ISSUE_PAGE));
      if (issued > 0) await this.takeStock(manager, template.id, issued);
      const result = { issued, alreadyHad: reached - issued, unknownPhones };
      await this.audit.record({
        actor,
        action: 'coupon_template.issue',
        objectType: 'coupon_template',
        objectId: template.id,
        after: { batch: body.batch, target, issued, alreadyHad: result.alreadyHad },
      });
      return result;
    });
  }

  /** Issued, used, expired and unused coupons of the template, in one grouped SQL statement. */
  async usage(templateId: number): Promise<CouponUsageCounts> {
    await this.byId(templateId);
    const row = await this.coupons
      .createQueryBuilder('c')
      .select('COUNT(*)', 'issued')
      .addSelect("SUM(CASE WHEN c.status = 'USED' THEN 1 ELSE 0 END)", 'used')
      .addSelect("SUM(CASE WHEN c.status = 'AVAILABLE' AND c.validUntil <= :now THEN 1 ELSE 0 END)", 'expired')
      .where('c.templateId = :templateId', { templateId, now: this.clock.now() })
      .getRawOne<RawFigures>();
    const issued = toNumber(row?.issued);
    const used = toNumber(row?.used);
    const expired = toNumber(row?.expired);
    return { issued, used, expired, unused: issued - used - expired };
  }

  /** One page (id order) of what spent the template's used coupons: `order:<id>` or `till:<id>`. */
  async usedByPage(templateId: number, afterId: number, limit: number): Promise<{ id: number; usedBy: string }[]> {
    const rows = await this.coupons
      .createQueryBuilder('c')
      .select(['c.id', 'c.usedBy'])
      .where("c.templateId = :templateId AND c.status = 'USED' AND c.id > :afterId", { templateId, afterId })
      .orderBy('c.id', 'ASC')
      .take(limit)
      .getMany();
    return rows.map((row) => ({ id: row.id, usedBy: row.usedBy ?? '' }));
  }

  /** Inserts the page's coupons (an existing key is skipped) and answers how many are new. */
  private async insertPage(manager: EntityManager, template: CouponTemplate, batch: string, ids: number[]) {
    if (ids.length === 0) return 0;
    const now = this.clock.now();
    const rows = ids.map((memberId) =>
      this.wallet.rowFor(template, memberId, `batch:${template.id}:${batch}:${memberId}`, now, now),
    );
    const keys = In(rows.map((row) => row.issueKey));
    const repo = manager.getRepository(MemberCoupon);
    const before = await repo.countBy({ issueKey: keys });
    await manager
      .createQueryBuilder()
      .insert()
      .into(MemberCoupon)
      .values(rows)
      .orIgnore()
      .updateEntity(false)
      .execute();
    return (await repo.countBy({ issueKey: keys })) - before;
  }

  /** Walks every signed-up member in pages and hands on those in the tier (two queries per page). */
  private async forEachTierPage(tier: TierCode, handle: (ids: number[]) => Promise<void>): Promise<void> {
    for (let after = 0; ;) {
      const page = await this.members.signedUpIdsPage(after, ISSUE_PAGE);
      if (page.length === 0) return;
      const tiers = await this.loyalty.tiersOf(page);
      await handle(page.filter((id) => tiers.get(id) === tier));
      after = page[page.length - 1]!;
    }
  }

  /** Takes `count` units of stock by a conditional UPDATE; refuses (rolling the batch back) past the stock. */
  private async takeStock(manager: EntityManager, templateId: number, count: number): Promise<void> {
    const taken = await manager
      .createQueryBuilder()
      .update(CouponTemplate)
      .set({ claimedCount: () => 'claimedCount + :count' })
      .where("id = :id AND status = 'ACTIVE' AND (claimTotal IS NULL OR claimedCount + :count <= claimTotal)", {
        id: templateId,
        count,
      })
      .execute();
    if (affectedRows(taken) === 1) return;
    const now = await manager.getRepository(CouponTemplate).findOneByOrFail({ id: templateId });
    if (now.status !== 'ACTIVE') throw new DomainException('COUPON_TEMPLATE_STOPPED');
    const left = Math.max(0, (now.claimTotal ?? 0) - now.claimedCount);
    throw new DomainException('COUPON_STOCK_SHORT', `优惠券库存不足：本次需发放 ${count} 张，剩余 ${left} 张`);
  }

  private async byId(id: number): Promise<CouponTemplate> {
    const row = await this.templates.findOneBy({ id });
    if (!row) throw new DomainException('COUPON_TEMPLATE_NOT_FOUND');
    return row;
  }

  /** The columns a create or edit sets from the request; fixed dates replace validDays. */
  private fields(body: AdminCouponTemplateDto) {
    const validFrom = body.validFrom ? new Date(body.validFrom) : null;
    const validUntil = body.validUntil ? new Date(body.validUntil) : null;
    const fixed = validFrom !== null && validUntil !== null;
    return {
      name: body.name.trim(),
      kind: body.kind,
      amountOffFen: body.kind === 'AMOUNT_OFF' ? (body.amountOffFen ?? null) : null,
      payRateBp: body.kind === 'PERCENT' ? (body.payRateBp ?? null) : null,
      maxDiscountFen: body.kind === 'PERCENT' ? (body.maxDiscountFen ?? null) : null,
      thresholdFen: body.thresholdFen,
      scope: body.scope,
      stacking: body.stacking,
      // With fixed dates validDays only describes the window (whole days, rounded up) for older readers.
      validDays: fixed
        ? Math.max(1, Math.ceil((validUntil.getTime() - validFrom.getTime()) / 86_400_000))
        : body.validDays!,
      validFrom: fixed ? validFrom : null,
      validUntil: fixed ? validUntil : null,
    };
  }

  view(row: CouponTemplate): AdminCouponTemplateView {
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      label: labelOf(row),
      status: row.status,
      version: row.version,
      kind: row.kind,
      amountOffFen: row.amountOffFen,
      payRateBp: row.payRateBp,
      maxDiscountFen: row.maxDiscountFen,
      thresholdFen: row.thresholdFen,
      scope: row.scope,
      stacking: row.stacking,
      validDays: row.validDays,
      validFrom: row.validFrom?.toISOString() ?? null,
      validUntil: row.validUntil?.toISOString() ?? null,
      claimable: row.claimable,
      claimPerMember: row.claimPerMember,
      claimTotal: row.claimTotal,
      claimedCount: row.claimedCount,
      createdAt: row.createdAt.toISOString(),
    };
  }
}

/** The audited fields of a template (no counters that move without an operator). */
function snapshot(row: CouponTemplate) {
  return {
    name: row.name,
    kind: row.kind,
    amountOffFen: row.amountOffFen,
    payRateBp: row.payRateBp,
    maxDiscountFen: row.maxDiscountFen,
    thresholdFen: row.thresholdFen,
    scope: row.scope,
    stacking: row.stacking,
    validDays: row.validDays,
    validFrom: row.validFrom?.toISOString() ?? null,
    validUntil: row.validUntil?.toISOString() ?? null,
    claimable: row.claimable,
    claimPerMember: row.claimPerMember,
    claimTotal: row.claimTotal,
    status: row.status,
    version: row.version,
  };
}

/** `T` + the UTC date and six random hex digits: unique enough, and readable in logs. */
function generatedCode(now: Date): string {
  return `T${now.toISOString().slice(0, 10).replace(/-/g, '')}_${randomBytes(3).toString('hex').toUpperCase()}`;
}

function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}
