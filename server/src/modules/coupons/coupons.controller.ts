import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CouponWalletResponse } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { MembersService } from '../members';
import { CouponWalletQueryDto } from './dto/coupons.requests';
import { CouponsService } from './coupons.service';

@ApiTags('coupons')
@Controller()
export class CouponsController {
  constructor(
    private readonly coupons: CouponsService,
    private readonly members: MembersService,
  ) {}

  /** The wallet (可用 / 已使用 / 已过期) with counts per tab. */
  @Roles('member', 'promoter')
  @Get('coupons/me')
  @ApiOkResponse({ description: 'CouponWalletResponse' })
  async wallet(
    @CurrentUser() principal: Principal,
    @Query() query: CouponWalletQueryDto,
  ): Promise<CouponWalletResponse> {
    await this.members.requireById(principal.id);
    return this.coupons.wallet(principal.id, query.status);
  }
}
