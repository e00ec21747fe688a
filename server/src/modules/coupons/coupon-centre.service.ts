import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type ClaimCouponResponse,
  type CouponCentreItem,
  type CouponCentreResponse,
  type CouponClaimSettingsRequest,
  type CouponClaimSettingsView,
  couponLabel,
  fen,
} from '@tidepool/shared';
import { In, Like, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { CouponTemplate } from './coupon-template.entity';
import { CouponsService } from './coupons.service';
import { MemberCoupon } from './member-coupon.entity';

/**
 * The coupon centre (领券中心). An operator marks a template claimable with a per-member limit and a total stock;
 * a member claims it themselves. A claim is one transaction: a conditional UPDATE takes a unit of stock
 * (`claimedCount < claimTotal`), and the coupon's issue key `claim:<template>:<member>:<n>` is unique, so two
 * taps of the same member claim once and parallel claims of the last unit give it to exactly one member. A refused
 * claim rolls back whole: nothing changes.
 */
@Injectable()
export class CouponCentreService {
  constructor(
    @InjectRepository(CouponTemplate) private readonly templates: Repository<CouponTemplate>,
    @InjectRepository(MemberCoupon) private readonly coupons: Repository<MemberCoupon>,
    private readonly wallet: CouponsService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async list(memberId: number): Promise<CouponCentreResponse> {
    const rows = await this.templates.find({ where: { claimable: true }, order: { id: 'ASC' } });
    const mine = await this.claimedBy(
      memberId,
      rows.map((r) => r.id),
    );
    return { items: rows.map((row) => this.item(row, mine.get(row.id) ?? 0)) };
  }

  async claim(memberId: number, templateId: number): Promise<ClaimCouponResponse> {
    for (let attempt = 1; ; attempt++) {
      const template = await this.templates.findOneBy({ id: templateId, claimable: true });
      if (!template) throw new DomainException('COUPON_NOT_CLAIMABLE');
      const claimed = (await this.claimedBy(memberId, [templateId])).get(templateId) ?? 0;
      if (claimed >= template.claimPerMember) throw new DomainException('COUPON_CLAIM_LIMIT');
      try {
        const couponId = await this.transactions.run(async (manager) => {
          const taken = await manager
            .createQueryBuilder()
            .update(CouponTemplate)
            .set({ claimedCount: () => 'claimedCount + 1' })
            .where('id = :id AND claimable = 1 AND (claimTotal IS NULL OR claimedCount < claimTotal)', {
              id: templateId,
            })
            .execute();
          if (affectedRows(taken) !== 1) {
            const now = await manager.getRepository(CouponTemplate).findOneBy({ id: templateId });
            throw new DomainException(now?.claimable ? 'COUPON_CLAIM_SOLD_OUT' : 'COUPON_NOT_CLAIMABLE');
          }
          const at = this.clock.now();
          const inserted = await manager
            .createQueryBuilder()
            .insert()
            .into(MemberCoupon)
            .values(this.wallet.rowFor(template, memberId, claimKey(templateId, memberId, claimed + 1), at, at))
            .execute();
          return Number((inserted.identifiers[0] as { id: number }).id);
        });
        const [coupon, fresh] = await Promise.all([
          this.wallet.mine(memberId, couponId),
          this.templates.findOneByOrFail({ id: templateId }),
        ]);
        return { coupon, item: this.item(fresh, claimed + 1) };
      } catch (error) {
        // The same member claiming twice at once: the loser's issue key is taken. Count again (a limit above one
        // may still allow it); at the limit it is refused.
        if (!isUniqueViolation(error)) throw error;
        if (attempt >= 3) throw new DomainException('COUPON_CLAIM_LIMIT');
      }
    }
  }

  async settings(code: string, request: CouponClaimSettingsRequest): Promise<CouponClaimSettingsView> {
    const template = await this.wallet.template(code);
    const qb = this.templates
      .createQueryBuilder()
      .update(CouponTemplate)
      .set({ claimable: request.claimable, claimPerMember: request.perMemberLimit, claimTotal: request.totalStock })
      .where('id = :id', { id: template.id });
    // Never below what was claimed already (checked in the same statement, so a claim in between cannot slip by).
    if (request.totalStock !== null) qb.andWhere('claimedCount <= :total', { total: request.totalStock });
    if (affectedRows(await qb.execute()) !== 1) {
      throw new DomainException('VALIDATION_FAILED', '请求参数有误：总库存不能少于已领取数量', [
        { field: 'totalStock', reason: `${template.claimedCount} already claimed` },
      ]);
    }
    const row = await this.templates.findOneByOrFail({ id: template.id });
    return {
      code: row.code,
      templateId: row.id,
      claimable: row.claimable,
      perMemberLimit: row.claimPerMember,
      totalStock: row.claimTotal,
      claimed: row.claimedCount,
    };
  }

  /** Coupons the member claimed from the centre, per template. */
  private async claimedBy(memberId: number, templateIds: number[]): Promise<Map<number, number>> {
    if (templateIds.length === 0) return new Map();
    const rows = await this.coupons
      .createQueryBuilder('c')
      .select('c.templateId', 'templateId')
      .addSelect('COUNT(*)', 'n')
      .where({ memberId, templateId: In(templateIds), issueKey: Like('claim:%') })
      .groupBy('c.templateId')
      .getRawMany<{ templateId: number | string; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.templateId), Number(r.n)]));
  }

  private item(row: CouponTemplate, claimedByMe: number): CouponCentreItem {
    const remaining = row.claimTotal === null ? null : Math.max(0, row.claimTotal - row.claimedCount);
    const state = claimedByMe >= row.claimPerMember ? 'CLAIMED' : remaining === 0 ? 'SOLD_OUT' : ('CLAIMABLE' as const);
    return {
      templateId: row.id,
      name: row.name,
      label: labelOf(row),
      kind: row.kind,
      amountOffFen: row.amountOffFen,
      payRateBp: row.payRateBp,
      maxDiscountFen: row.maxDiscountFen,
      thresholdFen: row.thresholdFen,
      scope: row.scope,
      stacking: row.stacking,
      validDays: row.validDays,
      perMemberLimit: row.claimPerMember,
      remaining,
      claimedByMe,
      state,
    };
  }
}

function claimKey(templateId: number, memberId: number, n: number): string {
  return `claim:${templateId}:${memberId}:${n}`;
}

/** 满99减20, 无门槛减8, 8.8折: the label a template's coupons will carry. */
export function labelOf(row: CouponTemplate): string {
  const base = {
    id: row.id,
    version: `${row.code}@${row.version}`,
    thresholdFen: fen(row.thresholdFen),
    scope: row.scope,
    stacking: row.stacking,
    validFrom: null,
    validUntil: null,
  };
  return couponLabel(
    row.kind === 'AMOUNT_OFF'
      ? { ...base, kind: 'AMOUNT_OFF', amountOffFen: fen(row.amountOffFen ?? 0) }
      : {
          ...base,
          kind: 'PERCENT',
          payRateBp: row.payRateBp ?? 10_000,
          maxDiscountFen: row.maxDiscountFen === null ? null : fen(row.maxDiscountFen),
        },
  );
}
