import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type AdminWithdrawalView,
  localCalendar,
  type Page,
  type WithdrawalStatus,
  type WithdrawalView,
} from '@tidepool/shared';
import { In, LessThan, Not, type Repository } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { type PageQueryDto, toPage } from '../../common/http/pagination.dto';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { AuditLog } from '../audit';
import { MembersService } from '../members';
import { FINAL_FAILURES, type TransferBill, TransferGateway } from '../payments';
import { CommissionLedger } from './commission-ledger';
import { outBillNoOf, Promoter, PromoterAccount, Withdrawal } from './distribution.entities';
import { BrandSettings } from '../brand';
import type { WithdrawalQueryDto } from './dto/distribution.requests';

const RETURNED: readonly WithdrawalStatus[] = ['FAILED', 'REJECTED'];
/** A PAYING withdrawal untouched this long is asked about again by the sweep (same out_bill_no). */
const SWEEP_AFTER_MS = 60_000;

/**
 * Withdrawals (提现). The request takes the money out of `available` with one conditional UPDATE
 * (`availableFen >= amount`), so of any number of concurrent requests only those the balance covers succeed;
 * it is keyed by (promoter, clientRequestId), so a retry answers the same withdrawal. Above the review threshold
 * it waits for an operator. The payout uses out_bill_no derived from the withdrawal id: asking again never pays
 * twice. FAILED or REJECTED returns the money with a ledger entry.
 */
@Injectable()
export class WithdrawalsService {
  private readonly logger = new Logger('Withdrawals');

