import { randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import type { Clock } from '../../common/clock/clock.service';
import { DomainException } from '../../common/errors/domain.exception';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { WechatAccessToken } from './wechat-access-token.entity';

export interface FetchedToken {
  token: string;
  expiresInSeconds: number;
}

export interface TokenCacheTiming {
  /** Refresh once less than this is left, so no call goes out with a token about to die. */
  refreshMarginMs: number;
  /** How long a refresher may hold the lease; longer than the HTTP timeout, so a crashed replica's lease lapses. */
  leaseMs: number;
  pollMs: number;
  /** Give up waiting for another replica's refresh after this long (real time). */
  waitMs: number;
}

export const DEFAULT_TOKEN_TIMING: TokenCacheTiming = {
  refreshMarginMs: 5 * 60_000,
  leaseMs: 10_000,
  pollMs: 50,
  waitMs: 15_000,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The WeChat access token shared through the database by every replica. Only the holder of the refresh lease
 * calls WeChat (a new token soon invalidates the old one, so uncoordinated refreshes would knock out each other's
 * token); the others keep using the current token while it is valid, or poll the row until the new one lands.
 * Concurrent callers in one process share one lookup.
 */
export class WechatAccessTokenCache {
  private readonly owner = randomUUID();
  private readonly inflight = new Map<string, Promise<string>>();

  constructor(
    private readonly repo: Repository<WechatAccessToken>,
    private readonly clock: Clock,
    private readonly appid: string,
    private readonly fetchToken: () => Promise<FetchedToken>,
    private readonly timing: TokenCacheTiming = DEFAULT_TOKEN_TIMING,
  ) {}

  /** A valid token; `rejected` is a token WeChat just refused, which must not be handed out again. */
  get(rejected?: string): Promise<string> {
    const key = rejected ?? '';
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.resolve(rejected).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  private async resolve(rejected: string | undefined): Promise<string> {
    const giveUpAt = Date.now() + this.timing.waitMs;
    for (;;) {
      const now = this.clock.now();
      const row = await this.repo.findOneBy({ appid: this.appid });
      const usable = row?.token && row.token !== rejected && row.expiresAt && row.expiresAt > now ? row.token : null;
      if (usable && row?.expiresAt && row.expiresAt.getTime() - now.getTime() >= this.timing.refreshMarginMs) {
        return usable;
      }
      const claimed = row ? await this.claim(now, rejected) : await this.insertClaimed(now);
      if (claimed) return this.refresh();
      // Another replica is refreshing: the current token still works until it expires.
      if (usable) return usable;
      if (Date.now() > giveUpAt) throw new DomainException('SERVICE_UNAVAILABLE');
      await sleep(this.timing.pollMs);
    }
  }

  /** Takes the lease if nobody holds a live one and the token (still) needs replacing. */
  private async claim(now: Date, rejected: string | undefined): Promise<boolean> {
    const threshold = new Date(now.getTime() + this.timing.refreshMarginMs);
    const result = await this.repo
      .createQueryBuilder()
      .update(WechatAccessToken)
      .set({ refreshingUntil: new Date(now.getTime() + this.timing.leaseMs), leaseOwner: this.owner })
      .where('appid = :appid', { appid: this.appid })
      .andWhere('(refreshingUntil IS NULL OR refreshingUntil <= :now)', { now })
      .andWhere(
        rejected === undefined
          ? '(token IS NULL OR expiresAt IS NULL OR expiresAt < :threshold)'
          : '(token IS NULL OR expiresAt IS NULL OR expiresAt < :threshold OR token = :rejected)',
        { threshold, rejected },
      )
      .execute();
    return result.affected === 1;
  }

  /** The very first refresh creates the row with the lease already held; a racing replica's insert fails. */
  private async insertClaimed(now: Date): Promise<boolean> {
    try {
      await this.repo.insert({
        appid: this.appid,
        token: null,
        expiresAt: null,
        refreshingUntil: new Date(now.getTime() + this.timing.leaseMs),
        leaseOwner: this.owner,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  private async refresh(): Promise<string> {
    let fetched: FetchedToken;
    try {
      fetched = await this.fetchToken();
    } catch (error) {
      // Let the next caller (here or on another replica) try at once rather than after the lease lapses.
      await this.repo.update(
        { appid: this.appid, leaseOwner: this.owner },
        { refreshingUntil: null, leaseOwner: null },
      );
      throw error;
    }
    const expiresAt = new Date(this.clock.now().getTime() + fetched.expiresInSeconds * 1000);
    // Only while we still hold the lease: if it lapsed and someone else refreshed, theirs is the newer token.
    await this.repo.update(
      { appid: this.appid, leaseOwner: this.owner },
      { token: fetched.token, expiresAt, refreshingUntil: null, leaseOwner: null },
    );
    return fetched.token;
  }
}
