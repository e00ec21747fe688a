import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { dayBucketSql, type DayBucket, type RawFigures, toNumber } from '../../common/reports/day-buckets';
import { Member } from './member.entity';

/** New members in one day bucket and signup store (null = online signup). */
export interface SignupFigures {
  bucket: number;
  storeId: number | null;
  members: number;
}

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

  /** The live member with this full phone number, for an operator's search; null when none. */
  async idByPhone(phone: string): Promise<number | null> {
    const row = await this.members.findOne({ where: { phone, deletedAt: IsNull() }, select: { id: true } });
    return row?.id ?? null;
  }

  /** Signed-up, live members by full phone (operators paste phones to issue coupons). */
  async idsByPhones(phones: readonly string[]): Promise<Map<string, number>> {
    if (phones.length === 0) return new Map();
    const rows = await this.members.find({
      select: { id: true, phone: true },
      where: { phone: In([...new Set(phones)]), signedUpAt: Not(IsNull()), deletedAt: IsNull() },
    });
    return new Map(rows.map((row) => [row.phone ?? '', row.id]));
  }

  /**
   * Signed-up, live members with ids in [fromId, toId]: what member facts (growth) need of them (signup store and
   * birthday), in id order.
   */
  async growthProfiles(fromId: number, toId: number): Promise<Pick<Member, 'id' | 'signupStoreId' | 'birthday'>[]> {
    return this.members
      .createQueryBuilder('m')
      .select(['m.id', 'm.signupStoreId', 'm.birthday'])
      .where('m.id >= :fromId AND m.id <= :toId', { fromId, toId })
      .andWhere({ signedUpAt: Not(IsNull()), deletedAt: IsNull() })
      .orderBy('m.id', 'ASC')
      .getMany();
  }

  /** One page of signed-up, live members' ids after `afterId`, in id order (batched issuing to a whole tier). */
  async signedUpIdsPage(afterId: number, limit: number): Promise<number[]> {
    const rows = await this.members
      .createQueryBuilder('m')
      .select(['m.id'])
      .where('m.id > :afterId', { afterId })
      .andWhere({ signedUpAt: Not(IsNull()), deletedAt: IsNull() })
      .orderBy('m.id', 'ASC')
      .take(limit)
      .getMany();
    return rows.map((row) => row.id);
  }

  /**
   * Signups per day bucket and signup store (null = online), counted in SQL: the dashboard's 新会员. A store
   * manager's scope counts the members who joined with their store's code.
   */
  async signupFigures(days: readonly DayBucket[], storeId: number | null): Promise<SignupFigures[]> {
    if (days.length === 0) return [];
    const bucket = dayBucketSql('m.signedUpAt', days);
    const qb = this.members
      .createQueryBuilder('m')
      .select(bucket.expression, 'bucket')
      .addSelect('m.signupStoreId', 'storeId')
      .addSelect('COUNT(*)', 'members')
      .where('m.signedUpAt >= :from AND m.signedUpAt < :to', { from: days[0].from, to: days[days.length - 1].to })
      .setParameters(bucket.params);
    if (storeId !== null) qb.andWhere('m.signupStoreId = :storeId', { storeId });
    const rows = await qb.groupBy('bucket').addGroupBy('m.signupStoreId').getRawMany<RawFigures>();
    return rows.map((row) => ({
      bucket: toNumber(row.bucket),
      storeId: row.storeId === null ? null : toNumber(row.storeId),
      members: toNumber(row.members),
    }));
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
