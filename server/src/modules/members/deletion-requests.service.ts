import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type AdminMemberDeletionRequestView,
  maskPhone,
  type MemberDeletionRequestResponse,
  type MemberDeletionRequestStatus,
  type Page,
} from '@tidepool/shared';
import { In, type Repository } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { Transactions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { type PageQueryDto, toPage } from '../../common/http/pagination.dto';
import { AuditLog } from '../audit';
import { MemberDeletionRequest } from './deletion-request.entity';
import { Member } from './member.entity';
import { PersonalDataService } from './personal-data.service';

/**
 * PIPL deletion requests: the shopper asks (我的 → 注销账号申请), an operator processes the queue. Processing
 * anonymises the member through PersonalDataService.deleteAccount, marks the request DONE and writes the audit
 * row in one unit of work, so a request is never DONE without the member being anonymised, or the reverse.
 */
@Injectable()
export class MemberDeletionRequests {
  constructor(
    @InjectRepository(MemberDeletionRequest) private readonly requests: Repository<MemberDeletionRequest>,
    @InjectRepository(Member) private readonly members: Repository<Member>,
    private readonly personalData: PersonalDataService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** The shopper's request; asking again while one is pending answers the pending one. */
  async request(memberId: number): Promise<MemberDeletionRequestResponse> {
    const existing = await this.pendingOf(memberId);
    if (existing) return { requestedAt: existing.requestedAt.toISOString(), status: existing.status };
    const now = this.clock.now();
    try {
      await this.requests.insert({ memberId, pendingMemberId: memberId, status: 'PENDING', requestedAt: now });
    } catch (error) {
      // Two taps at once: the unique pending index lets one in; the other answers with it.
      if (!isUniqueViolation(error)) throw error;
    }
    const pending = await this.pendingOf(memberId);
    return { requestedAt: (pending?.requestedAt ?? now).toISOString(), status: 'PENDING' };
  }

  pendingOf(memberId: number): Promise<MemberDeletionRequest | null> {
    return this.requests.findOneBy({ pendingMemberId: memberId });
  }

  /** The queue, oldest pending first (or the processed ones, newest first), phones masked. */
  async list(status: MemberDeletionRequestStatus, page: PageQueryDto): Promise<Page<AdminMemberDeletionRequestView>> {
    const [rows, total] = await this.requests.findAndCount({
      where: { status },
      order: { id: status === 'PENDING' ? 'ASC' : 'DESC' },
      skip: page.offset,
      take: page.pageSize,
    });
    const ids = [...new Set(rows.map((r) => r.memberId))];
    const members = ids.length
      ? await this.members.find({ select: { id: true, phone: true }, where: { id: In(ids) } })
      : [];
    const phones = new Map(members.map((m) => [m.id, m.phone]));
    return toPage(
      rows.map((r) => viewOf(r, phones.get(r.memberId) ?? null)),
      total,
      page,
    );
  }

  /**
   * Deletes the member's account for a pending request. The operator retypes the member id as the confirmation;
   * a mismatch is a 400 naming `confirmMemberId`. Processing a request already DONE answers it unchanged.
   */
  async process(actor: Principal, id: number, confirmMemberId: number): Promise<AdminMemberDeletionRequestView> {
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      const row = await manager.findOneBy(MemberDeletionRequest, { id });
      if (!row) throw new DomainException('MEMBER_DELETION_REQUEST_NOT_FOUND');
      if (row.status === 'DONE') return;
      if (row.memberId !== confirmMemberId) {
        throw new DomainException('VALIDATION_FAILED', '确认的会员 ID 与申请不符', [
          { field: 'confirmMemberId', reason: '请输入申请中的会员 ID 以确认' },
        ]);
      }
      // Conditional: of two operators processing at once, one wins and the other answers the outcome.
      const claimed = await manager
        .createQueryBuilder()
        .update(MemberDeletionRequest)
        .set({ status: 'DONE', pendingMemberId: null, processedAt: now, processedByStaffId: actor.id })
        .where('id = :id AND status = :pending', { id, pending: 'PENDING' })
        .execute();
      if (claimed.affected !== 1) return;
      const member = await manager.findOneBy(Member, { id: row.memberId });
      // The shopper may have deleted the account directly since asking: the request is then simply done.
      if (member && member.deletedAt === null) await this.personalData.deleteAccount(row.memberId);
      const { actorName } = await this.audit.record({
        actor,
        action: 'member.delete_request_process',
        objectType: 'member',
        objectId: row.memberId,
        before: { request: id, status: 'PENDING' },
        after: { request: id, status: 'DONE', anonymised: true },
      });
      await manager.update(MemberDeletionRequest, { id }, { processedByName: actorName });
    });
    const row = await this.requests.findOneByOrFail({ id });
    const member = await this.members.findOne({ select: { id: true, phone: true }, where: { id: row.memberId } });
    return viewOf(row, member?.phone ?? null);
  }
}

function viewOf(row: MemberDeletionRequest, phone: string | null): AdminMemberDeletionRequestView {
  return {
    id: row.id,
    memberId: row.memberId,
    phoneMasked: phone ? maskPhone(phone) : null,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    processedAt: row.processedAt?.toISOString() ?? null,
    processedBy: row.processedByName,
  };
}
