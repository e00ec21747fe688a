import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { Member } from './member.entity';

@Injectable()
export class MembersService {
  constructor(
    @InjectRepository(Member) private readonly members: Repository<Member>,
    private readonly clock: Clock,
  ) {}

  /**
   * The member with this openid, created on first login. Two first logins at once (a double tap, two devices)
   * both insert; the unique openid index lets one win and the other reads the winner's row.
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
      const row = { openid, unionid: unionid ?? null, phone: null, createdAt: now, lastLoginAt: now };
      const result = await this.members.insert(row);
      return { member: { ...row, id: Number((result.identifiers[0] as { id: number }).id) }, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return { member: await this.members.findOneByOrFail({ openid }), created: false };
    }
  }

  findById(id: number): Promise<Member | null> {
    return this.members.findOneBy({ id });
  }
}
