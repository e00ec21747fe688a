import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A store's (or one staff member's) signup code. `token` is the `scene` of the mini program code, so at most
 * 32 characters as wxacode.getUnlimited requires; it is random, so it reveals nothing and cannot be guessed.
 */
@Entity('signup_codes')
export class SignupCode {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  token: string;

  /** `store:<id>` or `staff:<id>`: one code per owner, made once (unique, so concurrent requests agree). */
  @Column({ type: 'varchar', length: 32, unique: true })
  ownerKey: string;

  @Column({ type: 'int' })
  storeId: number;

  @Column({ type: 'int', nullable: true, default: null })
  staffId: number | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
