import { Injectable } from '@nestjs/common';
import type { MessageTemplateKey } from '@tidepool/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { OutboxService } from '../outbox';
import { MessageTemplates } from './message-templates';

export interface MessageRequest {
  memberId: number;
  templateKey: MessageTemplateKey;
  /** The template's keywords, e.g. `{ thing1: '周三新品', time2: '2026-11-25 20:00' }`. */
  data: Record<string, string>;
  /** The page the message opens, with its query, e.g. `packages/drop/pages/detail/index?id=7`. */
  page?: string;
  /** One message per key, ever (e.g. `drop-reminder:<drop>:<member>`); at most MESSAGE_DEDUPE_KEY_MAX characters. */
  dedupeKey: string;
}

/** The outbox key (`message:` + this) must fit its 96 characters. */
export const MESSAGE_DEDUPE_KEY_MAX = 88;

/**
 * How other modules send a member a subscribe message: `request` inside their own transaction, so the message is
 * asked for if and only if their change commits. Whether it goes out (consent left, weekly cap, quiet hours) is
 * decided by MessageSender when the event is delivered.
 */
@Injectable()
export class MessagesService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly templates: MessageTemplates,
    private readonly clock: Clock,
  ) {}

  async request(manager: EntityManager, request: MessageRequest): Promise<void> {
    if (!this.templates.isKey(request.templateKey))
      throw new Error(`unknown message template ${String(request.templateKey)}`);
    if (request.dedupeKey.length === 0 || request.dedupeKey.length > MESSAGE_DEDUPE_KEY_MAX) {
      throw new Error(`a message dedupe key has 1-${MESSAGE_DEDUPE_KEY_MAX} characters`);
    }
    await this.outbox.publish(manager, 'message.requested', `message:${request.dedupeKey}`, {
      memberId: request.memberId,
      templateKey: request.templateKey,
      data: request.data,
      ...(request.page !== undefined ? { page: request.page } : {}),
      dedupeKey: request.dedupeKey,
      requestedAt: this.clock.now().toISOString(),
    });
  }
}
