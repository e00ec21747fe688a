import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { hashPassword, verifyPassword } from './password-hash';
import { StaffAccount } from './staff-account.entity';
import { normalizeStaffUsername } from './staff-username';

/** A staff account as other modules see it: never its password hash or pending invite. */
export type StaffAccountView = Pick<StaffAccount, 'id' | 'username' | 'role' | 'storeId' | 'displayName'>;

const INVITE_TTL_MS = 24 * 3600_000;

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

@Injectable()
export class StaffService {
  /** Hashed once; checked against when the username is unknown so both failures take the same time. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    @InjectRepository(StaffAccount) private readonly accounts: Repository<StaffAccount>,
    private readonly clock: Clock,
  ) {}

  /**
   * The account when the password matches; null for an unknown username and a wrong password alike. The name is
   * normalised, and the row must then match it exactly: MySQL's collation would also match a differently cased
   * or space-padded stored name, which SQLite would not.
   */
  async verifyCredentials(username: string, password: string): Promise<StaffAccount | null> {
    const normalized = normalizeStaffUsername(username);
    const found = normalized ? await this.accounts.findOneBy({ username: normalized }) : null;
    const account = found?.username === normalized ? found : null;
    if (!account) {
      this.dummyHash ??= hashPassword('tidepool-no-such-account');
      await verifyPassword(password, await this.dummyHash);
      return null;
    }
    return (await verifyPassword(password, account.passwordHash)) ? account : null;
  }

  /**
   * A single-use code (valid 24 h) an operator hands to a staff member to bind their WeChat account. Only its
   * hash is stored; a new invite replaces the old one.
   */
  async createWechatInvite(staffId: number): Promise<{ inviteCode: string; expiresAt: Date }> {
    const account = await this.accounts.findOneBy({ id: staffId });
    if (!account) throw new DomainException('STAFF_NOT_FOUND');
    const inviteCode = randomBytes(12).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + INVITE_TTL_MS);
    await this.accounts.update({ id: staffId }, { inviteCodeHash: sha256(inviteCode), inviteExpiresAt: expiresAt });
    return { inviteCode, expiresAt };
  }

  /** Binds the WeChat account to the invited staff account; the invite is spent by a conditional UPDATE. */
  async bindWechat(inviteCode: string, openid: string): Promise<StaffAccount> {
    const account = await this.accounts.findOneBy({ inviteCodeHash: sha256(inviteCode) });
    if (!account?.inviteExpiresAt || account.inviteExpiresAt.getTime() <= this.clock.now().getTime()) {
      throw new DomainException('STAFF_INVITE_INVALID');
    }
    try {
      const result = await this.accounts.update(
        { id: account.id, inviteCodeHash: sha256(inviteCode) },
        { wechatOpenid: openid, inviteCodeHash: null, inviteExpiresAt: null },
      );
      if (affectedRows(result) !== 1) throw new DomainException('STAFF_INVITE_INVALID');
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException('STAFF_WECHAT_ALREADY_BOUND');
      throw error;
    }
    return this.accounts.findOneByOrFail({ id: account.id });
  }

  findByOpenid(openid: string): Promise<StaffAccount | null> {
    return this.accounts.findOneBy({ wechatOpenid: openid });
  }

  /** With `manager`, read on the caller's transaction (a second pooled connection could wait on the first). */
  findById(id: number, manager?: EntityManager): Promise<StaffAccount | null> {
    return (manager?.getRepository(StaffAccount) ?? this.accounts).findOneBy({ id });
  }
}