  constructor(
    @InjectRepository(Withdrawal) private readonly withdrawals: Repository<Withdrawal>,
    @InjectRepository(Promoter) private readonly promoters: Repository<Promoter>,
    private readonly members: MembersService,
    private readonly gateway: TransferGateway,
    private readonly ledger: CommissionLedger,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly brand: BrandSettings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  async request(promoter: Promoter, amountFen: number, clientRequestId: string): Promise<WithdrawalView> {
    const existing = await this.withdrawals.findOneBy({ promoterId: promoter.id, clientRequestId });
    if (existing) {
      if (existing.amountFen !== amountFen) throw new DomainException('WITHDRAW_REQUEST_CONFLICT');
      if (existing.status === 'PAYING') await this.payout(existing.id);
      return this.view(await this.withdrawals.findOneByOrFail({ id: existing.id }));
    }
    const now = this.clock.now();
    // The limits of the brand rules in force at the request (品牌规则, versioned), never a later version's.
    const limits = this.brand.rules(now).distribution;
    if (amountFen < limits.withdrawMinFen) throw new DomainException('WITHDRAW_BELOW_MINIMUM');
    const businessDate = localCalendar(now, this.brand.timeZone()).date;
    const status: WithdrawalStatus = amountFen > limits.withdrawReviewThresholdFen ? 'REVIEW' : 'PAYING';
    let id: number;
    try {
      id = await this.transactions.run(async (manager) => {
        await this.ledger.open(manager, promoter.id);
        const taken = await manager
          .createQueryBuilder()
          .update(PromoterAccount)
          .set({
            availableFen: () => `availableFen - ${amountFen}`,
            withdrawingFen: () => `withdrawingFen + ${amountFen}`,
          })
          .where('promoterId = :id AND availableFen >= :amount', { id: promoter.id, amount: amountFen })
          .execute();
        if (affectedRows(taken) !== 1) throw new DomainException('COMMISSION_INSUFFICIENT');
        // The account row is locked by the UPDATE above until commit: the day's total is read race-free.
        const today = await manager
          .getRepository(Withdrawal)
          .sum('amountFen', { promoterId: promoter.id, businessDate, status: Not(In([...RETURNED])) });
        if ((today ?? 0) + amountFen > limits.withdrawDailyLimitFen) {
          throw new DomainException('WITHDRAW_DAILY_LIMIT');
        }
        const inserted = await manager.getRepository(Withdrawal).insert({
          promoterId: promoter.id,
          clientRequestId,
          amountFen,
          status,
          businessDate,
          transferBillNo: null,
          packageInfo: null,
          failureReason: null,
          payoutAttempts: 0,
          requestedAt: now,
          reviewedAt: null,
          paidAt: null,
          finishedAt: null,
        });
        const withdrawalId = Number((inserted.identifiers[0] as { id: number }).id);
        await this.ledger.record(manager, {
          promoterId: promoter.id,
          type: 'WITHDRAW',
          availableDeltaFen: -amountFen,
          withdrawalId,
          dedupeKey: `withdraw:${withdrawalId}`,
          note: '佣金提现',
        });
        return withdrawalId;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) {
        // A concurrent twin of this very request may have taken the balance first: answer it, not a refusal.
        const twin = await this.withdrawals.findOneBy({ promoterId: promoter.id, clientRequestId });
        if (twin && twin.amountFen === amountFen) return this.view(twin);
        throw error;
      }
      // The same clientRequestId at the same moment: answer the one that won.
      const winner = await this.withdrawals.findOneByOrFail({ promoterId: promoter.id, clientRequestId });
      if (winner.amountFen !== amountFen) throw new DomainException('WITHDRAW_REQUEST_CONFLICT');
      return this.view(winner);
    }
    this.logger.log({ msg: 'withdrawal requested', withdrawalId: id, promoterId: promoter.id, amountFen, status });
    if (status === 'PAYING') await this.payout(id);
    return this.view(await this.withdrawals.findOneByOrFail({ id }));
  }

  /**
   * Pays a PAYING withdrawal (or learns how the earlier attempt ended). A transfer that cannot be confirmed now
   * stays PAYING for the sweep; the same out_bill_no makes every attempt the same payment.
   */
  async payout(id: number): Promise<void> {
    const w = await this.withdrawals.findOneBy({ id });
    if (!w || w.status !== 'PAYING') return;
    const promoter = await this.promoters.findOneByOrFail({ id: w.promoterId });
    const member = await this.members.anyById(promoter.memberId);
    await this.withdrawals.increment({ id }, 'payoutAttempts', 1);
    let bill: TransferBill;
    try {
      if (!member || member.deletedAt) {
        await this.fail(w, '会员账号已注销');
        return;
      }
      bill = await this.gateway.transfer({
        outBillNo: outBillNoOf(w.id),
        openid: member.openid,
        amountFen: w.amountFen,
        remark: '推广佣金提现',
      });
    } catch (error) {
      const code = error instanceof DomainException ? error.code : 'INTERNAL_ERROR';
      this.logger.warn({ msg: 'payout not confirmed yet', withdrawalId: id, code });
      if (code === 'PAYMENT_REJECTED') await this.fail(w, '打款请求未被受理');
      return;
    }
    await this.applyBill(w, bill);
  }

  private async applyBill(w: Withdrawal, bill: TransferBill): Promise<void> {
    if (bill.amountFen !== w.amountFen) {
      this.logger.error({ msg: 'transfer amount differs from the withdrawal', withdrawalId: w.id });
      return; // leave PAYING for a person to look at; never guess
    }
    if (bill.state === 'SUCCESS') return this.paid(w, bill);
    if (FINAL_FAILURES.includes(bill.state)) {
      await this.fail(w, failureText(bill.failReason), bill.transferBillNo);
      return;
    }
    await this.withdrawals.update(
      { id: w.id, status: 'PAYING' },
      { transferBillNo: bill.transferBillNo, packageInfo: bill.packageInfo },
    );
  }

  private async paid(w: Withdrawal, bill: TransferBill): Promise<void> {
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      const result = await manager
        .getRepository(Withdrawal)
        .update(
          { id: w.id, status: 'PAYING' },
          { status: 'PAID', paidAt: now, finishedAt: now, transferBillNo: bill.transferBillNo, packageInfo: null },
        );
      if (affectedRows(result) !== 1) return;
      await this.ledger.adjust(manager, w.promoterId, {
        withdrawingDeltaFen: -w.amountFen,
        withdrawnDeltaFen: w.amountFen,
      });
    });
  }

