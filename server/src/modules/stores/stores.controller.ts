import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { SignupCodeInfo, StoreSignupCodeResponse } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Public } from '../../common/auth/public.decorator';
import { Roles } from '../../common/auth/roles.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { SIGNUP_PAGE, SignupCodesService } from './signup-codes.service';

@ApiTags('stores')
@Controller()
export class StoresController {
  constructor(private readonly signupCodes: SignupCodesService) {}

  /** What the signup landing page shows after a scan. Public: the shopper is not a member yet. */
  @Public()
  @Get('signup-codes/:token')
  @ApiOkResponse({ description: 'SignupCodeInfo; 404 SIGNUP_CODE_NOT_FOUND' })
  info(@Param('token') token: string): Promise<SignupCodeInfo> {
    return this.signupCodes.info(token);
  }

  /**
   * The printable signup code of a store (`staff=1`: the calling cashier's own code, which also attributes
   * signups to them). A cashier gets only their own store's; an operator any store's.
   */
  @Roles('cashier', 'operator')
  @Get('stores/:storeId/signup-code')
  @ApiQuery({ name: 'staff', required: false, enum: ['0', '1'] })
  @ApiOkResponse({ description: 'StoreSignupCodeResponse' })
  async signupCode(
    @CurrentUser() principal: Principal,
    @Param('storeId', new IdParamPipe('storeId')) storeId: number,
    @Query('staff') staff?: string,
  ): Promise<StoreSignupCodeResponse> {
    if (principal.role === 'cashier' && principal.storeId !== storeId) throw new DomainException('FORBIDDEN');
    if (staff !== undefined && staff !== '0' && staff !== '1') {
      throw new DomainException('VALIDATION_FAILED', '请求参数有误：字段 staff 无效', [
        { field: 'staff', reason: 'staff must be 0 or 1' },
      ]);
    }
    const forStaff = staff === '1' && principal.role === 'cashier';
    const code = await this.signupCodes.codeFor(storeId, forStaff ? principal.id : null);
    const image = await this.signupCodes.image(code.token);
    return {
      token: code.token,
      page: `${SIGNUP_PAGE}?scene=${code.token}`,
      imageDataUrl: `data:image/png;base64,${image.toString('base64')}`,
      h5Url: `/${SIGNUP_PAGE}?token=${code.token}`,
    };
  }
}
