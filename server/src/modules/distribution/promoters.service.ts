import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type AdminCustomerBindingHistory,
  type AdminPromoterCustomerView,
  type AdminPromoterView,
  maskPhone,
  type Page,
  type PromoterApplyRequest,
  type PromoterMeView,
  type PromoterStatus,
} from '@tidepool/shared';
import { type EntityManager, In, type Repository, type UpdateResult } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { isUniqueViolation } from '../../common/errors/database-errors';
import type { PageQueryDto } from '../../common/http/pagination.dto';
import { toPage } from '../../common/http/pagination.dto';
import { AuditLog } from '../audit';
import { MembersService } from '../members';
import { StaffService } from '../staff';
import { CommissionLedger } from './commission-ledger';
import { BindingEvent, CustomerBinding, OrderAttribution, Promoter, PromoterAccount } from './distribution.entities';
import type { PromoterQueryDto } from './dto/distribution.requests';
import { DISTRIBUTION_OPTIONS, type DistributionOptions, rulesView } from './distribution.options';
import { randomToken } from './tokens';
import { BrandSettings } from '../brand';

const MAX_CHAIN = 20;

/**
 * Promoters (推手): members apply and an operator approves (or the configuration approves at once); a member whose
 * WeChat is a staff account's bound WeChat becomes an approved STAFF promoter by itself (全员营销). An invite token
 * sets the inviter (the second level), never to oneself or into a loop.
 */
@Injectable()
export class PromotersService {
  private readonly logger = new Logger('Promoters');

  constructor(
    @InjectRepository(Promoter) private readonly promoters: Repository<Promoter>,
    @InjectRepository(PromoterAccount) private readonly accounts: Repository<PromoterAccount>,
    private readonly members: MembersService,
    private readonly staff: StaffService,
    @InjectRepository(CustomerBinding) private readonly bindings: Repository<CustomerBinding>,
    private readonly ledger: CommissionLedger,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(DISTRIBUTION_OPTIONS) private readonly options: DistributionOptions,
    private readonly brand: BrandSettings,
    private readonly audit: AuditLog,
  ) {}

  async me(memberId: number): Promise<PromoterMeView> {
    const promoter = (await this.ensureStaffPromoter(memberId)) ?? (await this.promoters.findOneBy({ memberId }));
    return this.meView(promoter);
  }

  /** The caller as an approved promoter, or PROMOTER_NOT_APPROVED. */
  async requireApproved(memberId: number): Promise<Promoter> {
    const promoter = (await this.ensureStaffPromoter(memberId)) ?? (await this.promoters.findOneBy({ memberId }));
    if (!promoter || promoter.status !== 'APPROVED') throw new DomainException('PROMOTER_NOT_APPROVED');
    return promoter;
  }

  async approvedByMember(memberId: number): Promise<Promoter | null> {
    const promoter = (await this.ensureStaffPromoter(memberId)) ?? (await this.promoters.findOneBy({ memberId }));
    return promoter?.status === 'APPROVED' ? promoter : null;
  }

