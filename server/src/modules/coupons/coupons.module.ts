import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog';
import { MembersModule } from '../members';
import { AdminCouponsController } from './admin-coupons.controller';
import { BirthdayCouponsJob } from './birthday-coupons.job';
import { CouponTemplate } from './coupon-template.entity';
import { CouponTemplatesBootstrap } from './coupon-templates.bootstrap';
import { CouponTemplatesAdminService } from './coupon-templates-admin.service';
import { CouponTemplatesService } from './coupon-templates.service';
import { CouponCentreController } from './coupon-centre.controller';
import { CouponCentreService } from './coupon-centre.service';
import { CouponsController } from './coupons.controller';
import { CouponsService } from './coupons.service';
import { MemberCoupon } from './member-coupon.entity';
import { MemberCouponsHook } from './member-coupons.hook';
import { SignupGiftConsumer } from './signup-gift.consumer';

/** Coupon templates, wallets, issuing rules (birthday) and spending/returning coupons. */
@Module({
  imports: [TypeOrmModule.forFeature([CouponTemplate, MemberCoupon]), MembersModule, CatalogModule],
  controllers: [CouponsController, CouponCentreController, AdminCouponsController],
  providers: [
    CouponsService,
    CouponTemplatesService,
    CouponTemplatesAdminService,
    CouponTemplatesBootstrap,
    BirthdayCouponsJob,
    SignupGiftConsumer,
    CouponCentreService,
    MemberCouponsHook,
  ],
  exports: [CouponsService, BirthdayCouponsJob, CouponTemplatesAdminService],
})
export class CouponsModule {}
