import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { CouponTemplate } from './coupon-template.entity';
import { DEFAULT_TEMPLATES } from './default-templates';

/** Creates the rule templates (birthday…) when missing; INSERT IGNORE so replicas booting together agree. */
@Injectable()
export class CouponTemplatesBootstrap implements OnApplicationBootstrap {
  constructor(
    @InjectRepository(CouponTemplate) private readonly templates: Repository<CouponTemplate>,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const now = this.clock.now();
    await this.templates
      .createQueryBuilder()
      .insert()
      .into(CouponTemplate)
      .values(DEFAULT_TEMPLATES.map((t) => ({ ...t, version: 1, createdAt: now })))
      .orIgnore()
      .updateEntity(false)
      .execute();
  }
}
