import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AdminStaffView, Page, StaffWechatInviteResponse } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { AdminStaffQueryDto, CreateStaffDto, ResetStaffPasswordDto } from './dto/staff-admin.requests';
import { StaffAdminService } from './staff-admin.service';

@ApiTags('admin')
@Roles('operator', 'store_manager')
@Controller('admin/staff')
export class AdminStaffController {
  constructor(private readonly staff: StaffAdminService) {}

  @Get()
  @ApiOperation({
    summary: 'Staff accounts, filtered by store, role, name and state',
    description: 'A store manager sees only the accounts of their own store.',
  })
  @ApiOkResponse({ description: 'Page<AdminStaffView>' })
  list(@Query() query: AdminStaffQueryDto, @CurrentUser() principal: Principal): Promise<Page<AdminStaffView>> {
    return this.staff.list(query, principal);
  }

  @Post()
  @ApiOperation({
    summary: 'Create a cashier or store-manager account',
    description:
      'Username stored trimmed and lower-cased (409 STAFF_USERNAME_TAKEN naming it); password at least 8 ' +
      'characters. A store manager may create cashiers of their own store only (another store → 404).',
  })
  @ApiOkResponse({ description: 'AdminStaffView' })
  create(@Body() body: CreateStaffDto, @CurrentUser() principal: Principal): Promise<AdminStaffView> {
    return this.staff.create(principal, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One staff account', description: '404 STAFF_NOT_FOUND outside the caller’s store.' })
  @ApiOkResponse({ description: 'AdminStaffView' })
  get(@Param('id', new IdParamPipe()) id: number, @CurrentUser() principal: Principal): Promise<AdminStaffView> {
    return this.staff.get(id, principal);
  }

  @Put(':id/password')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password chosen by the admin',
    description: 'Answers nothing; the admin tells the person the new password. Audited without the password.',
  })
  @ApiNoContentResponse()
  resetPassword(
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: ResetStaffPasswordDto,
    @CurrentUser() principal: Principal,
  ): Promise<void> {
    return this.staff.resetPassword(principal, id, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Disable an account',
    description: 'It can no longer log in (403 STAFF_DISABLED) and its tokens stop working at once (401).',
  })
  @ApiOkResponse({ description: 'AdminStaffView' })
  disable(@Param('id', new IdParamPipe()) id: number, @CurrentUser() principal: Principal): Promise<AdminStaffView> {
    return this.staff.setDisabled(principal, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Re-enable a disabled account',
    description: 'Its old tokens work again until they expire.',
  })
  @ApiOkResponse({ description: 'AdminStaffView' })
  enable(@Param('id', new IdParamPipe()) id: number, @CurrentUser() principal: Principal): Promise<AdminStaffView> {
    return this.staff.setDisabled(principal, id, false);
  }

  /** An invite for the staff member to bind their WeChat (then they log in with wx.login instead of a password). */
  @Post(':id/wechat-invite')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A single-use WeChat-binding invite code (24 h)',
    description: 'Replaces a pending invite; only its hash is stored, so the code is shown this once.',
  })
  @ApiOkResponse({ description: 'StaffWechatInviteResponse; 404 STAFF_NOT_FOUND' })
  invite(
    @Param('id', new IdParamPipe()) id: number,
    @CurrentUser() principal: Principal,
  ): Promise<StaffWechatInviteResponse> {
    return this.staff.wechatInvite(principal, id);
  }
}
