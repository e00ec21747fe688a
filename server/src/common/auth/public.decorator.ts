import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'tidepool:isPublic';

/**
 * Marks a route callable without a token. Every route must declare who may call it: `@Public()` or `@Roles(…)`.
 * The auth guard treats anything else as needing a session, and the OpenAPI document carries `x-public` so the
 * route audit test can tell the two apart.
 */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-public', true));
