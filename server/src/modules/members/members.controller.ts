import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  MemberCenterResponse,
  MemberCodeCredentialResponse,
  MemberDeletionRequestResponse,
  PersonalDataExport,
  VoucherListResponse,
} from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { SetBirthdayDto, SignupDto, VoucherListQueryDto } from './dto/members.requests';
import { MemberCenterService } from './member-center.service';
import { MemberCodeService } from './member-code.service';
import { MemberDeletionRequests } from './deletion-requests.service';
import { MembersService } from './members.service';
import { PersonalDataService } from './personal-data.service';
import { SignupService } from './signup.service';
import { VouchersService } from './vouchers.service';

/** The member's own routes: every one acts on the caller only, so another member's data is unreachable. */
@ApiTags('members')
@Roles('member', 'promoter')
@Controller('members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly center: MemberCenterService,
    private readonly signups: SignupService,
    private readonly codes: MemberCodeService,
    private readonly vouchers: VouchersService,
    private readonly personalData: PersonalDataService,
    private readonly deletionRequests: MemberDeletionRequests,
  ) {}

  @Get('me')
  @ApiOkResponse({ description: 'MemberCenterResponse' })
  async me(@CurrentUser() principal: Principal): Promise<MemberCenterResponse> {
    return this.center.card(await this.members.requireById(principal.id));
  }

  @Post('signup')
  @HttpCode(200)
  @ApiOkResponse({ description: 'MemberCenterResponse; idempotent' })
  async signup(@CurrentUser() principal: Principal, @Body() body: SignupDto): Promise<MemberCenterResponse> {
    await this.signups.signup(principal.id, body);
    return this.me(principal);
  }

  @Put('me/birthday')
  @ApiOkResponse({ description: 'MemberCenterResponse; 409 BIRTHDAY_ALREADY_SET' })
  async setBirthday(@CurrentUser() principal: Principal, @Body() body: SetBirthdayDto): Promise<MemberCenterResponse> {
    await this.signups.setBirthday(principal.id, body.birthday);
    return this.me(principal);
  }

  @Post('me/code-credential')
  @HttpCode(200)
  @ApiOkResponse({ description: 'MemberCodeCredentialResponse; 403 NOT_SIGNED_UP' })
  async codeCredential(@CurrentUser() principal: Principal): Promise<MemberCodeCredentialResponse> {
    return this.codes.provision(await this.members.requireById(principal.id));
  }

  @Get('me/vouchers')
  @ApiOkResponse({ description: 'VoucherListResponse' })
  async listVouchers(
    @CurrentUser() principal: Principal,
    @Query() query: VoucherListQueryDto,
  ): Promise<VoucherListResponse> {
    await this.members.requireById(principal.id);
    return { items: await this.vouchers.list(principal.id, query.status) };
  }

  @Get('me/export')
  @ApiOkResponse({ description: 'PersonalDataExport (PIPL)' })
  export(@CurrentUser() principal: Principal): Promise<PersonalDataExport> {
    return this.personalData.export(principal.id);
  }

  @Post('me/deletion-request')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'MemberDeletionRequestResponse: the request to delete the account (PIPL), queued for the brand to process; ' +
      'asking again while one is pending answers the pending one',
  })
  requestDeletion(@CurrentUser() principal: Principal): Promise<MemberDeletionRequestResponse> {
    return this.deletionRequests.request(principal.id);
  }

  @Delete('me')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Account deleted: personal fields anonymised' })
  deleteAccount(@CurrentUser() principal: Principal): Promise<void> {
    return this.personalData.deleteAccount(principal.id);
  }
}
