import { randomBytes, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { checkMemberCodeOtp, MEMBER_CODE, type MemberCodeCredentialResponse, parseMemberCode } from '@tidepool/shared';
import { IsNull, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { Member } from './member.entity';

export type MemberCodeVerdict =
  { result: 'valid'; member: Member; handle: string; step: number } | { result: 'invalid' | 'expired' };

/**
 * The rotating member code (会员码). The phone gets a credential (handle + secret) and computes codes offline;
 * the server recognises a code by its handle and checks the one-time part (shared rules/member-code).
 * Single use is the store-mode scan's job (a unique key per handle and step), not this service's.
 */
@Injectable()
export class MemberCodeService {
  constructor(
    @InjectRepository(Member) private readonly members: Repository<Member>,
    private readonly clock: Clock,
  ) {}

  /**
   * A fresh credential, replacing the previous one (a lost phone's codes stop working once the member logs in
   * elsewhere and opens the code). Retries on the rare handle collision; the handle column is unique.
   */
  async provision(member: Member): Promise<MemberCodeCredentialResponse> {
    if (!member.signedUpAt) throw new DomainException('NOT_SIGNED_UP');
    const secret = randomBytes(20).toString('hex');
    for (let attempt = 0; attempt < 5; attempt++) {
      const handle = String(randomInt(1_000_000_000, 10_000_000_000));
      try {
        await this.members.update({ id: member.id, deletedAt: IsNull() }, { codeHandle: handle, codeSecret: secret });
        return {
          handle,
          secret,
          stepSeconds: MEMBER_CODE.stepSeconds,
          serverTime: this.clock.now().toISOString(),
        };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    throw new DomainException('INTERNAL_ERROR');
  }

  /** Whose code this is and which step it belongs to; no state changes here. */
  async verify(raw: string): Promise<MemberCodeVerdict> {
    const parsed = parseMemberCode(raw);
    if (!parsed) return { result: 'invalid' };
    const member = await this.members.findOneBy({ codeHandle: parsed.handle, deletedAt: IsNull() });
    if (!member?.codeSecret) return { result: 'invalid' };
    const check = checkMemberCodeOtp(member.codeSecret, parsed.otp, this.clock.now().getTime());
    if (check.result !== 'valid') return { result: check.result };
    return { result: 'valid', member, handle: parsed.handle, step: check.step };
  }
}
