import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';
import type { AuthenticatedRequest, Principal } from './principal';

/** The verified caller of a route guarded by @Roles. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  // Only reachable on a @Public route, where no principal is required: a programming error, not the caller's.
  if (!principal) throw new DomainException('UNAUTHENTICATED');
  return principal;
});

/** On a @Public route: the caller when a valid token was sent, else null (a visitor). */
export const OptionalUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | null =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal ?? null,
);
