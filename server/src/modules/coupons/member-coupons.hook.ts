import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { MemberDataHooks } from '../members';
import { MemberCoupon } from './member-coupon.entity';

/** The usable-coupon count on the member center card, which the members module assembles. */
@Injectable()
export class MemberCouponsHook implements OnModuleInit {
  constructor(
    private readonly hooks: MemberDataHooks,
    @InjectRepository(MemberCoupon) private readonly coupons: Repository<MemberCoupon>,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.hooks.countCouponsWith((memberId) =>
      this.coupons.countBy({ memberId, status: 'AVAILABLE', validUntil: MoreThan(this.clock.now()) }),
    );
  }
}
