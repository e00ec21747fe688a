import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { CreatableStaffRole, StaffRoleName } from '@tidepool/shared';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { hashPassword, verifyPassword } from './password-hash';
import { StaffAccount } from './staff-account.entity';
import { normalizeStaffUsername } from './staff-username';

/** A staff account as other modules see it: never its password hash or pending invite. */
export type StaffAccountView = Pick<StaffAccount, 'id' | 'username' | 'role' | 'storeId' | 'displayName'>;

/** What the admin console lists: no password hash, no invite hash, only whether WeChat is bound. */
export interface StaffAdminRecord {
  id: number;
  username: string;
  role: StaffRoleName;
  storeId: number | null;
  displayName: string;
  wechatBound: boolean;
  inviteExpiresAt: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
}

export interface StaffAdminFilter {
  /** The caller's store scope (null: every store); a row outside it is not found. */
  scopeStoreId: number | null;
  storeId?: number;
  role?: StaffRoleName;
  /** Part of the username or display name. */
  q?: string;
  status?: 'active' | 'disabled';
}

export interface NewStaffAccount {
  username: string;
  passwordHash: string;
  role: CreatableStaffRole;
  storeId: number;
  displayName: string;
}

const adminRecord = (a: StaffAccount): StaffAdminRecord => ({
  id: a.id,
  username: a.username,
  role: a.role,
  storeId: a.storeId,
  displayName: a.displayName,
  wechatBound: a.wechatOpenid !== null,
  inviteExpiresAt: a.inviteExpiresAt,
  disabledAt: a.disabledAt,
  createdAt: a.createdAt,
});

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
    if (!(await verifyPassword(password, account.passwordHash))) return null;
    // Told only to someone who knows the password, so it reveals nothing to a guesser.
    if (account.disabledAt) throw new DomainException('STAFF_DISABLED');
    return account;
  }

  /**
   * A single-use code (valid 24 h) an operator hands to a staff member to bind their WeChat account. Only its
   * hash is stored; a new invite replaces the old one.
   */
  async createWechatInvite(staffId: number, manager?: EntityManager): Promise<{ inviteCode: string; expiresAt: Date }> {
    const accounts = manager ? manager.getRepository(StaffAccount) : this.accounts;
    const account = await accounts.findOneBy({ id: staffId });
    if (!account) throw new DomainException('STAFF_NOT_FOUND');
    const inviteCode = randomBytes(12).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + INVITE_TTL_MS);
    await accounts.update({ id: staffId }, { inviteCodeHash: sha256(inviteCode), inviteExpiresAt: expiresAt });
    return { inviteCode, expiresAt };
  }

  /** Binds the WeChat account to the invited staff account; the invite is spent by a conditional UPDATE. */
  async bindWechat(inviteCode: string, openid: string): Promise<StaffAccount> {
    const account = await this.accounts.findOneBy({ inviteCodeHash: sha256(inviteCode) });
    if (!account?.inviteExpiresAt || account.inviteExpiresAt.getTime() <= this.clock.now().getTime()) {
      throw new DomainException('STAFF_INVITE_INVALID');
    }
    if (account.disabledAt) throw new DomainException('STAFF_DISABLED');
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

  /** Whether a token of this account may still act: the account exists, has that role and is not disabled. */
  async isActive(id: number, role: StaffRoleName): Promise<boolean> {
    const account = await this.accounts.findOne({ where: { id }, select: { id: true, role: true, disabledAt: true } });
    return account !== null && account.role === role && account.disabledAt === null;
  }

  // --- Admin (the console's 门店与员工; the staff-admin module adds roles, scope and the audit trail) ---

  async adminPage(
    filter: StaffAdminFilter,
    offset: number,
    limit: number,
  ): Promise<{ rows: StaffAdminRecord[]; total: number }> {
    const qb = this.accounts.createQueryBuilder('s');
    if (filter.scopeStoreId !== null) qb.andWhere('s.storeId = :scope', { scope: filter.scopeStoreId });
    if (filter.storeId !== undefined) qb.andWhere('s.storeId = :storeId', { storeId: filter.storeId });
    if (filter.role) qb.andWhere('s.role = :role', { role: filter.role });
    if (filter.status === 'active') qb.andWhere('s.disabledAt IS NULL');
    if (filter.status === 'disabled') qb.andWhere('s.disabledAt IS NOT NULL');
    if (filter.q) {
      // `!` as the LIKE escape: a backslash literal is spelled differently in MySQL and SQLite.
      qb.andWhere("(s.username LIKE :q ESCAPE '!' OR s.displayName LIKE :q ESCAPE '!')", {
        q: `%${filter.q.replace(/[!%_]/g, (ch) => `!${ch}`)}%`,
      });
    }
    const [rows, total] = await qb.orderBy('s.id', 'ASC').skip(offset).take(limit).getManyAndCount();
    return { rows: rows.map(adminRecord), total };
  }

  /** The account when it lies in the caller's scope (null: any store); otherwise null, which the caller makes a 404. */
  async adminFind(id: number, scopeStoreId: number | null, manager?: EntityManager): Promise<StaffAdminRecord | null> {
    const repo = manager ? manager.getRepository(StaffAccount) : this.accounts;
    const account = await repo.findOneBy(scopeStoreId === null ? { id } : { id, storeId: scopeStoreId });
    return account ? adminRecord(account) : null;
  }

  /** Creates the account in the caller's unit of work; the username must already be normalised. */
  async create(manager: EntityManager, input: NewStaffAccount): Promise<number> {
    try {
      const result = await manager.insert(StaffAccount, { ...input, username: normalizeStaffUsername(input.username) });
      return Number((result.identifiers[0] as { id: number }).id);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainException('STAFF_USERNAME_TAKEN', `用户名 ${input.username} 已被使用`, [
          { field: 'username', reason: 'username is taken' },
        ]);
      }
      throw error;
    }
  }

  async setPasswordHash(manager: EntityManager, id: number, passwordHash: string): Promise<void> {
    await manager.update(StaffAccount, { id }, { passwordHash });
  }

  async setDisabledAt(manager: EntityManager, id: number, disabledAt: Date | null): Promise<void> {
    await manager.update(StaffAccount, { id }, { disabledAt });
  }

  /** Accounts per store, for the store list. */
  async countByStore(storeIds: readonly number[]): Promise<Map<number, number>> {
    if (storeIds.length === 0) return new Map();
    const rows = await this.accounts
      .createQueryBuilder('s')
      .select('s.storeId', 'storeId')
      .addSelect('COUNT(*)', 'n')
      .where('s.storeId IN (:...ids)', { ids: [...new Set(storeIds)] })
      .groupBy('s.storeId')
      .getRawMany<{ storeId: number | string; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.storeId), Number(r.n)]));
  }
}
