import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { StoreMemberSummary, VoucherView } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { MemberCodeScanDto, RedeemVoucherDto } from './dto/store-mode.requests';
import { StoreModeService } from './store-mode.service';

/** The cashier's till: scan a member code, then act on that member in the cashier's own store. */
@ApiTags('store-mode')
@Roles('cashier')
@Controller('store-mode')
export class StoreModeController {
  constructor(private readonly storeMode: StoreModeService) {}

  @Post('scans')
  @HttpCode(200)
  @ApiOkResponse({ description: 'StoreMemberSummary; MEMBER_CODE_INVALID / _EXPIRED / _USED; 429 RATE_LIMITED' })
  scan(@CurrentUser() cashier: Principal, @Body() body: MemberCodeScanDto): Promise<StoreMemberSummary> {
    return this.storeMode.scan(cashier, body.code);
  }

  @Get('scans/:scanId')
  @ApiOkResponse({
    description: 'StoreMemberSummary now (points after a sale, coupons left); 410 SCAN_EXPIRED; 403 other store',
  })
  refresh(
    @CurrentUser() cashier: Principal,
    @Param('scanId', new IdParamPipe('scanId')) scanId: number,
  ): Promise<StoreMemberSummary> {
    return this.storeMode.refresh(cashier, scanId);
  }

  @Post('vouchers/:voucherId/redeem')
  @HttpCode(200)
  @ApiOkResponse({ description: 'VoucherView; 409 VOUCHER_ALREADY_REDEEMED; 410 SCAN_EXPIRED; 403 other store' })
  redeem(
    @CurrentUser() cashier: Principal,
    @Param('voucherId', new IdParamPipe('voucherId')) voucherId: number,
    @Body() body: RedeemVoucherDto,
  ): Promise<VoucherView> {
    return this.storeMode.redeemVoucher(cashier, voucherId, body.scanId);
  }
}
