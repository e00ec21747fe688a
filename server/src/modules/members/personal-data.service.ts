import { Injectable, Logger } from '@nestjs/common';
import type { PersonalDataExport } from '@tidepool/shared';
import { Clock } from '../../common/clock/clock.service';
import { Transactions } from '../../common/database/transactions';
import { StoresService } from '../stores';
import { MemberDataHooks } from './member-data-hooks';
import { Member } from './member.entity';
import { MembersService } from './members.service';
import { VouchersService } from './vouchers.service';

/**
 * PIPL: a member sees and exports their personal data, and deletes their account. Deleting anonymises the
 * personal fields in place (phone, WeChat ids, birthday, member-code credential); the row id stays as the
 * pseudonym ledgers and orders refer to, so accounts still balance and no one can be re-identified from them.
 */
@Injectable()
export class PersonalDataService {
  private readonly logger = new Logger(PersonalDataService.name);

  constructor(
    private readonly members: MembersService,
    private readonly vouchers: VouchersService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly stores: StoresService,
    private readonly hooks: MemberDataHooks,
  ) {}

  async export(memberId: number): Promise<PersonalDataExport> {
    const member = await this.members.requireById(memberId);
    const scans = await this.hooks.scans(memberId);
    const names = await this.stores.namesById([...scans.map((s) => s.storeId), member.signupStoreId ?? 0]);
    const storeName = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
    return {
      exportedAt: this.clock.now().toISOString(),
      member: {
        phone: member.phone,
        birthday: member.birthday,
        consentVersion: member.consentVersion,
        consentedAt: member.consentedAt?.toISOString() ?? null,
        signedUpAt: member.signedUpAt?.toISOString() ?? null,
        signupStoreName: storeName(member.signupStoreId),
        createdAt: member.createdAt.toISOString(),
        lastLoginAt: member.lastLoginAt.toISOString(),
      },
      vouchers: await this.vouchers.all(memberId),
      memberCodeScans: scans.map((s) => ({ at: s.at.toISOString(), storeName: storeName(s.storeId) ?? '' })),
    };
  }

  async deleteAccount(memberId: number): Promise<void> {
    await this.members.requireById(memberId);
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(Member)
        .set({
          // Unique, so it cannot collide; not an openid WeChat will ever send, so the person starts afresh.
          openid: `deleted:${memberId}`,
          unionid: null,
          phone: null,
          birthday: null,
          codeHandle: null,
          codeSecret: null,
          deletedAt: now,
        })
        .where('id = :id AND deletedAt IS NULL', { id: memberId })
        .execute();
      // Addresses the member gave (orders, points-mall shipments) are personal data too: the rows stay for the
      // ledgers and the books, the person is no longer in them. Their modules erase them in this transaction.
      await this.hooks.erase(manager, memberId);
    });
    this.logger.log({ msg: 'member account deleted (anonymised)', memberId });
  }
}
