import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MembersModule } from '../members';
import { StaffModule } from '../staff';
import { WechatModule } from '../wechat';
import { AuthTokenService } from './auth-token.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginAttemptLimiter } from './login-attempt.limiter';

/** Logins, bearer tokens, and the global guard that makes every route declare who may call it. */
@Module({
  imports: [WechatModule, MembersModule, StaffModule],
  controllers: [AuthController],
  providers: [AuthTokenService, AuthService, LoginAttemptLimiter, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthTokenService],
})
export class AuthModule {}
