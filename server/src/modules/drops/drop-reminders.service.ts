import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type DropReminderResponse, formatDateTime, opensAtFor } from '@tidepool/shared';
import { LessThanOrEqual, MoreThan, type Repository } from 'typeorm';
import { affectedRows } from '../../common/database/transactions';
import { Clock } from '../../common/clock/clock.service';
import { DomainException } from '../../common/errors/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { LoyaltyService } from '../loyalty';
import { type MemberView, MembersService } from '../members';
import { WechatSubscribeRefusedError, WechatGatewayError } from '../wechat';
import { WechatGateway } from '../wechat';
import { BrandSettings } from '../brand';
import { Drop } from './drop.entity';
import { DropCatalog } from './drop-catalog.service';
import { DropReminder } from './drop-reminder.entity';

/** "提醒我": consent is recorded per drop; the reminder job sends one subscribe message at the member's opening. */
@Injectable()
export class DropRemindersService {
  private readonly logger = new Logger(DropRemindersService.name);

  constructor(
    @InjectRepository(DropReminder) private readonly reminders: Repository<DropReminder>,
    private readonly members: MembersService,
    private readonly loyalty: LoyaltyService,
    @InjectRepository(Drop) private readonly drops: Repository<Drop>,
    private readonly wechat: WechatGateway,
    private readonly catalog: DropCatalog,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly brand: BrandSettings,
  ) {}

  async remind(memberId: number, dropId: number, templateIds: string[]): Promise<DropReminderResponse> {
    const { drop } = await this.catalog.require(dropId);
    const member = await this.members.findById(memberId);
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

  /**
   * Sends the reminders that are due: each member's own opening (gold members' is earlier). Each reminder is
   * claimed by a conditional UPDATE first, so replicas ticking together send it once; WeChat being unreachable
   * puts it back for the next tick, a used-up consent (43101) is recorded as refused.
   */
  async sendDue(now: Date = this.clock.now()): Promise<{ sent: number; refused: number; failed: number }> {
    const outcome = { sent: 0, refused: 0, failed: 0 };
    const drops = await this.drops.find({
      where: {
        status: 'SCHEDULED',
        opensAt: LessThanOrEqual(new Date(now.getTime() + DAY_MS)),
        closesAt: MoreThan(now),
      },
      take: 20,
    });
    for (const drop of drops) {
      const pending = await this.reminders.find({ where: { dropId: drop.id, state: 'PENDING' }, take: 200 });
      if (pending.length === 0) continue;
      const memberIds = pending.map((r) => r.memberId);
      const [members, tiers] = await Promise.all([this.members.byIds(memberIds), this.loyalty.tiersOf(memberIds)]);
      for (const reminder of pending) {
        const member = members.get(reminder.memberId);
        const tier = tiers.get(reminder.memberId) ?? 'NORMAL';
        const opensAt = opensAtFor(drop, tier, drop.earlyAccess);
        if (opensAt > now || !member) continue;
        const claimed = await this.reminders.update({ id: reminder.id, state: 'PENDING' }, { state: 'SENDING' });
        if (affectedRows(claimed) !== 1) continue;
        const result = await this.send(drop, member, reminder, opensAt);
        outcome[result]++;
      }
    }
    return outcome;
  }

  private async send(
    drop: Drop,
    member: MemberView,
    reminder: DropReminder,
    opensAt: Date,
  ): Promise<'sent' | 'refused' | 'failed'> {
    try {
      await this.wechat.sendSubscribeMessage({
        toOpenId: member.openid,
        templateId: reminder.templateId,
        page: `packages/drop/pages/detail/index?id=${drop.id}`,
        data: {
          thing1: drop.title.slice(0, 20),
          // 2026-11-27 12:00 in the brand's zone: WeChat's `time` keyword format.
          time2: formatDateTime(opensAt, this.brand.timeZone()),
          thing3: '团购已开始，限量先到先得',
        },
      });
      await this.reminders.update({ id: reminder.id }, { state: 'SENT', sentAt: this.clock.now(), failure: null });
      return 'sent';
    } catch (error) {
      const refused = error instanceof WechatSubscribeRefusedError;
      const retry = !refused && error instanceof WechatGatewayError && error.retryable;
      await this.reminders.update(
        { id: reminder.id },
        { state: refused ? 'REFUSED' : retry ? 'PENDING' : 'FAILED', failure: (error as Error).message.slice(0, 120) },
      );
      this.logger.warn({ msg: 'drop reminder not sent', reminderId: reminder.id, refused, retry });
      return refused ? 'refused' : 'failed';
    }
  }
}

const DAY_MS = 86_400_000;
