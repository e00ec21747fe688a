import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DEFAULT_MESSAGE_RULES,
  type DomainEvents,
  type MessageRules,
  type MessageSendStatus,
  type MessageSkipReason,
  messageRulesProblems,
  nextSendableAt,
} from '@tidepool/shared';
import { type EntityManager, In, LessThanOrEqual, MoreThan, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { Transactions } from '../../common/database/transactions';
import { BrandSettings } from '../brand';
import { JobScheduler } from '../jobs';
import { MemberDataHooks, MembersService } from '../members';
import { OutboxService } from '../outbox';
import { WechatApiError, WechatGateway, WechatSubscribeRefusedError } from '../wechat';
import { MessageConsentsService } from './message-consents.service';
import { MessageSend } from './message-send.entity';
import { MessageTemplates } from './message-templates';

/** Deferred sends taken per job run (each is its own transaction). */
const DUE_BATCH = 200;
const DAY_MS = 86_400_000;

export interface DueSendsOutcome {
  due: number;
  sent: number;
  deferred: number;
  skipped: number;
  refused: number;
  failed: number;
  retryLater: number;
}

/**
 * Sends the requested subscribe messages. The `message.requested` handler records the send (its dedupe key is
 * unique, so a redelivered event finds it and stops) and tries it at once; one requested in the quiet hours is
 * DEFERRED to their end and sent by the `message-sends-due` job.
 *
 * One try, in one transaction: lock the member's consent rows (which serialises that member's sends, so the
 * weekly cap cannot be overshot by two at once), check the cap, spend one consent with a conditional UPDATE, call
 * WeChat, record its answer. The WeChat call is inside the transaction on purpose: if WeChat cannot be reached
 * (or answers "busy") the error rolls the spend back and the event (or the deferred row) is tried again later.
 * The price: a transaction stays open for one WeChat call (the gateway's timeout bounds it), and a commit that
 * fails after WeChat accepted would be sent again on the retry if the member still has a consent.
 */
@Injectable()
export class MessageSender implements OnModuleInit {
  private readonly logger = new Logger(MessageSender.name);
  /** The brand's cap and quiet hours: the seed numbers until `useRules` (not yet a versioned brand rule). */
  private rules: MessageRules = DEFAULT_MESSAGE_RULES;

  constructor(
    @InjectRepository(MessageSend) private readonly sends: Repository<MessageSend>,
    private readonly consents: MessageConsentsService,
    private readonly templates: MessageTemplates,
    private readonly members: MembersService,
    private readonly memberData: MemberDataHooks,
    private readonly wechat: WechatGateway,
    private readonly outbox: OutboxService,
    private readonly scheduler: JobScheduler,
    private readonly transactions: Transactions,
    private readonly brand: BrandSettings,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.outbox.subscribe('message.requested', 'messages.send-subscribe-message', (event, { manager }) =>
      this.onRequested(manager, event),
    );
    this.scheduler.register({
      name: 'message-sends-due',
      periodOf: (now) => String(Math.floor(now.getTime() / 60_000)),
      work: async (now) => ({ ...(await this.sendDue(now)) }),
    });
    this.memberData.onErase('messages', (manager, memberId) => this.erase(manager, memberId));
  }

  /** Replaces the cap and quiet hours (refused when a number is out of range). */
  useRules(rules: MessageRules): void {
    const problems = messageRulesProblems(rules);
    if (problems.length > 0) throw new Error(`Invalid message rules: ${problems.join('; ')}`);
    this.rules = { ...rules };
  }

  /** The event handler, in the outbox handler's transaction. */
  async onRequested(manager: EntityManager, event: DomainEvents['message.requested']): Promise<void> {
    const now = this.clock.now();
    const repo = manager.getRepository(MessageSend);
    // One message per caller's key, ever: a second request (or a concurrent one, which then fails on the unique
    // key, rolls back and on its retry lands here) finds the first and stops.
    if (await repo.exists({ where: { dedupeKey: event.dedupeKey } })) return;
    const send = await repo.save(
      repo.create({
        dedupeKey: event.dedupeKey,
        memberId: event.memberId,
        templateKey: event.templateKey,
        templateId: this.templates.idOf(event.templateKey) ?? '',
        page: event.page ?? null,
        data: event.data,
        status: 'DEFERRED',
        skipReason: null,
        msgid: null,
        errcode: null,
        errmsg: null,
        requestedAt: new Date(event.requestedAt),
        dueAt: now,
        sentAt: null,
      }),
    );
    await this.attempt(manager, send, now);
  }

  /** The job: sends the deferred messages whose time has come. Each in its own transaction. */
  async sendDue(now: Date = this.clock.now()): Promise<DueSendsOutcome> {
    const outcome: DueSendsOutcome = { due: 0, sent: 0, deferred: 0, skipped: 0, refused: 0, failed: 0, retryLater: 0 };
    const due = await this.sends.find({
      where: { status: 'DEFERRED', dueAt: LessThanOrEqual(now) },
      order: { dueAt: 'ASC', id: 'ASC' },
      take: DUE_BATCH,
      select: { id: true },
    });
    outcome.due = due.length;
    for (const { id } of due) {
      try {
        const status = await this.transactions.run(async (manager) => {
          const query = manager
            .getRepository(MessageSend)
            .createQueryBuilder('s')
            .where('s.id = :id AND s.status = :status AND s.dueAt <= :now', { id, status: 'DEFERRED', now });
          if (this.transactions.rowLocks) query.setLock('pessimistic_write');
          const send = await query.getOne();
          return send ? this.attempt(manager, send, now) : null; // another replica took it
        });
        if (status === 'SENT') outcome.sent++;
        else if (status === 'DEFERRED') outcome.deferred++;
        else if (status === 'SKIPPED') outcome.skipped++;
        else if (status === 'REFUSED') outcome.refused++;
        else if (status === 'FAILED') outcome.failed++;
      } catch (error) {
        // WeChat unreachable or busy: everything rolled back, the row stays DEFERRED for the next run.
        outcome.retryLater++;
        this.logger.warn({ msg: 'deferred message not sent; retried next run', sendId: id, error: String(error) });
      }
    }
    return outcome;
  }

  /**
   * Decides and, when allowed, sends one message whose row is held by this transaction. Throws (rolling
   * everything back) only when WeChat may accept the same message later.
   */
  private async attempt(manager: EntityManager, send: MessageSend, now: Date): Promise<MessageSendStatus> {
    const repo = manager.getRepository(MessageSend);
    const skip = async (reason: MessageSkipReason): Promise<MessageSendStatus> => {
      await repo.update({ id: send.id }, { status: 'SKIPPED', skipReason: reason });
      return 'SKIPPED';
    };
    if (!send.templateId) return skip('UNKNOWN_TEMPLATE');
    const member = await this.members.findById(send.memberId);
    if (!member || member.deletedAt) return skip('NO_MEMBER');

    const held = await this.consents.lockedConsents(manager, send.memberId);
    const consent = held.find((c) => c.templateId === send.templateId);
    if (!consent || consent.unspent < 1) return skip('NO_CONSENT');

    const sendableAt = nextSendableAt(now, this.brand.timeZone(now), this.rules);
    if (sendableAt > now) {
      await repo.update({ id: send.id }, { status: 'DEFERRED', dueAt: sendableAt });
      return 'DEFERRED';
    }

    const recent = await repo.count({
      where: {
        memberId: send.memberId,
        status: 'SENT',
        sentAt: MoreThan(new Date(now.getTime() - this.rules.capWindowDays * DAY_MS)),
      },
    });
    if (recent >= this.rules.weeklyCap) return skip('CAPPED');
    if (!(await this.consents.spend(manager, consent, send.id, now))) return skip('NO_CONSENT');

    try {
      const { msgid } = await this.wechat.sendSubscribeMessage({
        toOpenId: member.openid,
        templateId: send.templateId,
        ...(send.page ? { page: send.page } : {}),
        data: send.data,
      });
      await repo.update({ id: send.id }, { status: 'SENT', msgid, errcode: 0, errmsg: null, sentAt: now });
      return 'SENT';
    } catch (error) {
      if (error instanceof WechatSubscribeRefusedError) {
        // 43101: WeChat holds no consent for it (used up, or never given there): ours is spent too.
        await repo.update(
          { id: send.id },
          { status: 'REFUSED', errcode: error.errcode, errmsg: error.errmsg.slice(0, 120), sentAt: now },
        );
        return 'REFUSED';
      }
      if (error instanceof WechatApiError && !error.retryable) {
        // E.g. 47003 (data WeChat rejects): refused before any consent was used, so the member keeps it.
        await this.consents.restore(manager, consent, send.id, now);
        await repo.update(
          { id: send.id },
          { status: 'FAILED', errcode: error.errcode, errmsg: error.errmsg.slice(0, 120), sentAt: now },
        );
        this.logger.error({ msg: 'subscribe message failed', sendId: send.id, errcode: error.errcode });
        return 'FAILED';
      }
      throw error;
    }
  }

  /** Account deletion: no more messages, and the keyword values (names, order details) go. */
  private async erase(manager: EntityManager, memberId: number): Promise<void> {
    const now = this.clock.now();
    for (const consent of await this.consents.lockedConsents(manager, memberId)) {
      await this.consents.dropUnspent(manager, consent, now);
    }
    await manager
      .getRepository(MessageSend)
      .update({ memberId, status: 'DEFERRED' }, { status: 'SKIPPED', skipReason: 'NO_MEMBER' });
    await manager
      .getRepository(MessageSend)
      .update({ memberId, status: In(['SENT', 'SKIPPED', 'REFUSED', 'FAILED']) }, { data: {}, page: null });
  }
}
