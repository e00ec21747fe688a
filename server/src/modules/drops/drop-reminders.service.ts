import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DropReminderResponse } from '@tidepool/shared';
import type { Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { DomainException } from '../../common/errors/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { Member } from '../members/member.entity';
import { DropCatalog } from './drop-catalog.service';
import { DropReminder } from './drop-reminder.entity';

/** "提醒我": consent is recorded per drop; the reminder job sends one subscribe message at the member's opening. */
@Injectable()
export class DropRemindersService {
  constructor(
    @InjectRepository(DropReminder) private readonly reminders: Repository<DropReminder>,
    @InjectRepository(Member) private readonly members: Repository<Member>,
    private readonly catalog: DropCatalog,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async remind(memberId: number, dropId: number, templateIds: string[]): Promise<DropReminderResponse> {
    const { drop } = await this.catalog.require(dropId);
    const member = await this.members.findOneBy({ id: memberId });
    if (!member?.signedUpAt) throw new DomainException('NOT_SIGNED_UP', '成为会员后才能设置提醒');
    const templateId = this.config.drops.reminderTemplateId;
    if (!templateIds.includes(templateId)) {
      throw new DomainException('VALIDATION_FAILED', '请在弹窗中允许「团购开始提醒」', [
        { field: 'templateIds', reason: `must include ${templateId}` },
      ]);
    }
    const now = this.clock.now();
    if (now >= drop.opensAt) throw new DomainException('DROP_NOT_OPEN', '团购已开始，无需提醒');
    await this.reminders
      .createQueryBuilder()
      .insert()
      .into(DropReminder)
      .values({ dropId, memberId, templateId, state: 'PENDING', consentedAt: now, sentAt: null, failure: null })
      .orIgnore()
      .execute();
    return { reminded: true };
  }

  async forget(memberId: number, dropId: number): Promise<DropReminderResponse> {
    await this.reminders.delete({ dropId, memberId, state: 'PENDING' });
    return { reminded: (await this.reminders.countBy({ dropId, memberId })) > 0 };
  }
}
