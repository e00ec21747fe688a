import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type AdminMessageSendRow,
  type AdminMessageSendsResponse,
  maskPhone,
  type MessageSendStatus,
  type MessageTemplateKey,
} from '@tidepool/shared';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { toPage } from '../../common/http/pagination.dto';
import { MembersService } from '../members';
import type { AdminMessageSendsQueryDto } from './dto/messages.requests';
import { MessageSend } from './message-send.entity';
import { MessageTemplates } from './message-templates';

/** 消息触达 in the console: the sends, filtered and paged in SQL, with per-template counts over the same filters. */
@Injectable()
export class MessagesAdminService {
  constructor(
    @InjectRepository(MessageSend) private readonly sends: Repository<MessageSend>,
    private readonly members: MembersService,
    private readonly templates: MessageTemplates,
  ) {}

  async list(query: AdminMessageSendsQueryDto): Promise<AdminMessageSendsResponse> {
    const filtered = () => this.filter(this.sends.createQueryBuilder('s'), query);
    const [rows, total] = await filtered()
      .orderBy('s.id', 'DESC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    const counted = await filtered()
      .select('s.templateKey', 'templateKey')
      .addSelect('s.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('s.templateKey')
      .addGroupBy('s.status')
      .orderBy('s.templateKey', 'ASC')
      .addOrderBy('s.status', 'ASC')
      .getRawMany<{ templateKey: string; status: string; count: string | number }>();
    const people = await this.members.byIds([...new Set(rows.map((r) => r.memberId))]);
    const items: AdminMessageSendRow[] = rows.map((row) => ({
      id: row.id,
      memberId: row.memberId,
      memberPhoneMasked: maskPhone(people.get(row.memberId)?.phone),
      templateKey: row.templateKey as MessageTemplateKey,
      templateName: this.templates.nameOf(row.templateKey),
      status: row.status,
      skipReason: row.skipReason,
      msgid: row.msgid,
      errcode: row.errcode,
      requestedAt: row.requestedAt.toISOString(),
      dueAt: row.dueAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
    }));
    return {
      ...toPage(items, total, query),
      counts: counted.map((c) => ({
        templateKey: c.templateKey as MessageTemplateKey,
        templateName: this.templates.nameOf(c.templateKey),
        status: c.status as MessageSendStatus,
        count: Number(c.count),
      })),
    };
  }

  private filter(qb: SelectQueryBuilder<MessageSend>, query: AdminMessageSendsQueryDto) {
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.templateKey) qb.andWhere('s.templateKey = :templateKey', { templateKey: query.templateKey });
    if (query.memberId) qb.andWhere('s.memberId = :memberId', { memberId: query.memberId });
    if (query.from) qb.andWhere('s.requestedAt >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('s.requestedAt < :to', { to: new Date(query.to) });
    return qb;
  }
}
