import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { StaffWechatInviteResponse } from '@tidepool/shared';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { StaffService } from './staff.service';

@ApiTags('admin')
@Roles('operator')
@Controller('admin/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  /** An invite for the staff member to bind their WeChat (then they log in with wx.login instead of a password). */
  @Post(':id/wechat-invite')
  @HttpCode(200)
  @ApiOkResponse({ description: 'StaffWechatInviteResponse; 404 STAFF_NOT_FOUND' })
  async invite(@Param('id', new IdParamPipe()) id: number): Promise<StaffWechatInviteResponse> {
    const { inviteCode, expiresAt } = await this.staff.createWechatInvite(id);
    return { inviteCode, expiresAt: expiresAt.toISOString() };
  }
}