  /** PAYING (or REVIEW, for a rejection) → FAILED/REJECTED, the money back to available, once. */
  private async fail(
    w: Withdrawal,
    reason: string,
    transferBillNo: string | null = null,
    to: 'FAILED' | 'REJECTED' = 'FAILED',
  ) {
    const now = this.clock.now();
    const from: WithdrawalStatus = to === 'REJECTED' ? 'REVIEW' : 'PAYING';
    return this.transactions.run(async (manager) => {
      const result = await manager
        .getRepository(Withdrawal)
        .update(
          { id: w.id, status: from },
          { status: to, failureReason: reason, finishedAt: now, transferBillNo, packageInfo: null },
        );
      if (affectedRows(result) !== 1) return false;
      await this.ledger.post(manager, {
        promoterId: w.promoterId,
        type: 'WITHDRAW_RETURN',
        availableDeltaFen: w.amountFen,
        withdrawingDeltaFen: -w.amountFen,
        withdrawalId: w.id,
        dedupeKey: `withdraw-return:${w.id}`,
        note: to === 'REJECTED' ? `提现未通过审核：${reason}` : `打款失败，已退回：${reason}`,
      });
      return true;
    });
  }

  /** The sweep: PAYING withdrawals left unconfirmed are asked about again (same out_bill_no). */
  async sweep(now: Date = this.clock.now()): Promise<{ checked: number }> {
    const stale = await this.withdrawals.find({
      where: { status: 'PAYING', requestedAt: LessThan(new Date(now.getTime() - SWEEP_AFTER_MS)) },
      order: { id: 'ASC' },
      take: 200,
    });
    for (const w of stale) {
      try {
        const bill = w.transferBillNo ? await this.gateway.query(outBillNoOf(w.id)) : null;
        if (bill) await this.applyBill(w, bill);
        else await this.payout(w.id);
      } catch (error) {
        this.logger.warn({ msg: 'payout sweep failed', withdrawalId: w.id, reason: (error as Error).message });
      }
    }
    return { checked: stale.length };
  }

  // --- operators

  /** REVIEW → PAYING (audited with the review), then the payout outside the transaction (it calls WeChat). */
  async approve(id: number, actor: Principal): Promise<AdminWithdrawalView> {
    await this.transactions.run(async (manager) => {
      const result = await manager
        .getRepository(Withdrawal)
        .update({ id, status: 'REVIEW' }, { status: 'PAYING', reviewedAt: this.clock.now() });
      await this.mustExist(id, affectedRows(result));
      const w = await manager.getRepository(Withdrawal).findOneByOrFail({ id });
      await this.audit.record({
        actor,
        action: 'withdrawal.approve',
        objectType: 'withdrawal',
        objectId: id,
        before: { status: 'REVIEW', amountFen: w.amountFen },
        after: { status: 'PAYING', amountFen: w.amountFen },
      });
    });
    await this.payout(id);
    return this.adminView(await this.withdrawals.findOneByOrFail({ id }));
  }

  /** REVIEW → REJECTED with the reason, the money back to available: one unit of work with its audit entry. */
  async reject(id: number, reason: string, actor: Principal): Promise<AdminWithdrawalView> {
    await this.transactions.run(async (manager) => {
      const w = await manager.getRepository(Withdrawal).findOneBy({ id });
      if (!w) throw new DomainException('WITHDRAWAL_NOT_FOUND');
      await manager.getRepository(Withdrawal).update({ id, status: 'REVIEW' }, { reviewedAt: this.clock.now() });
      const done = await this.fail(w, reason.slice(0, 200), null, 'REJECTED');
      if (!done) throw new DomainException('WITHDRAWAL_STATE_CONFLICT');
      await this.audit.record({
        actor,
        action: 'withdrawal.reject',
        objectType: 'withdrawal',
        objectId: id,
        before: { status: 'REVIEW', amountFen: w.amountFen },
        after: { status: 'REJECTED', amountFen: w.amountFen, reason: reason.slice(0, 200), returnedFen: w.amountFen },
      });
    });
    return this.adminView(await this.withdrawals.findOneByOrFail({ id }));
  }

