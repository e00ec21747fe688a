import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type Coupon,
  couponLabel,
  type CouponView,
  type CouponWalletResponse,
  type CouponWalletStatus,
  fen,
} from '@tidepool/shared';
import { type EntityManager, In, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { CouponTemplate } from './coupon-template.entity';
import { MemberCoupon } from './member-coupon.entity';

export interface IssueOptions {
  /** Unique per issuing rule and member, e.g. `birthday:42:2026`. */
  issueKey: string;
  /** Defaults to now. */
  validFrom?: Date;
}

/** Coupon wallets: issuing (idempotent per rule), reading, and spending / giving back by conditional UPDATE. */
@Injectable()
export class CouponsService {
  constructor(
    @InjectRepository(CouponTemplate) private readonly templates: Repository<CouponTemplate>,
    @InjectRepository(MemberCoupon) private readonly coupons: Repository<MemberCoupon>,
    private readonly clock: Clock,
  ) {}

  async template(code: string): Promise<CouponTemplate> {
    const template = await this.templates.findOneBy({ code });
    if (!template) throw new DomainException('COUPON_TEMPLATE_NOT_FOUND');
    return template;
  }

  /** Issues the template to each member once per key; answers how many were new. */
  async issue(template: CouponTemplate, members: { memberId: number; issueKey: string; validFrom?: Date }[]) {
    if (members.length === 0) return { issued: 0, alreadyHad: 0 };
    const now = this.clock.now();
    const rows = members.map(({ memberId, issueKey, validFrom }) =>
      this.rowFor(template, memberId, issueKey, validFrom ?? now, now),
    );
    const before = await this.coupons.countBy({ issueKey: In(rows.map((r) => r.issueKey)) });
    // INSERT IGNORE / ON CONFLICT DO NOTHING: an issue key already present (a rerun, another replica) is skipped.
    await this.coupons
      .createQueryBuilder()
      .insert()
      .into(MemberCoupon)
      .values(rows)
      .orIgnore()
      .updateEntity(false)
      .execute();
    const after = await this.coupons.countBy({ issueKey: In(rows.map((r) => r.issueKey)) });
    return { issued: after - before, alreadyHad: rows.length - (after - before) };
  }

  async templateById(id: number, manager?: EntityManager): Promise<CouponTemplate | null> {
    return (manager ? manager.getRepository(CouponTemplate) : this.templates).findOneBy({ id });
  }

  /**
   * Issues one coupon inside the caller's unit of work (a campaign's grant commits with it), once per issue key:
   * a key already present answers the coupon it issued (its id either way). `validDays` overrides the template's for this coupon.
   */
  async issueIn(
    manager: EntityManager,
    template: CouponTemplate,
    grant: { memberId: number; issueKey: string; validFrom?: Date; validDays?: number },
  ): Promise<number> {
    const now = this.clock.now();
    const terms = grant.validDays === undefined ? template : { ...template, validDays: grant.validDays };
    await manager
      .createQueryBuilder()
      .insert()
      .into(MemberCoupon)
      .values(this.rowFor(terms, grant.memberId, grant.issueKey, grant.validFrom ?? now, now))
      .orIgnore()
      .updateEntity(false)
      .execute();
    const row = await manager.getRepository(MemberCoupon).findOneOrFail({
      where: { issueKey: grant.issueKey },
      select: { id: true },
    });
    return row.id;
  }

  /** Of these coupons, how many have been used (counted in SQL). */
  async usedCount(couponIds: readonly number[]): Promise<number> {
    if (couponIds.length === 0) return 0;
    return this.coupons.countBy({ id: In([...couponIds]), status: 'USED' });
  }

  /** A wallet row copied from its template, valid `validDays` from `from`. */
  rowFor(template: CouponTemplate, memberId: number, issueKey: string, from: Date, now: Date) {
    return {
      memberId,
      templateId: template.id,
      issueKey,
      name: template.name,
      kind: template.kind,
      amountOffFen: template.amountOffFen,
      payRateBp: template.payRateBp,
      maxDiscountFen: template.maxDiscountFen,
      thresholdFen: template.thresholdFen,
      scope: template.scope,
      stacking: template.stacking,
      version: `${template.code}@${template.version}`,
      status: 'AVAILABLE' as const,
      // A template with fixed dates gives every coupon the same window; otherwise validDays from the issue.
      validFrom: template.validFrom ?? from,
      validUntil: template.validUntil ?? new Date(from.getTime() + template.validDays * 86_400_000),
      issuedAt: now,
      usedAt: null,
      usedBy: null,
    };
  }

  /** One of the member's coupons as the wallet shows it; another member's is not found. */
  async mine(memberId: number, couponId: number): Promise<CouponView> {
    const row = await this.coupons.findOneBy({ id: couponId, memberId });
    if (!row) throw new DomainException('COUPON_NOT_FOUND');
    return this.toView(row);
  }

  async wallet(memberId: number, status?: CouponWalletStatus): Promise<CouponWalletResponse> {
    const rows = await this.coupons.find({ where: { memberId }, order: { validUntil: 'ASC', id: 'ASC' } });
    const views = rows.map((r) => this.toView(r));
    const counts = { AVAILABLE: 0, USED: 0, EXPIRED: 0 };
    for (const v of views) counts[v.status]++;
    return { items: status ? views.filter((v) => v.status === status) : views, counts };
  }

  async countAvailable(memberId: number): Promise<number> {
    return (await this.wallet(memberId)).counts.AVAILABLE;
  }

  /**
   * The member's coupons by id, as pricing-engine coupons, for a quote. Another member's coupon is "not found";
   * a used or expired one answers its specific code.
   */
  async forQuote(memberId: number, couponIds: readonly number[]): Promise<Coupon[]> {
    if (couponIds.length === 0) return [];
    const rows = await this.coupons.findBy({ id: In([...couponIds]), memberId });
    return couponIds.map((id) => {
      const row = rows.find((r) => r.id === id);
      if (!row) throw new DomainException('COUPON_NOT_FOUND');
      const status = this.statusOf(row);
      if (status === 'USED') throw new DomainException('COUPON_ALREADY_USED');
      if (status === 'EXPIRED') throw new DomainException('COUPON_EXPIRED');
      if (row.validFrom.getTime() > this.clock.now().getTime()) throw new DomainException('COUPON_NOT_STARTED');
      return this.toPricing(row);
    });
  }

  /**
   * The wallet's coupons usable now (started, not expired, not used), each as the pricing engine's coupon and as
   * the wallet shows it: what checkout offers and what the till lists and counts.
   */
  async usable(memberId: number): Promise<{ coupon: Coupon; view: CouponView }[]> {
    const rows = await this.coupons.find({
      where: { memberId, status: 'AVAILABLE' },
      order: { validUntil: 'ASC', id: 'ASC' },
    });
    const now = this.clock.now().getTime();
    return rows
      .filter((row) => this.statusOf(row) === 'AVAILABLE' && row.validFrom.getTime() <= now)
      .map((row) => ({ coupon: this.toPricing(row), view: this.toView(row) }));
  }

  /** Spends coupons for a purchase inside its transaction; refuses if any is no longer available. */
  async use(manager: EntityManager, memberId: number, couponIds: readonly number[], usedBy: string): Promise<void> {
    const now = this.clock.now();
    for (const id of couponIds) {
      const result = await manager
        .createQueryBuilder()
        .update(MemberCoupon)
        .set({ status: 'USED', usedAt: now, usedBy })
        .where("id = :id AND memberId = :memberId AND status = 'AVAILABLE' AND validUntil > :now", {
          id,
          memberId,
          now,
        })
        .execute();
      if (affectedRows(result) !== 1) throw new DomainException('COUPON_ALREADY_USED');
    }
  }

  /** Gives back the coupons a cancelled or fully refunded purchase spent (only those it spent). */
  async release(manager: EntityManager, usedBy: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(MemberCoupon)
      .set({ status: 'AVAILABLE', usedAt: null, usedBy: null })
      .where("usedBy = :usedBy AND status = 'USED'", { usedBy })
      .execute();
    return affectedRows(result);
  }

  private statusOf(row: MemberCoupon): CouponWalletStatus {
    if (row.status === 'USED') return 'USED';
    return row.validUntil.getTime() <= this.clock.now().getTime() ? 'EXPIRED' : 'AVAILABLE';
  }

  toPricing(row: MemberCoupon): Coupon {
    const base = {
      id: row.id,
      version: row.version,
      name: row.name,
      thresholdFen: fen(row.thresholdFen),
      scope: row.scope,
      stacking: row.stacking,
      validFrom: row.validFrom.toISOString(),
      validUntil: row.validUntil.toISOString(),
    };
    return row.kind === 'AMOUNT_OFF'
      ? { ...base, kind: 'AMOUNT_OFF', amountOffFen: fen(row.amountOffFen ?? 0) }
      : {
          ...base,
          kind: 'PERCENT',
          payRateBp: row.payRateBp ?? 10_000,
          maxDiscountFen: row.maxDiscountFen === null ? null : fen(row.maxDiscountFen),
        };
  }

  toView(row: MemberCoupon): CouponView {
    const coupon = this.toPricing(row);
    return {
      id: row.id,
      name: row.name,
      label: couponLabel({ ...coupon, name: undefined }),
      kind: row.kind,
      amountOffFen: row.amountOffFen,
      payRateBp: row.payRateBp,
      maxDiscountFen: row.maxDiscountFen,
      thresholdFen: row.thresholdFen,
      scope: row.scope,
      stacking: row.stacking,
      status: this.statusOf(row),
      validFrom: row.validFrom.toISOString(),
      validUntil: row.validUntil.toISOString(),
      usedAt: row.usedAt?.toISOString() ?? null,
    };
  }
}
