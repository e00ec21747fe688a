import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  MESSAGE_TEMPLATE_KEYS,
  type MessageConsentsResponse,
  type MessageConsentView,
  type MessageTemplateKey,
  type ReportMessageConsentsRequest,
} from '@tidepool/shared';
import { type EntityManager, In, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { MessageConsentEntry, type MessageConsentEntryKind } from './message-consent-entry.entity';
import { MessageConsent } from './message-consent.entity';
import { MessageTemplates } from './message-templates';

/**
 * The member's subscribe-message consents. Each 允许 in wx.requestSubscribeMessage lets the brand send one message
 * of that template; the mini program reports the answer here. Every change appends a ledger row and moves the
 * balance row in the same transaction (see MessageConsent).
 */
@Injectable()
export class MessageConsentsService {
  constructor(
    @InjectRepository(MessageConsent) private readonly consents: Repository<MessageConsent>,
    private readonly templates: MessageTemplates,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async report(memberId: number, request: ReportMessageConsentsRequest): Promise<MessageConsentsResponse> {
    const accepted = [...new Set(request.accepted)];
    const rejected = [...new Set(request.rejected ?? [])].filter((id) => !accepted.includes(id));
    const keyOf = (field: string) => (templateId: string) => {
      const key = this.templates.keyOf(templateId);
      if (!key) {
        throw new DomainException('VALIDATION_FAILED', '不认识的订阅消息模板', [
          { field, reason: `unknown template id ${templateId}` },
        ]);
      }
      return { templateId, key };
    };
    const grants = accepted.map(keyOf('accepted'));
    const rejections = rejected.map(keyOf('rejected'));
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      for (const { templateId, key } of grants) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(MessageConsent)
          .values({ memberId, templateId, templateKey: key, unspent: 0, lastGrantedAt: null, updatedAt: now })
          .orIgnore()
          .updateEntity(false)
          .execute();
        await manager
          .createQueryBuilder()
          .update(MessageConsent)
          .set({ unspent: () => 'unspent + 1', lastGrantedAt: now, updatedAt: now })
          .where('memberId = :memberId AND templateId = :templateId', { memberId, templateId })
          .execute();
        await this.append(manager, { memberId, templateId, templateKey: key }, 'GRANT', 1, now, request.sourcePage);
      }
      for (const { templateId, key } of rejections) {
        await this.append(manager, { memberId, templateId, templateKey: key }, 'REJECT', 0, now, request.sourcePage);
      }
    });
    return this.list(memberId);
  }

  /** The consents of the deployment's current templates the member ever granted, in the catalogue's order. */
  async list(memberId: number): Promise<MessageConsentsResponse> {
    const rows = await this.consents.find({ where: { memberId } });
    const items: MessageConsentView[] = [];
    for (const row of rows) {
      const key = this.templates.keyOf(row.templateId);
      if (!key) continue; // a template the deployment no longer sends: nothing can spend it
      items.push({
        templateKey: key,
        templateId: row.templateId,
        templateName: this.templates.nameOf(key),
        unspent: row.unspent,
        lastGrantedAt: row.lastGrantedAt?.toISOString() ?? null,
      });
    }
    const order = (key: MessageTemplateKey) => MESSAGE_TEMPLATE_KEYS.indexOf(key);
    return { items: items.sort((a, b) => order(a.templateKey) - order(b.templateKey)) };
  }

  /**
   * Drops the member's unspent consents of a template: the brand will send none of them. WeChat keeps its own
   * count (there is no API to revoke it); this ledger is what the sender obeys. Idempotent.
   */
  async withdraw(memberId: number, templateId: string): Promise<MessageConsentsResponse> {
    const key = this.templates.keyOf(templateId);
    if (!key) {
      throw new DomainException('VALIDATION_FAILED', '不认识的订阅消息模板', [
        { field: 'templateId', reason: `unknown template id ${templateId}` },
      ]);
    }
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      const row = await this.lockedConsents(manager, memberId, [templateId]);
      const consent = row[0];
      if (consent) await this.dropUnspent(manager, consent, now);
    });
    return this.list(memberId);
  }

  /**
   * The member's consent rows for these templates, locked until the transaction ends on MySQL (SQLite runs
   * one transaction at a time). The sender takes every row of the member, which serialises that member's sends.
   */
  async lockedConsents(manager: EntityManager, memberId: number, templateIds?: string[]): Promise<MessageConsent[]> {
    const query = manager
      .getRepository(MessageConsent)
      .createQueryBuilder('c')
      .where('c.memberId = :memberId', { memberId })
      .orderBy('c.id', 'ASC');
    if (templateIds) query.andWhere({ templateId: In(templateIds) });
    if (this.transactions.rowLocks) query.setLock('pessimistic_write');
    return query.getMany();
  }

  /** Sets a consent row the caller holds locked to zero unspent, with its WITHDRAW entry (none when zero). */
  async dropUnspent(manager: EntityManager, consent: MessageConsent, now: Date): Promise<void> {
    if (consent.unspent === 0) return;
    const dropped = await manager
      .createQueryBuilder()
      .update(MessageConsent)
      .set({ unspent: 0, updatedAt: now })
      .where('id = :id AND unspent = :unspent', { id: consent.id, unspent: consent.unspent })
      .execute();
    // The row is locked (MySQL) or the transaction runs alone (SQLite): a miss means a bug, not a race.
    if (affectedRows(dropped) !== 1) throw new Error('consent balance changed under its lock');
    await this.append(manager, consent, 'WITHDRAW', consent.unspent, now);
  }

  /** Spends one consent; false when none was left. */
  async spend(manager: EntityManager, consent: MessageConsent, sendId: number, now: Date): Promise<boolean> {
    const spent = await manager
      .createQueryBuilder()
      .update(MessageConsent)
      .set({ unspent: () => 'unspent - 1', updatedAt: now })
      .where('id = :id AND unspent > 0', { id: consent.id })
      .execute();
    if (affectedRows(spent) !== 1) return false;
    await this.append(manager, consent, 'SPEND', 1, now, '', sendId);
    return true;
  }

  /** Gives back a consent WeChat did not use (it refused the message's data before looking at consent). */
  async restore(manager: EntityManager, consent: MessageConsent, sendId: number, now: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(MessageConsent)
      .set({ unspent: () => 'unspent + 1', updatedAt: now })
      .where('id = :id', { id: consent.id })
      .execute();
    await this.append(manager, consent, 'RESTORE', 1, now, '', sendId);
  }

  private async append(
    manager: EntityManager,
    consent: Pick<MessageConsent, 'memberId' | 'templateId' | 'templateKey'>,
    kind: MessageConsentEntryKind,
    quantity: number,
    now: Date,
    sourcePage = '',
    sendId: number | null = null,
  ): Promise<void> {
    await manager.insert(MessageConsentEntry, {
      memberId: consent.memberId,
      templateId: consent.templateId,
      templateKey: consent.templateKey,
      kind,
      quantity,
      sourcePage: sourcePage.slice(0, 120),
      sendId,
      createdAt: now,
    });
  }
}