  /** The review queue and history: every filter and the page in SQL, newest first. */
  async adminList(query: WithdrawalQueryDto): Promise<Page<AdminWithdrawalView>> {
    const qb = this.withdrawals.createQueryBuilder('w');
    if (query.status) qb.andWhere('w.status = :status', { status: query.status });
    if (query.promoterId !== undefined) qb.andWhere('w.promoterId = :promoterId', { promoterId: query.promoterId });
    if (query.minFen !== undefined) qb.andWhere('w.amountFen >= :minFen', { minFen: query.minFen });
    if (query.maxFen !== undefined) qb.andWhere('w.amountFen <= :maxFen', { maxFen: query.maxFen });
    if (query.from) qb.andWhere('w.requestedAt >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('w.requestedAt < :to', { to: new Date(query.to) });
    const [rows, total] = await qb.orderBy('w.id', 'DESC').skip(query.offset).take(query.pageSize).getManyAndCount();
    const ids = [...new Set(rows.map((r) => r.promoterId))];
    const promoters = ids.length ? await this.promoters.findBy({ id: In(ids) }) : [];
    const names = new Map(promoters.map((p) => [p.id, p.displayName]));
    return toPage(
      rows.map((row) => this.toAdminView(row, names.get(row.promoterId) ?? '')),
      total,
      query,
    );
  }

  async mine(promoterId: number, query: PageQueryDto) {
    const [rows, total] = await this.withdrawals.findAndCount({
      where: { promoterId },
      order: { id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(
      rows.map((r) => this.view(r)),
      total,
      query,
    );
  }

  async todayTotal(promoterId: number): Promise<number> {
    const businessDate = localCalendar(this.clock.now(), this.brand.timeZone()).date;
    return (await this.withdrawals.sum('amountFen', { promoterId, businessDate, status: Not(In([...RETURNED])) })) ?? 0;
  }

  private async mustExist(id: number, affected: number): Promise<void> {
    if (affected === 1) return;
    if (!(await this.withdrawals.exist({ where: { id } }))) throw new DomainException('WITHDRAWAL_NOT_FOUND');
    throw new DomainException('WITHDRAWAL_STATE_CONFLICT');
  }

  private async adminView(w: Withdrawal): Promise<AdminWithdrawalView> {
    const promoter = await this.promoters.findOneBy({ id: w.promoterId });
    return this.toAdminView(w, promoter?.displayName ?? '');
  }

  private toAdminView(w: Withdrawal, promoterName: string): AdminWithdrawalView {
    return {
      ...this.view(w),
      promoterId: w.promoterId,
      promoterName,
      reviewedAt: w.reviewedAt?.toISOString() ?? null,
      outBillNo: outBillNoOf(w.id),
      payoutAttempts: w.payoutAttempts,
      finishedAt: w.finishedAt?.toISOString() ?? null,
      // The return entry is written in the same transaction as the move to FAILED/REJECTED, exactly once.
      returnedFen: RETURNED.includes(w.status) ? w.amountFen : 0,
    };
  }

  view(w: Withdrawal): WithdrawalView {
    return {
      id: w.id,
      clientRequestId: w.clientRequestId,
      amountFen: w.amountFen,
      status: w.status,
      failureReason: w.failureReason,
      requestedAt: w.requestedAt.toISOString(),
      paidAt: w.paidAt?.toISOString() ?? null,
      transferBillNo: w.transferBillNo,
      packageInfo: w.status === 'PAYING' ? w.packageInfo : null,
      merchantTransfer:
        w.status === 'PAYING' && w.packageInfo
          ? { mchId: this.config.wechatPay.mchId, appId: this.config.wechatPay.appId, package: w.packageInfo }
          : null,
    };
  }
}

function failureText(reason: string | null): string {
  if (!reason) return '打款失败';
  if (/ACCOUNT|REAL_NAME|NAME/.test(reason)) return '收款账户异常或未实名，请检查微信账户后重试';
  if (/OVERDUE|CLOSE|CANCEL/.test(reason)) return '收款确认已超时，请重新提现';
  return '打款失败';
}
