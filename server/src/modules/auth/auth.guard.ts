import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { STAFF_ROLE_NAMES, type Role, type StaffRoleName } from '@tidepool/shared';
import type { AuthenticatedRequest } from '../../common/auth/principal';
import { IS_PUBLIC } from '../../common/auth/public.decorator';
import { ROLES_KEY } from '../../common/auth/roles.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { StaffService } from '../staff';
import { AuthTokenService } from './auth-token.service';

const isStaffRole = (role: Role): role is StaffRoleName => (STAFF_ROLE_NAMES as readonly Role[]).includes(role);

/**
 * Global guard (APP_GUARD): every route needs a valid bearer token unless marked @Public(), and the token's
 * role must be one the route lists in @Roles(…). A route listing no roles is closed to all: default deny.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AuthTokenService,
    private readonly staff: StaffService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(request.headers.authorization ?? '');
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      // A public page still personalises for a caller who sends a valid token (@OptionalUser); a bad one is ignored.
      if (match?.[1]) request.principal = this.tokens.tryVerify(match[1]) ?? undefined;
      return true;
    }

    if (!match?.[1]) throw new DomainException('UNAUTHENTICATED');
    const principal = this.tokens.verify(match[1]);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!roles.includes(principal.role)) throw new DomainException('FORBIDDEN');
    // Staff tokens are few and powerful: a disabled (or re-roled) account stops acting at once, not when its
    // token expires. One primary-key read; member tokens are not checked here (their routes read the member).
    if (isStaffRole(principal.role) && !(await this.staff.isActive(principal.id, principal.role))) {
      throw new DomainException('UNAUTHENTICATED');
    }
    request.principal = principal;
    return true;
  }
}
