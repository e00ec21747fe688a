import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A WeChat user known to the brand. Created on first login (a visitor); becomes a member proper at signup
 * (phone, consent, store attribution). The WeChat session_key is not stored: see AuthService.wechatLogin.
 * Deleting the account (PIPL) anonymises the personal fields in place; the id lives on as the pseudonym that
 * ledgers (points, orders) keep referring to.
 */
@Entity('members')
export class Member {
  @PrimaryGeneratedColumn()
  id: number;

  /** The user's id within our mini program; unique so concurrent first logins create one row. */
  @Column({ type: 'varchar', length: 64, unique: true })
  openid: string;

  /** Same person across the brand's WeChat apps; only present when the app is bound to an open platform. */
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  unionid: string | null;

  /** Set at signup from WeChat's getPhoneNumber; null while the user is only a visitor. One member per phone. */
  @Column({ type: 'varchar', length: 20, nullable: true, default: null, unique: true })
  phone: string | null;

  /** Signup moment; null while a visitor. Signup sets it with a conditional UPDATE, so it happens once. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  signedUpAt: Date | null;

  /** The privacy terms version the member accepted, and when. */
  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  consentVersion: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  consentedAt: Date | null;

  /** MM-DD. Set once (at signup or later); only staff tooling may correct it, so birthday perks can't be farmed. */
  @Column({ type: 'varchar', length: 5, nullable: true, default: null })
  birthday: string | null;

  /** The store (and staff member) whose signup code the member scanned; null for an online signup. */
  @Index()
  @Column({ type: 'int', nullable: true, default: null })
  signupStoreId: number | null;

  @Column({ type: 'int', nullable: true, default: null })
  signupStaffId: number | null;

  /**
   * The rotating member code's credential (see shared rules/member-code): a random 10-digit handle that names
   * the member to the till without being their id or phone, and the HMAC secret. Replaced on every provisioning.
   */
  @Column({ type: 'varchar', length: 10, nullable: true, default: null, unique: true })
  codeHandle: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true, default: null })
  codeSecret: string | null;

  /** Set when the member deleted their account; the row then holds no personal data. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  deletedAt: Date | null;

  /** From the Clock (not the database's clock) so demos and tests that move time see consistent dates. */
  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  lastLoginAt: Date;
}
