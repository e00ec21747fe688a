import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type AdminPromoterView,
  maskPhone,
  type PromoterApplyRequest,
  type PromoterMeView,
  type PromoterStatus,
} from '@tidepool/shared';
import { In, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { isUniqueViolation } from '../../common/errors/database-errors';
import type { PageQueryDto } from '../../common/http/pagination.dto';
import { toPage } from '../../common/http/pagination.dto';
import { MembersService } from '../members';
import { StaffService } from '../staff';
import { CommissionLedger } from './commission-ledger';
import { CustomerBinding, Promoter, PromoterAccount } from './distribution.entities';
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

  async list(status: PromoterStatus | undefined, query: PageQueryDto) {
    const [rows, total] = await this.promoters.findAndCount({
      where: status ? { status } : {},
      order: { id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(await this.adminViews(rows), total, query);
  }

  async approve(id: number): Promise<AdminPromoterView> {
    const result = await this.promoters
      .createQueryBuilder()
      .update(Promoter)
      .set({ status: 'APPROVED', approvedAt: this.clock.now(), rejectReason: null })
      .where("id = :id AND status IN ('PENDING', 'REJECTED', 'DISABLED')", { id })
      .execute();
    return this.afterTransition(id, affectedRows(result));
  }

  async reject(id: number, reason: string): Promise<AdminPromoterView> {
    const result = await this.promoters.update({ id, status: 'PENDING' }, { status: 'REJECTED', rejectReason: reason });
    return this.afterTransition(id, affectedRows(result));
  }

  async disable(id: number): Promise<AdminPromoterView> {
    const result = await this.promoters.update({ id, status: 'APPROVED' }, { status: 'DISABLED' });
    return this.afterTransition(id, affectedRows(result));
  }

  private async afterTransition(id: number, affected: number): Promise<AdminPromoterView> {
    const promoter = await this.promoters.findOneBy({ id });
    if (!promoter) throw new DomainException('PROMOTER_NOT_FOUND');
    if (affected !== 1) throw new DomainException('PROMOTER_STATE_CONFLICT');
    return (await this.adminViews([promoter]))[0];
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
    return rows.map((p) => ({
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
      availableFen: accounts.get(p.id)?.availableFen ?? 0,
      pendingFen: accounts.get(p.id)?.pendingFen ?? 0,
    }));
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
