import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MeResponse, StaffLoginResponse, WechatLoginResponse } from '@tidepool/shared';
import type { FastifyRequest } from 'fastify';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Public } from '../../common/auth/public.decorator';
import { ANY_ROLE, Roles } from '../../common/auth/roles.decorator';
import { AuthService } from './auth.service';
import { StaffLoginDto, StaffWechatBindDto, StaffWechatLoginDto, WechatLoginDto } from './dto/auth.requests';
import { MeResponseDto, StaffLoginResponseDto, WechatLoginResponseDto } from './dto/auth.responses';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/wechat-login')
  @HttpCode(200)
  @ApiOkResponse({ type: WechatLoginResponseDto })
  wechatLogin(@Body() body: WechatLoginDto): Promise<WechatLoginResponse> {
    return this.auth.wechatLogin(body.code);
  }

  @Public()
  @Post('auth/staff-login')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffLoginResponseDto })
  staffLogin(@Body() body: StaffLoginDto, @Req() request: FastifyRequest): Promise<StaffLoginResponse> {
    return this.auth.staffLogin(body.username, body.password, request.ip);
  }

  @Public()
  @Post('auth/staff-wechat-bind')
  @HttpCode(200)
  @ApiOkResponse({
    type: StaffLoginResponseDto,
    description: '400 STAFF_INVITE_INVALID; 409 STAFF_WECHAT_ALREADY_BOUND',
  })
  staffWechatBind(@Body() body: StaffWechatBindDto): Promise<StaffLoginResponse> {
    return this.auth.staffWechatBind(body.code, body.inviteCode);
  }

  @Public()
  @Post('auth/staff-wechat-login')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffLoginResponseDto, description: '401 STAFF_WECHAT_NOT_BOUND' })
  staffWechatLogin(@Body() body: StaffWechatLoginDto): Promise<StaffLoginResponse> {
    return this.auth.staffWechatLogin(body.code);
  }

  @Roles(...ANY_ROLE)
  @Get('me')
  @ApiOkResponse({ type: MeResponseDto })
  me(@CurrentUser() principal: Principal): Promise<MeResponse> {
    return this.auth.me(principal);
  }
}
