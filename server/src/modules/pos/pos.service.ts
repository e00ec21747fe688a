import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  fen,
  formatFen,
  growthForPaidFen,
  isMemberDay,
  localCalendar,
  maskPhone,
  type Page,
  PricingError,
  quote,
  type QuoteResult,
  type TillQuoteResponse,
  type TillTransactionView,
} from '@tidepool/shared';
import { LessThan, type Repository } from 'typeorm';
import { cashierStoreId, type Principal } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { type PageQueryDto, toPage } from '../../common/http/pagination.dto';
import { CouponsService } from '../coupons/coupons.service';
import { JobScheduler } from '../jobs/job-scheduler.service';
import { BrandSettings } from '../brand/brand-settings.service';
import { LoyaltyRules } from '../brand/loyalty-rules.service';
import { LoyaltyService } from '../loyalty/loyalty.service';
import { MembersService } from '../members/members.service';
import { StoreModeService } from '../store-mode/store-mode.service';
import { Store } from '../stores/store.entity';
import type { TillPurchaseDto, TillQuoteDto } from './dto';
import { TillTransaction } from './till-transaction.entity';

const SOURCE_TYPE = 'till';
/** A sale whose awards did not complete (a crash between steps) is finished by the sweep after this long. */
const SWEEP_GRACE_MS = 60_000;

interface Priced {
  memberId: number;
  store: Store;
  result: QuoteResult;
  points: number;
  growth: number;
  memberDay: boolean;
  birthday: boolean;
}

/**
 * In-store purchases (门店消费). Pricing is the shared engine (the member-day rule and coupons, exactly as the
 * online checkout will use them) on a one-line basket of the till's total. Recording is two steps, each
 * idempotent: (1) the sale row (unique clientId) and its coupons, in one transaction; (2) points and growth
 * through the loyalty ledger, keyed by the sale id. A retry of the same clientId, or the sweep job, completes
 * step 2 if a crash interrupted it; nothing is ever applied twice. A refund reverses exactly what was awarded.
 */
@Injectable()
export class PosService implements OnModuleInit {
  private readonly logger = new Logger(PosService.name);

