import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ROLES, STORE_BOUND_ROLES, type Role } from '@tidepool/shared';
import { Clock } from '../../common/clock/clock.service';
import type { Principal } from '../../common/auth/principal';
import { DomainException } from '../../common/errors/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';

/** The only header we issue and the only one we accept: no `alg: none`, no algorithm switching. */
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

interface Claims {
  sub: string;
  role: Role;
  storeId?: number;
  iat: number;
  exp: number;
}

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

/**
 * Bearer tokens: JWTs signed with HMAC-SHA256 (hand-rolled on node:crypto; the format is small and a dependency
 * would add more surface than it saves). Stateless, so any replica verifies them with the shared secret.
 */
@Injectable()
export class AuthTokenService {
  private readonly secret: string;
  private readonly ttlSeconds: number;

  constructor(
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'auth'>,
    private readonly clock: Clock,
  ) {
    this.secret = config.auth.tokenSecret;
    this.ttlSeconds = config.auth.tokenTtlSeconds;
  }

  sign(principal: Principal): string {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const claims: Claims = { sub: String(principal.id), role: principal.role, iat, exp: iat + this.ttlSeconds };
    if (STORE_BOUND_ROLES.includes(principal.role) && principal.storeId !== null) claims.storeId = principal.storeId;
    const payload = base64url(JSON.stringify(claims));
    return `${HEADER}.${payload}.${this.signature(`${HEADER}.${payload}`)}`;
  }

  /** The principal a token names, or UNAUTHENTICATED for anything forged, malformed or expired. */
  verify(token: string): Principal {
    const [header, payload, signature, ...rest] = token.split('.');
    if (header !== HEADER || !payload || !signature || rest.length > 0) throw unauthenticated();
    const expected = Buffer.from(this.signature(`${header}.${payload}`));
    const actual = Buffer.from(signature);
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw unauthenticated();

    let claims: Partial<Claims>;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<Claims>;
    } catch {
      throw unauthenticated();
    }
    const now = this.clock.now().getTime() / 1000;
    if (typeof claims.exp !== 'number' || claims.exp <= now) throw unauthenticated();
    const id = Number(claims.sub);
    if (!Number.isSafeInteger(id) || id <= 0 || !ROLES.includes(claims.role as Role)) throw unauthenticated();
    const role = claims.role as Role;
    const storeBound = STORE_BOUND_ROLES.includes(role);
    if (storeBound && !Number.isSafeInteger(claims.storeId)) throw unauthenticated();
    return { id, role, storeId: storeBound ? (claims.storeId as number) : null };
  }

  /** The principal, or null for a token that does not verify (public routes that merely personalise). */
  tryVerify(token: string): Principal | null {
    try {
      return this.verify(token);
    } catch {
      return null;
    }
  }

  private signature(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }
}

function unauthenticated(): DomainException {
  return new DomainException('UNAUTHENTICATED');
}