  async apply(memberId: number, request: PromoterApplyRequest): Promise<PromoterMeView> {
    const staffPromoter = await this.ensureStaffPromoter(memberId);
    if (staffPromoter) return this.meView(staffPromoter);
    const member = await this.members.anyById(memberId);
    if (!member || member.deletedAt) throw new DomainException('MEMBER_NOT_FOUND');
    const now = this.clock.now();
    const status: PromoterStatus = this.options.autoApprove ? 'APPROVED' : 'PENDING';
    const existing = await this.promoters.findOneBy({ memberId });
    if (existing && existing.status !== 'REJECTED' && existing.status !== 'NONE') return this.meView(existing);
    const inviterPromoterId = await this.inviterFor(request.inviteToken, memberId, existing?.id ?? null);
    const fields = {
      status,
      source: 'APPLICATION' as const,
      displayName: (request.nickname?.trim() || defaultName(member.phone)).slice(0, 64),
      avatarUrl: request.avatarUrl?.trim() || null,
      realName: request.realName?.trim() || null,
      appliedAt: now,
      approvedAt: status === 'APPROVED' ? now : null,
      rejectReason: null,
    };
    if (existing) {
      // REJECTED → apply again (conditional, so two taps do not both win).
      const result = await this.promoters.update(
        { id: existing.id, status: 'REJECTED' },
        { ...fields, inviterPromoterId: existing.inviterPromoterId ?? inviterPromoterId },
      );
      if (affectedRows(result) !== 1) throw new DomainException('PROMOTER_STATE_CONFLICT');
    } else {
      try {
        await this.transactions.run(async (manager) => {
          const inserted = await manager
            .getRepository(Promoter)
            .insert({ memberId, staffId: null, inviterPromoterId, inviteToken: randomToken(12), ...fields });
          await this.ledger.open(manager, Number((inserted.identifiers[0] as { id: number }).id));
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // a concurrent apply of the same member: answer its result
      }
    }
    const promoter = await this.promoters.findOneByOrFail({ memberId });
    this.logger.log({ msg: 'promoter applied', promoterId: promoter.id, status: promoter.status });
    return this.meView(promoter);
  }

  /**
   * A member whose openid is a staff account's bound WeChat is an approved STAFF promoter (created or upgraded
   * here, idempotently). Null for everyone else.
   */
  async ensureStaffPromoter(memberId: number): Promise<Promoter | null> {
    const member = await this.members.anyById(memberId);
    if (!member || member.deletedAt) return null;
    const staff = await this.staff.findByOpenid(member.openid);
    if (!staff) return null;
    const existing = await this.promoters.findOneBy({ memberId });
    const now = this.clock.now();
    if (existing) {
      if (existing.source === 'STAFF' && existing.status === 'APPROVED') return existing;
      if (existing.status === 'DISABLED') return existing; // an operator switched it off: stays off
      await this.promoters.update(
        { id: existing.id },
        { source: 'STAFF', staffId: staff.id, status: 'APPROVED', approvedAt: existing.approvedAt ?? now },
      );
      return this.promoters.findOneByOrFail({ id: existing.id });
    }
    try {
      await this.transactions.run(async (manager) => {
        const inserted = await manager.getRepository(Promoter).insert({
          memberId,
          staffId: staff.id,
          source: 'STAFF',
          status: 'APPROVED',
          displayName: staff.displayName.slice(0, 64),
          avatarUrl: null,
          realName: null,
          inviterPromoterId: null,
          inviteToken: randomToken(12),
          appliedAt: now,
          approvedAt: now,
          rejectReason: null,
        });
        await this.ledger.open(manager, Number((inserted.identifiers[0] as { id: number }).id));
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    return this.promoters.findOneByOrFail({ memberId });
  }

  /** The inviter for an invite token, or null when unknown, not approved, oneself or a loop. */
  private async inviterFor(token: string | undefined, memberId: number, selfId: number | null): Promise<number | null> {
    if (!token || !/^[A-Za-z0-9]{1,32}$/.test(token)) return null;
    const inviter = await this.promoters.findOneBy({ inviteToken: token });
    if (!inviter || inviter.status !== 'APPROVED' || inviter.memberId === memberId) return null;
    if (selfId !== null) {
      let cursor: number | null = inviter.inviterPromoterId;
      for (let i = 0; cursor !== null && i < MAX_CHAIN; i++) {
        if (cursor === selfId) return null;
        cursor = (await this.promoters.findOneBy({ id: cursor }))?.inviterPromoterId ?? null;
      }
    }
    return inviter.id;
  }

  /**
   * Member ids upstream of a promoter: its member, then the promoter that member is bound to (as a customer) or
   * was invited by, and so on. A visitor among them would close a loop.
   */
  async upstreamMemberIds(promoter: Promoter): Promise<number[]> {
    const seen = new Set<number>();
    const out: number[] = [];
    const queue: Promoter[] = [promoter];
    while (queue.length > 0 && out.length < MAX_CHAIN) {
      const p = queue.shift()!;
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      out.push(p.memberId);
      const next: number[] = [];
      const binding = await this.bindings.findOneBy({ memberId: p.memberId });
      if (binding) next.push(binding.promoterId);
      if (p.inviterPromoterId !== null) next.push(p.inviterPromoterId);
      const ids = next.filter((id) => !seen.has(id));
      if (ids.length) queue.push(...(await this.promoters.findBy({ id: In(ids) })));
    }
    return out;
  }

  // --- operators

  /** Filter and page in SQL; the figures of the page's promoters in three grouped queries (adminViews). */
  async list(query: PromoterQueryDto): Promise<Page<AdminPromoterView>> {
    const qb = this.promoters.createQueryBuilder('p');
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.q) {
      const id = /^\d{1,9}$/.test(query.q) ? Number(query.q) : -1;
      // `!` as the LIKE escape: a backslash literal is spelled differently in MySQL and SQLite.
      qb.andWhere("(p.id = :id OR p.displayName LIKE :q ESCAPE '!' OR p.realName LIKE :q ESCAPE '!')", {
        id,
        q: `%${query.q.replace(/[!%_]/g, (ch) => `!${ch}`)}%`,
      });
    }
    const [rows, total] = await qb.orderBy('p.id', 'DESC').skip(query.offset).take(query.pageSize).getManyAndCount();
    return toPage(await this.adminViews(rows), total, query);
  }

  async get(id: number): Promise<AdminPromoterView> {
    const promoter = await this.promoters.findOneBy({ id });
    if (!promoter) throw new DomainException('PROMOTER_NOT_FOUND');
    return (await this.adminViews([promoter]))[0];
  }

  async approve(id: number, actor: Principal): Promise<AdminPromoterView> {
    return this.transition(id, actor, 'promoter.approve', (manager) =>
      manager
        .createQueryBuilder()
        .update(Promoter)
        .set({ status: 'APPROVED', approvedAt: this.clock.now(), rejectReason: null })
        .where("id = :id AND status IN ('PENDING', 'REJECTED', 'DISABLED')", { id })
        .execute(),
    );
  }

  async reject(id: number, reason: string, actor: Principal): Promise<AdminPromoterView> {
    return this.transition(id, actor, 'promoter.reject', (manager) =>
      manager.getRepository(Promoter).update({ id, status: 'PENDING' }, { status: 'REJECTED', rejectReason: reason }),
    );
  }

  async disable(id: number, actor: Principal): Promise<AdminPromoterView> {
    return this.transition(id, actor, 'promoter.disable', (manager) =>
      manager.getRepository(Promoter).update({ id, status: 'APPROVED' }, { status: 'DISABLED' }),
    );
  }

  /** One conditional UPDATE and its audit entry in one unit of work; a lost race is a 409, an unknown id a 404. */
  private async transition(
    id: number,
    actor: Principal,
    action: string,
    update: (manager: EntityManager) => Promise<UpdateResult>,
  ): Promise<AdminPromoterView> {
    await this.transactions.run(async (manager) => {
      const before = await manager.getRepository(Promoter).findOneBy({ id });
      if (!before) throw new DomainException('PROMOTER_NOT_FOUND');
      if (affectedRows(await update(manager)) !== 1) throw new DomainException('PROMOTER_STATE_CONFLICT');
      const after = await manager.getRepository(Promoter).findOneByOrFail({ id });
      await this.audit.record({
        actor,
        action,
        objectType: 'promoter',
        objectId: id,
        before: { status: before.status, rejectReason: before.rejectReason },
        after: { status: after.status, rejectReason: after.rejectReason },
      });
    });
    return this.get(id);
  }

  /** The customers bound to a promoter now, newest binding first. */
  async customers(id: number, query: PageQueryDto): Promise<Page<AdminPromoterCustomerView>> {
    if (!(await this.promoters.exist({ where: { id } }))) throw new DomainException('PROMOTER_NOT_FOUND');
    const [rows, total] = await this.bindings.findAndCount({
      where: { promoterId: id },
      order: { boundAt: 'DESC', memberId: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const members = await this.members.byIds(rows.map((r) => r.memberId));
    return toPage(
      rows.map((b) => ({
        memberId: b.memberId,
        phoneMasked: maskPhone(members.get(b.memberId)?.phone),
        boundAt: b.boundAt.toISOString(),
        protectedUntil: b.protectedUntil.toISOString(),
      })),
      total,
      query,
    );
  }

  /** Who a customer is bound to and every binding decision about them, oldest first. */
  async bindingHistory(memberId: number): Promise<AdminCustomerBindingHistory> {
    const member = (await this.members.byIds([memberId])).get(memberId);
    if (!member) throw new DomainException('MEMBER_NOT_FOUND');
    const binding = await this.bindings.findOneBy({ memberId });
    const events = await this.bindings.manager
      .getRepository(BindingEvent)
      .find({ where: { memberId }, order: { id: 'ASC' }, take: 500 });
    const ids = new Set<number>(events.flatMap((e) => [e.promoterId, e.previousPromoterId ?? e.promoterId]));
    if (binding) ids.add(binding.promoterId);
    const names = new Map(
      (ids.size ? await this.promoters.findBy({ id: In([...ids]) }) : []).map((p) => [p.id, p.displayName]),
    );
    return {
      memberId,
      phoneMasked: maskPhone(member.phone),
      current: binding
        ? {
            promoterId: binding.promoterId,
            promoterName: names.get(binding.promoterId) ?? '',
            boundAt: binding.boundAt.toISOString(),
            protectedUntil: binding.protectedUntil.toISOString(),
          }
        : null,
      events: events.map((e) => ({
        id: e.id,
        at: e.createdAt.toISOString(),
        outcome: e.outcome,
        promoterId: e.promoterId,
        promoterName: names.get(e.promoterId) ?? '',
        previousPromoterId: e.previousPromoterId,
        previousPromoterName: e.previousPromoterId === null ? null : (names.get(e.previousPromoterId) ?? ''),
        protectedUntil: e.protectedUntil?.toISOString() ?? null,
      })),
    };
  }

  private async adminViews(rows: Promoter[]): Promise<AdminPromoterView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const members = new Map(
      [...(await this.members.byIds(rows.map((r) => r.memberId))).values()].map((m) => [m.id, m] as const),
    );
    const accounts = new Map((await this.accounts.findBy({ promoterId: In(ids) })).map((a) => [a.promoterId, a]));
    const counts = await this.bindings
      .createQueryBuilder('b')
      .select('b.promoterId', 'promoterId')
      .addSelect('COUNT(*)', 'n')
      .where('b.promoterId IN (:...ids)', { ids })
      .groupBy('b.promoterId')
      .getRawMany<{ promoterId: number; n: number | string }>();
    const countOf = new Map(counts.map((c) => [Number(c.promoterId), Number(c.n)]));
    // First-level attributions: the orders the promoter brought and what their buyers paid for the lines.
    const sales = await this.bindings.manager
      .getRepository(OrderAttribution)
      .createQueryBuilder('a')
      .select('a.promoterId', 'promoterId')
      .addSelect('COUNT(*)', 'orders')
      .addSelect('COALESCE(SUM(a.baseFen), 0)', 'paid')
      .where('a.promoterId IN (:...ids)', { ids })
      .groupBy('a.promoterId')
      .getRawMany<{ promoterId: number | string; orders: number | string; paid: number | string }>();
    const salesOf = new Map(
      sales.map((r) => [Number(r.promoterId), { orders: Number(r.orders), paid: Number(r.paid) }]),
    );
    return rows.map((p) => {
      const account = accounts.get(p.id);
      const available = account?.availableFen ?? 0;
      return {
        id: p.id,
        memberId: p.memberId,
        staffId: p.staffId,
        source: p.source,
        status: p.status,
        displayName: p.displayName,
        phoneMasked: maskPhone(members.get(p.memberId)?.phone),
        realName: p.realName,
        inviterPromoterId: p.inviterPromoterId,
        appliedAt: p.appliedAt.toISOString(),
        approvedAt: p.approvedAt?.toISOString() ?? null,
        customerCount: countOf.get(p.id) ?? 0,
        availableFen: available,
        pendingFen: account?.pendingFen ?? 0,
        rejectReason: p.rejectReason,
        orderCount: salesOf.get(p.id)?.orders ?? 0,
        paidFen: salesOf.get(p.id)?.paid ?? 0,
        withdrawingFen: account?.withdrawingFen ?? 0,
        withdrawnFen: account?.withdrawnFen ?? 0,
        debtFen: Math.max(-available, 0),
      };
    });
  }

  async meView(promoter: Promoter | null): Promise<PromoterMeView> {
    const rules = rulesView(this.options, this.brand.rules());
    if (!promoter) {
      return {
        status: 'NONE',
        promoterId: null,
        source: null,
        displayName: null,
        avatarUrl: null,
        inviter: null,
        inviteToken: null,
        appliedAt: null,
        approvedAt: null,
        rejectReason: null,
        rules,
      };
    }
    const inviter =
      promoter.inviterPromoterId === null ? null : await this.promoters.findOneBy({ id: promoter.inviterPromoterId });
    return {
      status: promoter.status,
      promoterId: promoter.id,
      source: promoter.source,
      displayName: promoter.displayName,
      avatarUrl: promoter.avatarUrl,
      inviter: inviter ? { promoterId: inviter.id, displayName: inviter.displayName } : null,
      inviteToken: promoter.status === 'APPROVED' ? promoter.inviteToken : null,
      appliedAt: promoter.appliedAt.toISOString(),
      approvedAt: promoter.approvedAt?.toISOString() ?? null,
      rejectReason: promoter.rejectReason,
      rules,
    };
  }
}

/** 推手 plus the phone's last four digits, until the promoter chooses a name. */
export function defaultName(phone: string | null): string {
  return phone ? `推手${phone.slice(-4)}` : '推手';
}
