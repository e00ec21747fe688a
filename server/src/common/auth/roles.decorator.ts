import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ROLES as ALL, type Role } from '@tidepool/shared';

export const ROLES_KEY = 'tidepool:roles';

/** Every role, for routes any logged-in caller may use (e.g. GET /api/me). */
export const ANY_ROLE: readonly Role[] = ALL;

/**
 * The roles allowed to call a route (method or controller). A route with neither this nor `@Public()` is refused
 * to everybody (FORBIDDEN once authenticated): forgetting to declare who may call it must never open it.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiExtension('x-roles', roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no, invalid or expired token' }),
    ApiForbiddenResponse({ description: 'FORBIDDEN: the token’s role may not call this' }),
  );
