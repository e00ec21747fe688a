import { Injectable, Logger } from '@nestjs/common';
import {
  isMainlandMobile,
  localCalendar,
  type MemberSignedUpEvent,
  PRIVACY_TERMS_VERSION,
  type SignupRequest,
  signupChannel,
  signupGifts,
} from '@tidepool/shared';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { OutboxService } from '../outbox';
import { type ResolvedSignupCode, SignupCodesService } from '../stores';
import { WechatGateway } from '../wechat';
import { BrandSettings } from '../brand';
import { Member } from './member.entity';
import { MembersService } from './members.service';
import { VouchersService } from './vouchers.service';

/**
 * 成为会员: phone (through WeChat), consent, optional birthday, and the store (and staff member) whose code was
 * scanned. Idempotent: the member row changes from visitor to member by one conditional UPDATE
 * (`signedUpAt IS NULL`), and the signup gift has a unique source key, so a double tap or a retry after a lost
 * response signs up once and issues one gift.
 */
@Injectable()
export class SignupService {
  private readonly logger = new Logger(SignupService.name);

  constructor(
    private readonly members: MembersService,
    private readonly signupCodes: SignupCodesService,
    private readonly vouchers: VouchersService,
    private readonly wechat: WechatGateway,
    private readonly transactions: Transactions,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly brand: BrandSettings,
  ) {}

  async signup(memberId: number, request: SignupRequest): Promise<void> {
    const member = await this.members.requireById(memberId);
    if (member.signedUpAt) return; // already a member: the retry of a signup that went through
    if (request.consentVersion !== PRIVACY_TERMS_VERSION) throw new DomainException('CONSENT_REQUIRED');
    // Resolve the store before spending the single-use phone code, so a bad token costs the user nothing.
    const attribution = request.signupToken ? await this.signupCodes.resolve(request.signupToken) : null;
    const { purePhoneNumber } = await this.wechat.getPhoneNumber(request.phoneCode);
    // Members are reached by a mainland mobile number; anything else (00000000000) is refused and changes nothing.
    if (!isMainlandMobile(purePhoneNumber)) throw new DomainException('PHONE_INVALID');
    const signedUp = await this.apply(member, purePhoneNumber, request.birthday ?? null, attribution);
    if (signedUp) {
      // The birthday coupon of a signup on the birthday is issued by its consumer; promptly, so the page shows it.
      await this.outbox.dispatch().catch(() => undefined);
      this.logger.log({
        msg: 'member signed up',
        memberId,
        storeId: attribution?.store.id ?? null,
        staffId: attribution?.staff?.id ?? null,
      });
    }
  }

  private async apply(
    member: Member,
    phone: string,
    birthday: string | null,
    attribution: ResolvedSignupCode | null,
  ): Promise<boolean> {
    const now = this.clock.now();
    try {
      return await this.transactions.run(async (manager) => {
        const result = await manager
          .createQueryBuilder()
          .update(Member)
          .set({
            phone,
            signedUpAt: now,
            consentVersion: PRIVACY_TERMS_VERSION,
            consentedAt: now,
            // A birthday already set (before signup) is kept; it is never overwritten.
            ...(birthday && !member.birthday ? { birthday } : {}),
            signupStoreId: attribution?.store.id ?? null,
            signupStaffId: attribution?.staff?.id ?? null,
          })
          .where('id = :id AND signedUpAt IS NULL AND deletedAt IS NULL', { id: member.id })
          .execute();
        if (affectedRows(result) !== 1) return false; // a concurrent signup won; nothing more to do
        // What joining gives comes from the same rule as the signup page's promises (shared signup-gifts).
        const local = localCalendar(now, attribution?.store.timeZone ?? this.brand.timeZone());
        const channel = signupChannel(attribution !== null);
        // The gift is the one the brand rules in force at the signup describe; a brand may switch it off.
        const gift = this.brand.rules(now).signupGift;
        const gifts = signupGifts({
          channel,
          birthday: member.birthday ?? birthday,
          today: { monthDay: local.monthDay, year: local.year },
        }).filter((g) => g !== 'SHOPPING_BAG' || gift.enabled);
        if (gifts.includes('SHOPPING_BAG')) await this.vouchers.issueSignupGift(manager, member.id, gift);
        const event: MemberSignedUpEvent = { memberId: member.id, channel, gifts, localDate: local.date };
        await this.outbox.publish(manager, 'member.signed-up', `member.signed-up:${member.id}`, event);
        return true;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException('PHONE_IN_USE');
      throw error;
    }
  }

  /** Sets the birthday once; changing it afterwards is refused so birthday perks cannot be farmed. */
  async setBirthday(memberId: number, birthday: string): Promise<void> {
    const member = await this.members.requireById(memberId);
    if (member.birthday === birthday) return; // a retry of the same request
    const done = await this.transactions.run(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(Member)
        .set({ birthday })
        .where('id = :id AND birthday IS NULL AND deletedAt IS NULL', { id: memberId })
        .execute();
      return affectedRows(result) === 1;
    });
    if (!done) throw new DomainException('BIRTHDAY_ALREADY_SET');
  }
}
