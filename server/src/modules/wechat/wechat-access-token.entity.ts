import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * WeChat's server-side access token, one row per app. WeChat invalidates the previous token a few minutes after a
 * new one is fetched, so replicas must share one token and only one of them may refresh it: the refresher holds
 * a lease (`refreshingUntil`, `leaseOwner`) claimed by a conditional UPDATE (see WechatAccessTokenCache).
 */
@Entity('wechat_access_tokens')
export class WechatAccessToken {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  appid: string;

  /** Null until the first refresh completes. */
  @Column({ type: 'varchar', length: 512, nullable: true, default: null })
  token: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  expiresAt: Date | null;

  /** While in the future, one replica (leaseOwner) is fetching a new token and the others wait for it. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  refreshingUntil: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  leaseOwner: string | null;
}
