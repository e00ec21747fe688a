import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A WeChat user known to the brand. Created on first login (a visitor); becomes a member proper at signup
 * (phone, consent, store attribution: issue 3's signup slice adds those). The WeChat session_key is not stored:
 * see AuthService.wechatLogin.
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

  /** Set at signup from WeChat's getPhoneNumber; null while the user is only a visitor. */
  @Column({ type: 'varchar', length: 20, nullable: true, default: null })
  phone: string | null;

  /** From the Clock (not the database's clock) so demos and tests that move time see consistent dates. */
  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  lastLoginAt: Date;
}
