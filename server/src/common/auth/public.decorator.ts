import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'tidepool:isPublic';

/**
 * Marks a route callable without a token. Every route must declare who may call it; the auth guard (membership
 * issue) treats anything not marked public as needing a session.
 */
export const Public = () => SetMetadata(IS_PUBLIC, true);
