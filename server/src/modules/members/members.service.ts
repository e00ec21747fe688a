import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { Member } from './member.entity';

/** A member as other modules read it: identity and signup facts, never the member-code credential. */
export type MemberView = Pick<
  Member,
  'id' | 'openid' | 'unionid' | 'phone' | 'birthday' | 'signedUpAt' | 'signupStoreId' | 'deletedAt' | 'createdAt'
>;

@Injectable()
export class MembersService {
  constructor(
    @InjectRepository(Member) private readonly members: Repository<Member>,
    private readonly clock: Clock,
  ) {}

  /**
   * The member with this openid, created on first login. Two first logins at once (a double tap, two devices)
   * both insert; the unique openid index lets one win and the other reads the winner's row. A deleted account's
   * openid was overwritten, so the same WeChat user coming back starts afresh.
   */
  async loginByOpenid(openid: string, unionid?: string): Promise<{ member: Member; created: boolean }> {
    const now = this.clock.now();
    const existing = await this.members.findOneBy({ openid });
    if (existing) {
      const changes = { lastLoginAt: now, ...(unionid && !existing.unionid ? { unionid } : {}) };
      await this.members.update({ id: existing.id }, changes);
      return { member: { ...existing, ...changes }, created: false };
    }
    try {
      // insert(), not save(): no wrapping transaction, so concurrent logins never nest transactions on SQLite.
      const row = {
        openid,
        unionid: unionid ?? null,
        phone: null,
        createdAt: now,
        lastLoginAt: now,
        signedUpAt: null,
        consentVersion: null,
        consentedAt: null,
        birthday: null,
        signupStoreId: null,
        signupStaffId: null,
        codeHandle: null,
        codeSecret: null,
        deletedAt: null,
      };
      const result = await this.members.insert(row);
      return { member: { ...row, id: Number((result.identifiers[0] as { id: number }).id) }, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return { member: await this.members.findOneByOrFail({ openid }), created: false };
    }
  }

  /** A live (not deleted) member, or null. */
  findById(id: number): Promise<Member | null> {
    return this.members.findOneBy({ id, deletedAt: IsNull() });
  }

  /**
   * Ids of signed-up, live members born on this month-day (`MM-DD`), after `afterId` in id order: a page of the
   * birthday-coupon run.
   */
  async birthdayMemberIds(monthDay: string, afterId: number, limit: number): Promise<number[]> {
    const rows = await this.members
      .createQueryBuilder('m')
      .select(['m.id'])
      .where('m.birthday = :birthday AND m.id > :afterId', { birthday: monthDay, afterId })
      .andWhere({ signedUpAt: Not(IsNull()), deletedAt: IsNull() })
      .orderBy('m.id', 'ASC')
      .take(limit)
      .getMany();
    return rows.map((row) => row.id);
  }

  /** A member by id, a deleted (anonymised) account included. */
  async anyById(id: number): Promise<MemberView | null> {
    return (await this.byIds([id])).get(id) ?? null;
  }

  /** Members by id, deleted (anonymised) accounts included: ledgers and payouts keep referring to them. */
  async byIds(ids: readonly number[]): Promise<Map<number, MemberView>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.members.findBy({ id: In(unique) }) : [];
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * Ids of the members with this full phone number (staff search by it; answers mask it). More than one only when
   * an account was deleted and the number came back on a new one.
   */
  async idsByPhone(phone: string): Promise<number[]> {
    const rows = await this.members.find({ select: { id: true }, where: { phone } });
    return rows.map((row) => row.id);
  }

  /** The caller's own member row; a deleted account's old token no longer works. */
  async requireById(id: number): Promise<Member> {
    const member = await this.findById(id);
    if (!member) throw new DomainException('UNAUTHENTICATED');
    return member;
  }
}
