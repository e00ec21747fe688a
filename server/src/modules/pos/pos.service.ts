import { Injectable, Logger } from '@nestjs/common';
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
import type { Repository } from 'typeorm';
import { cashierStoreId, type Principal } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { type PageQueryDto, toPage } from '../../common/http/pagination.dto';
import { CouponsService } from '../coupons';
import { LoyaltyService } from '../loyalty';
import { MembersService } from '../members';
import { StoreModeService } from '../store-mode';
import { type StoreView, StoresService } from '../stores';
import { OutboxService } from '../outbox';
import { BrandSettings, LoyaltyRules } from '../brand';
import type { TillPurchaseDto, TillQuoteDto } from './dto/pos.requests';
import { TillTransaction } from './till-transaction.entity';

/** The coupons' usage source of a sale (`till:<id>`), as the ledgers' source type is (till-awards.consumer.ts). */
const SOURCE_TYPE = 'till';

interface Priced {
  memberId: number;
  store: StoreView;
  result: QuoteResult;
  points: number;
  growth: number;
  memberDay: boolean;
  birthday: boolean;
}

/**
 * In-store purchases (门店消费). Pricing is the shared engine (the member-day rule and coupons, exactly as the
 * online checkout will use them) on a one-line basket of the till's total. The sale row (unique clientId), its
 * coupons and the `till.sale.recorded` event commit together; the event's handler (till-awards.consumer.ts)
 * adds the points and growth, promptly after the commit or, after a crash, on the outbox's next pass. A refund
 * commits with `till.sale.refunded`, whose handler reverses exactly what was awarded.
 */
@Injectable()
export class PosService {
  private readonly logger = new Logger(PosService.name);

  constructor(
    @InjectRepository(TillTransaction) private readonly sales: Repository<TillTransaction>,
    private readonly stores: StoresService,
    private readonly storeMode: StoreModeService,
    private readonly members: MembersService,
    private readonly coupons: CouponsService,
    private readonly loyalty: LoyaltyService,
    private readonly transactions: Transactions,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly brand: BrandSettings,
    private readonly loyaltyRules: LoyaltyRules,
  ) {}

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
          paymentMethod: request.paymentMethod ?? 'UNSPECIFIED',
          discounts: priced.result.discounts.map((d) => ({ label: d.label, amountFen: d.amountFen })),
          couponIds,
          items: request.items ?? [],
          ruleVersions: { ...priced.result.ruleVersions },
          pointsAwarded: priced.points,
          growthAwarded: priced.growth,
          status: 'COMPLETED',
          createdAt: this.clock.now(),
          refundedAt: null,
          refundedByStaffId: null,
        });
        const saved = await manager.getRepository(TillTransaction).save(row);
        await this.coupons.use(manager, priced.memberId, couponIds, `${SOURCE_TYPE}:${saved.id}`);
        await this.outbox.publish(manager, 'till.sale.recorded', `till.sale.recorded:${saved.id}`, {
          saleId: saved.id,
          memberId: saved.memberId,
          storeId: saved.storeId,
          payableFen: saved.payableFen,
          paymentMethod: saved.paymentMethod,
        });
        return saved;
      });
    } catch (error) {
      // The same sale confirmed twice at once: the other request recorded it; answer as its replay.
      if (!isUniqueViolation(error)) throw error;
      return this.replay(cashier, await this.sales.findOneByOrFail({ clientId: request.clientId }), request);
    }
    await this.outbox.dispatchKey(`till.sale.recorded:${sale.id}`); // the balance the cashier shows next
    this.logger.log({ msg: 'till sale recorded', saleId: sale.id, storeId: sale.storeId, payableFen: sale.payableFen });
    return this.view(sale);
  }

  async refund(cashier: Principal, saleId: number): Promise<TillTransactionView> {
    const sale = await this.saleOfStore(cashier, saleId);
    if (sale.status === 'REFUNDED') throw new DomainException('TILL_TXN_ALREADY_REFUNDED');
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
      await this.outbox.publish(manager, 'till.sale.refunded', `till.sale.refunded:${sale.id}`, {
        saleId: sale.id,
        memberId: sale.memberId,
        storeId: sale.storeId,
      });
      return true;
    });
    if (!won) throw new DomainException('TILL_TXN_ALREADY_REFUNDED');
    await this.outbox.dispatchKey(`till.sale.refunded:${sale.id}`);
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

  private async replay(cashier: Principal, sale: TillTransaction, request: TillPurchaseDto) {
    const scan = await this.storeMode.activeScan(cashier, request.scanId).catch(() => null);
    const same =
      sale.storeId === cashier.storeId &&
      sale.subtotalFen === request.amountFen &&
      (scan === null || scan.memberId === sale.memberId) &&
      JSON.stringify(sale.couponIds) === JSON.stringify(request.couponIds ?? []);
    if (!same) throw new DomainException('TILL_TXN_CONFLICT');
    // The retry of a sale whose awards a crash left pending delivers them now rather than at the next pass.
    await this.outbox.dispatchKey(`till.sale.recorded:${sale.id}`);
    return this.view(await this.sales.findOneByOrFail({ id: sale.id }));
  }

  private async price(cashier: Principal, request: TillQuoteDto): Promise<Priced> {
    const scan = await this.storeMode.activeScan(cashier, request.scanId);
    const memberId = scan.memberId!;
    const [member, store, summary, coupons] = await Promise.all([
      this.members.findById(memberId),
      this.stores.requireById(scan.storeId),
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

  private async saleOfStore(cashier: Principal, saleId: number): Promise<TillTransaction> {
    const storeId = cashierStoreId(cashier);
    const sale = await this.sales.findOneBy({ id: saleId });
    if (!sale) throw new DomainException('TILL_TXN_NOT_FOUND');
    if (sale.storeId !== storeId) throw new DomainException('FORBIDDEN');
    return sale;
  }

  private async view(sale: TillTransaction): Promise<TillTransactionView> {
    const [store, member] = await Promise.all([
      this.stores.findById(sale.storeId),
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
      paymentMethod: sale.paymentMethod,
      pointsAwarded: sale.pointsAwarded,
      growthAwarded: sale.growthAwarded,
      status: sale.status,
      createdAt: sale.createdAt.toISOString(),
      refundedAt: sale.refundedAt?.toISOString() ?? null,
    };
  }
}
