import { Controller, Get } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CurrentUser } from '../../src/common/auth/current-user.decorator';
import type { Principal } from '../../src/common/auth/principal';
import { Public } from '../../src/common/auth/public.decorator';
import { Roles } from '../../src/common/auth/roles.decorator';
import { Clock, TestClock } from '../../src/common/clock/clock.service';
import { ApiExceptionFilter } from '../../src/common/errors/api-exception.filter';
import { APP_CONFIG } from '../../src/config/config.module';
import { loadConfig } from '../../src/config/env';
import { AuthTokenService } from '../../src/modules/auth/auth-token.service';
import { AuthGuard } from '../../src/modules/auth/auth.guard';
import { StaffService } from '../../src/modules/staff';

/** Staff accounts the fake staff service reports as disabled (or gone). */
const inactiveStaff = new Set<number>([4]);

/** Routes with every kind of declaration, to exercise the guard in isolation. */
@Controller('probe')
class ProbeController {
  @Public()
  @Get('public')
  open(): string {
    return 'anyone';
  }

  @Roles('operator')
  @Get('operator')
  operatorOnly(@CurrentUser() principal: Principal): Principal {
    return principal;
  }

  @Roles('cashier', 'operator')
  @Get('staff')
  staffOnly(@CurrentUser() principal: Principal): Principal {
    return principal;
  }

  @Get('undeclared')
  undeclared(): string {
    return 'should never answer';
  }
}

let app: NestFastifyApplication;
let tokens: AuthTokenService;
beforeAll(async () => {
  const moduleRef = await Test.createTestingModule({
    controllers: [ProbeController],
    providers: [
      AuthTokenService,
      { provide: APP_CONFIG, useValue: loadConfig({ NODE_ENV: 'test' }) },
      { provide: Clock, useValue: new TestClock(new Date()) },
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: StaffService, useValue: { isActive: (id: number) => Promise.resolve(!inactiveStaff.has(id)) } },
    ],
  }).compile();
  app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  app.useGlobalFilters(new ApiExceptionFilter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  tokens = app.get(AuthTokenService);
});
afterAll(() => app.close());

const call = (path: string, principal?: Principal) =>
  app.inject({
    method: 'GET',
    url: `/probe/${path}`,
    headers: principal ? { authorization: `Bearer ${tokens.sign(principal)}` } : {},
  });
const member: Principal = { id: 1, role: 'member', storeId: null };
const cashier: Principal = { id: 2, role: 'cashier', storeId: 5 };
const operator: Principal = { id: 3, role: 'operator', storeId: null };

describe('AuthGuard', () => {
  it('lets anyone call a @Public route', async () => {
    expect((await call('public')).statusCode).toBe(200);
  });

  it('answers 401 without a token and 403 FORBIDDEN for a role the route does not list', async () => {
    expect((await call('operator')).json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    for (const who of [member, cashier]) {
      const res = await call('operator', who);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ code: 'FORBIDDEN', message: '没有权限执行此操作' });
    }
    expect((await call('staff', member)).statusCode).toBe(403);
  });

  it('hands the verified principal to @CurrentUser', async () => {
    expect((await call('operator', operator)).json()).toEqual(operator);
    expect((await call('staff', cashier)).json()).toEqual(cashier);
  });

  it('closes a route that declares neither @Public nor @Roles to everybody', async () => {
    expect((await call('undeclared')).statusCode).toBe(401);
    for (const who of [member, cashier, operator]) expect((await call('undeclared', who)).statusCode).toBe(403);
  });

  it('refuses the token of a disabled staff account with 401, a role check first', async () => {
    const disabled: Principal = { id: 4, role: 'operator', storeId: null };
    const res = await call('operator', disabled);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await call('public', disabled)).statusCode).toBe(200);
  });
});