  constructor(
    @InjectRepository(TillTransaction) private readonly sales: Repository<TillTransaction>,
    @InjectRepository(Store) private readonly stores: Repository<Store>,
    private readonly storeMode: StoreModeService,
    private readonly members: MembersService,
    private readonly coupons: CouponsService,
    private readonly loyalty: LoyaltyService,
    private readonly transactions: Transactions,
    private readonly scheduler: JobScheduler,
    private readonly clock: Clock,
    private readonly brand: BrandSettings,
    private readonly loyaltyRules: LoyaltyRules,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'till-award-sweep',
      periodOf: (now) => String(Math.floor(now.getTime() / (5 * 60_000))),
      work: () => this.sweep(),
    });
  }

  async quote(cashier: Principal, request: TillQuoteDto): Promise<TillQuoteResponse> {
    const priced = await this.price(cashier, request);
    return {
      subtotalFen: priced.result.subtotalFen,
      discounts: priced.result.discounts.map((d) => ({ label: d.label, amountFen: d.amountFen })),
      payableFen: priced.result.payableFen,
      pointsToEarn: priced.points,
      growthToEarn: priced.growth,
      memberDay: priced.memberDay,
      birthdayDouble: priced.birthday,
    };
  }

  async purchase(cashier: Principal, request: TillPurchaseDto): Promise<TillTransactionView> {
    const existing = await this.sales.findOneBy({ clientId: request.clientId });
    if (existing) return this.replay(cashier, existing, request);
    const priced = await this.price(cashier, request);
    if (request.expectedPayableFen !== undefined && request.expectedPayableFen !== priced.result.payableFen) {
      throw new DomainException(
        'PRICE_CHANGED',
        `应付金额已变化，当前应付 ${formatFen(fen(priced.result.payableFen))}，请重新确认`,
      );
    }
    const couponIds = request.couponIds ?? [];
    let sale: TillTransaction;
    try {
      sale = await this.transactions.run(async (manager) => {
        const row = manager.getRepository(TillTransaction).create({
          clientId: request.clientId,
          storeId: priced.store.id,
          staffId: cashier.id,
          scanId: request.scanId,
          memberId: priced.memberId,
          subtotalFen: priced.result.subtotalFen,
          payableFen: priced.result.payableFen,
          discounts: priced.result.discounts.map((d) => ({ label: d.label, amountFen: d.amountFen })),
          couponIds,
          items: request.items ?? [],
          ruleVersions: { ...priced.result.ruleVersions },
          pointsAwarded: priced.points,
          growthAwarded: priced.growth,
          awarded: false,
          status: 'COMPLETED',
          createdAt: this.clock.now(),
          refundedAt: null,
          refundedByStaffId: null,
          reversed: false,
        });
        const saved = await manager.getRepository(TillTransaction).save(row);
        await this.coupons.use(manager, priced.memberId, couponIds, `${SOURCE_TYPE}:${saved.id}`);
        return saved;
      });
    } catch (error) {
      // The same sale confirmed twice at once: the other request recorded it; answer as its replay.
      if (!isUniqueViolation(error)) throw error;
      return this.replay(cashier, await this.sales.findOneByOrFail({ clientId: request.clientId }), request);
    }
    await this.award(sale);
    this.logger.log({ msg: 'till sale recorded', saleId: sale.id, storeId: sale.storeId, payableFen: sale.payableFen });
    return this.view(sale);
  }

  async refund(cashier: Principal, saleId: number): Promise<TillTransactionView> {
    const sale = await this.saleOfStore(cashier, saleId);
    if (sale.status === 'REFUNDED' && sale.reversed) throw new DomainException('TILL_TXN_ALREADY_REFUNDED');
    if (sale.status === 'COMPLETED') {
      const now = this.clock.now();
      const won = await this.transactions.run(async (manager) => {
        const result = await manager
          .createQueryBuilder()
          .update(TillTransaction)
          .set({ status: 'REFUNDED', refundedAt: now, refundedByStaffId: cashier.id })
          .where("id = :id AND status = 'COMPLETED'", { id: sale.id })
          .execute();
        if (affectedRows(result) !== 1) return false;
        await this.coupons.release(manager, `${SOURCE_TYPE}:${sale.id}`);
        return true;
      });
      if (!won) throw new DomainException('TILL_TXN_ALREADY_REFUNDED');
    }
    // Refunded, reversals pending (this request, or a retry after a crash): finish them, idempotently.
    const refunded = await this.sales.findOneByOrFail({ id: sale.id });
    await this.award(refunded); // the ledgers must hold the earning before it can be reversed
    await this.reverse(refunded);
    this.logger.log({ msg: 'till sale refunded', saleId: sale.id, storeId: sale.storeId, staffId: cashier.id });
    return this.view(await this.sales.findOneByOrFail({ id: sale.id }));
  }

  async list(cashier: Principal, query: PageQueryDto): Promise<Page<TillTransactionView>> {
    const storeId = cashierStoreId(cashier);
    const [rows, total] = await this.sales.findAndCount({
      where: { storeId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(await Promise.all(rows.map((r) => this.view(r))), total, query);
  }

  async get(cashier: Principal, saleId: number): Promise<TillTransactionView> {
    return this.view(await this.saleOfStore(cashier, saleId));
  }

  /** Completes sales whose awards or reversals a crash interrupted (run by the scheduler). */
  async sweep(): Promise<{ awarded: number; reversed: number }> {
    const before = new Date(this.clock.now().getTime() - SWEEP_GRACE_MS);
    const pending = await this.sales.find({ where: { awarded: false, createdAt: LessThan(before) }, take: 200 });
    for (const sale of pending) await this.award(sale);
    const unreversed = await this.sales.find({ where: { status: 'REFUNDED', reversed: false }, take: 200 });
    for (const sale of unreversed) await this.reverse({ ...sale, awarded: true });
    return { awarded: pending.length, reversed: unreversed.length };
  }

  private async replay(cashier: Principal, sale: TillTransaction, request: TillPurchaseDto) {
    const scan = await this.storeMode.activeScan(cashier, request.scanId).catch(() => null);
    const same =
      sale.storeId === cashier.storeId &&
      sale.subtotalFen === request.amountFen &&
      (scan === null || scan.memberId === sale.memberId) &&
      JSON.stringify(sale.couponIds) === JSON.stringify(request.couponIds ?? []);
    if (!same) throw new DomainException('TILL_TXN_CONFLICT');
    await this.award(sale);
    return this.view(await this.sales.findOneByOrFail({ id: sale.id }));
  }

  private async price(cashier: Principal, request: TillQuoteDto): Promise<Priced> {
    const scan = await this.storeMode.activeScan(cashier, request.scanId);
    const memberId = scan.memberId!;
    const [member, store, summary, coupons] = await Promise.all([
      this.members.findById(memberId),
      this.stores.findOneByOrFail({ id: scan.storeId }),
      this.loyalty.summary(memberId),
      this.coupons.forQuote(memberId, request.couponIds ?? []),
    ]);
    if (!member) throw new DomainException('MEMBER_NOT_FOUND');
    const now = this.clock.now();
    const local = localCalendar(now, store.timeZone);
    const rules = this.brand.pricingRules();
    let result: QuoteResult;
    try {
      result = quote({
        lines: [{ skuId: 0, productId: 0, categoryId: 0, unitPriceFen: fen(request.amountFen), quantity: 1 }],
        member: { tier: summary.tier, localWeekday: local.weekday },
        coupons,
        rules,
      });
    } catch (error) {
      if (error instanceof PricingError) throw new DomainException(error.code, error.message);
      throw error;
    }
    const earning = this.loyaltyRules.pointsForPurchase({
      paidFen: result.payableFen,
      tier: summary.tier,
      birthday: member.birthday,
      at: now,
      timeZone: store.timeZone,
    });
    return {
      memberId,
      store,
      result,
      points: earning.points,
      growth: growthForPaidFen(result.payableFen),
      memberDay: isMemberDay(local.weekday, rules.memberDay),
      birthday: earning.birthday,
    };
  }

  private async award(sale: TillTransaction): Promise<void> {
    if (sale.awarded) return;
    const source = { sourceType: SOURCE_TYPE, sourceId: sale.id };
    const store = await this.stores.findOneBy({ id: sale.storeId });
    if (sale.pointsAwarded > 0) {
      await this.loyalty.earn(sale.memberId, {
        ...source,
        points: sale.pointsAwarded,
        reason: tillReason(sale, store?.name ?? '门店'),
      });
    }
    if (sale.growthAwarded > 0) {
      await this.loyalty.addGrowth(sale.memberId, {
        ...source,
        growth: sale.growthAwarded,
        reason: tillReason(sale, store?.name ?? '门店'),
      });
    }
    await this.sales.update({ id: sale.id }, { awarded: true });
  }

  private async reverse(sale: TillTransaction): Promise<void> {
    if (sale.reversed) return;
    const source = { sourceType: SOURCE_TYPE, sourceId: sale.id };
    if (sale.pointsAwarded > 0) await this.loyalty.reverse(sale.memberId, { ...source, reason: '门店退款' });
    if (sale.growthAwarded > 0) await this.loyalty.reverseGrowth(sale.memberId, { ...source, reason: '门店退款' });
    await this.sales.update({ id: sale.id }, { reversed: true });
  }

  private async saleOfStore(cashier: Principal, saleId: number): Promise<TillTransaction> {
    const storeId = cashierStoreId(cashier);
    const sale = await this.sales.findOneBy({ id: saleId });
    if (!sale) throw new DomainException('TILL_TXN_NOT_FOUND');
    if (sale.storeId !== storeId) throw new DomainException('FORBIDDEN');
    return sale;
  }

  private async view(sale: TillTransaction): Promise<TillTransactionView> {
    const [store, member] = await Promise.all([
      this.stores.findOneBy({ id: sale.storeId }),
      this.members.findById(sale.memberId),
    ]);
    return {
      id: sale.id,
      clientId: sale.clientId,
      storeName: store?.name ?? '',
      phoneMasked: maskPhone(member?.phone),
      subtotalFen: sale.subtotalFen,
      discounts: sale.discounts,
      payableFen: sale.payableFen,
      pointsAwarded: sale.pointsAwarded,
      growthAwarded: sale.growthAwarded,
      status: sale.status,
      createdAt: sale.createdAt.toISOString(),
      refundedAt: sale.refundedAt?.toISOString() ?? null,
    };
  }
}

/** What the member's history says: where, what was paid and which discounts applied (e.g. 会员日满68减8). */
function tillReason(sale: TillTransaction, storeName: string): string {
  const discounts = sale.discounts.map((d) => d.label).join('、');
  const paid = formatFen(fen(sale.payableFen));
  return `${storeName} 门店消费 ${paid}${discounts ? `（${discounts}）` : ''}`.slice(0, 255);
}
