import { MemberPointsAdmin } from './member-points-admin.service';
import { MemberProfileAdmin } from './member-profile-admin.service';
import { MemberDeletionRequests } from './deletion-requests.service';
import { MemberDeletionRequest } from './deletion-request.entity';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoyaltyModule } from '../loyalty';
import { StoresModule } from '../stores';
import { WechatModule } from '../wechat';
import { AdminMembersController } from './admin-members.controller';
import { MemberCenterService } from './member-center.service';
import { MemberDataHooks } from './member-data-hooks';
import { MemberCodeService } from './member-code.service';
import { MemberLoyaltyReader } from './member-loyalty';
import { Member } from './member.entity';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { PersonalDataService } from './personal-data.service';
import { SignupService } from './signup.service';
import { MemberVoucher } from './voucher.entity';
import { VouchersService } from './vouchers.service';

/** Members: signup, the member card, the member code credential, vouchers and personal data. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Member, MemberVoucher, MemberDeletionRequest]),
    StoresModule,
    WechatModule,
    LoyaltyModule,
  ],
  controllers: [MembersController, AdminMembersController],
  providers: [
    MemberPointsAdmin,
    MemberProfileAdmin,
    MemberDeletionRequests,
    MembersService,
    SignupService,
    MemberCenterService,
    MemberCodeService,
    MemberLoyaltyReader,
    VouchersService,
    PersonalDataService,
    MemberDataHooks,
  ],
  exports: [MembersService, MemberCodeService, MemberLoyaltyReader, VouchersService, MemberDataHooks],
})
export class MembersModule {}
