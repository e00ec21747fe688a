import { Injectable } from '@nestjs/common';
import type { CouponTemplateRequest } from '@tidepool/shared';
import { Clock } from '../../common/clock/clock.service';
import { Transactions } from '../../common/database/transactions';
import { CouponTemplate } from './coupon-template.entity';

/** Operators create and edit templates; an edit bumps the version (issued coupons keep their copy). */
@Injectable()
export class CouponTemplatesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  upsert(request: CouponTemplateRequest): Promise<CouponTemplate> {
    const fields = {
      name: request.name,
      kind: request.kind,
      amountOffFen: request.kind === 'AMOUNT_OFF' ? (request.amountOffFen ?? null) : null,
      payRateBp: request.kind === 'PERCENT' ? (request.payRateBp ?? null) : null,
      maxDiscountFen: request.kind === 'PERCENT' ? (request.maxDiscountFen ?? null) : null,
      thresholdFen: request.thresholdFen,
      scope: request.scope,
      stacking: request.stacking,
      validDays: request.validDays,
    };
    return this.transactions.run(async (manager) => {
      const repo = manager.getRepository(CouponTemplate);
      const existing = await repo.findOneBy({ code: request.code });
      if (existing) {
        await repo.update({ id: existing.id }, { ...fields, version: existing.version + 1 });
        return repo.findOneByOrFail({ id: existing.id });
      }
      return repo.save(
        repo.create({
          code: request.code,
          ...fields,
          validFrom: null,
          validUntil: null,
          status: 'ACTIVE',
          version: 1,
          createdAt: this.clock.now(),
        }),
      );
    });
  }
}
