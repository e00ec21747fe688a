import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type AdminProductDistributionView,
  type CommissionRecordView,
  type CommissionStatus,
  type CustomerView,
  type EarningsView,
  estimatedCommission,
  fen,
  formatFen,
  type LedgerEntryView,
  maskOrderNo,
  maskPhone,
  type MaterialView,
  type ProductDistributionView,
  protectionSecondsLeft,
  type SetProductDistributionRequest,
  type ShareFunnelView,
  type TeamMemberView,
  validRates,
} from '@tidepool/shared';
import { type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { DomainException } from '../../common/errors/domain.exception';
import { type PageQueryDto, toPage } from '../../common/http/pagination.dto';
import { SkusService } from '../catalog';
import { MembersService } from '../members';
import { OrderReadsService } from '../orders';
import {
  Commission,
  CommissionEntry,
  CustomerBinding,
  DistributionProduct,
  OrderAttribution,
  Promoter,
  PromoterAccount,
  ShareToken,
  ShareVisit,
  effectiveRates,
} from './distribution.entities';
import { DAY_MS, DISTRIBUTION_OPTIONS, type DistributionOptions } from './distribution.options';
import { PromotersService } from './promoters.service';
import { WithdrawalsService } from './withdrawals.service';
import { BrandSettings } from '../brand';

/** The promoter center (推广中心) read side, and the operator's distribution products. */
@Injectable()
export class PromoterCenterService {
  constructor(
    @InjectRepository(PromoterAccount) private readonly accounts: Repository<PromoterAccount>,
    @InjectRepository(Commission) private readonly commissions: Repository<Commission>,
    @InjectRepository(CommissionEntry) private readonly entries: Repository<CommissionEntry>,
    @InjectRepository(CustomerBinding) private readonly bindings: Repository<CustomerBinding>,
    @InjectRepository(Promoter) private readonly promoters: Repository<Promoter>,
    @InjectRepository(ShareToken) private readonly tokens: Repository<ShareToken>,
    @InjectRepository(ShareVisit) private readonly visits: Repository<ShareVisit>,
    @InjectRepository(OrderAttribution) private readonly attributions: Repository<OrderAttribution>,
    @InjectRepository(DistributionProduct) private readonly settings: Repository<DistributionProduct>,
    private readonly skus: SkusService,
    private readonly members: MembersService,
    private readonly orders: OrderReadsService,
    private readonly promoterService: PromotersService,
    private readonly withdrawals: WithdrawalsService,
    private readonly clock: Clock,
    @Inject(DISTRIBUTION_OPTIONS) private readonly options: DistributionOptions,
    private readonly brand: BrandSettings,
  ) {}

  async earnings(promoter: Promoter): Promise<EarningsView> {
    const a = await this.accounts.findOneBy({ promoterId: promoter.id });
    const available = a?.availableFen ?? 0;
    return {
      pendingFen: a?.pendingFen ?? 0,
      availableFen: Math.max(0, available),
      withdrawingFen: a?.withdrawingFen ?? 0,
      withdrawnFen: a?.withdrawnFen ?? 0,
      debtFen: Math.max(0, -available),
      totalEarnedFen: a?.totalEarnedFen ?? 0,
      todayWithdrawnFen: await this.withdrawals.todayTotal(promoter.id),
      withdrawDailyLimitFen: this.brand.rules().distribution.withdrawDailyLimitFen,
      withdrawMinFen: this.brand.rules().distribution.withdrawMinFen,
    };
  }

  async commissionRecords(promoter: Promoter, status: CommissionStatus | undefined, query: PageQueryDto) {
    const [rows, total] = await this.commissions.findAndCount({
      where: { promoterId: promoter.id, ...(status ? { status } : {}) },
      order: { id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const orders = new Map(
      rows.length ? [...(await this.orders.byIds(rows.map((r) => r.orderId))).values()].map((o) => [o.id, o]) : [],
    );
    const buyers = new Map(
      rows.length
        ? [...(await this.members.byIds(rows.map((r) => r.buyerMemberId))).values()].map((m) => [m.id, m])
        : [],
    );
    const window = this.brand.rules().returnWindowDays * DAY_MS;
    const items: CommissionRecordView[] = rows.map((c) => {
      const order = orders.get(c.orderId);
      const completedAt = order?.completedAt ?? null;
      return {
        orderId: c.orderId,
        orderNoMasked: maskOrderNo(order?.orderNo ?? String(c.orderId)),
        level: c.level,
        buyerMasked: maskPhone(buyers.get(c.buyerMemberId)?.phone) ?? '微信用户',
        paidAt: c.paidAt.toISOString(),
        baseFen: c.baseFen,
        accruedFen: c.accruedFen,
        reversedFen: c.reversedFen,
        netFen: c.accruedFen - c.reversedFen,
        status: c.status,
        availableAt: c.settledAt
          ? c.settledAt.toISOString()
          : completedAt
            ? new Date(completedAt.getTime() + window).toISOString()
            : null,
        lines: c.lines.map((l) => ({
          productName: l.productName,
          quantity: l.quantity,
          paidFen: l.paidFen,
          rateBp: l.rateBp,
          commissionFen: l.commissionFen,
          reversedFen: l.reversedFen,
        })),
      };
    });
    return toPage(items, total, query);
  }

  async ledgerEntries(promoter: Promoter, query: PageQueryDto) {
    const [rows, total] = await this.entries.findAndCount({
      where: { promoterId: promoter.id },
      order: { id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const items: LedgerEntryView[] = rows.map((e) => ({
      id: e.id,
      type: e.type,
      pendingDeltaFen: e.pendingDeltaFen,
      availableDeltaFen: e.availableDeltaFen,
      orderId: e.orderId,
      withdrawalId: e.withdrawalId,
      note: e.note,
      createdAt: e.createdAt.toISOString(),
    }));
    return toPage(items, total, query);
  }

  async customers(promoter: Promoter, query: PageQueryDto) {
    const [rows, total] = await this.bindings.findAndCount({
      where: { promoterId: promoter.id },
      order: { boundAt: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const now = this.clock.now();
    const memberIds = rows.map((r) => r.memberId);
    const members = new Map(
      memberIds.length ? [...(await this.members.byIds(memberIds)).values()].map((m) => [m.id, m]) : [],
    );
    const stats = memberIds.length
      ? await this.attributions
          .createQueryBuilder('a')
          .select('a.buyerMemberId', 'memberId')
          .addSelect('COUNT(*)', 'n')
          .addSelect('SUM(a.baseFen)', 'paid')
          .where('a.promoterId = :id AND a.buyerMemberId IN (:...memberIds)', { id: promoter.id, memberIds })
          .groupBy('a.buyerMemberId')
          .getRawMany<{ memberId: number; n: string | number; paid: string | number | null }>()
      : [];
    const statOf = new Map(stats.map((s) => [Number(s.memberId), s]));
    const items: CustomerView[] = rows.map((b) => ({
      memberId: b.memberId,
      displayMasked: maskPhone(members.get(b.memberId)?.phone) ?? '微信用户',
      avatarUrl: null,
      boundAt: b.boundAt.toISOString(),
      protectedUntil: b.protectedUntil.toISOString(),
      protectionSecondsLeft: protectionSecondsLeft(b.protectedUntil, now),
      orderCount: Number(statOf.get(b.memberId)?.n ?? 0),
      paidFen: Number(statOf.get(b.memberId)?.paid ?? 0),
      serverTime: now.toISOString(),
    }));
    return toPage(items, total, query);
  }

  async team(promoter: Promoter, query: PageQueryDto) {
    const [rows, total] = await this.promoters.findAndCount({
      where: { inviterPromoterId: promoter.id },
      order: { id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const ids = rows.map((r) => r.id);
    const customerCounts = ids.length
      ? await this.bindings
          .createQueryBuilder('b')
          .select('b.promoterId', 'promoterId')
          .addSelect('COUNT(*)', 'n')
          .where('b.promoterId IN (:...ids)', { ids })
          .groupBy('b.promoterId')
          .getRawMany<{ promoterId: number; n: string | number }>()
      : [];
    // My level-2 commission through each team member: commissions at level 2 on orders they got level 1 on.
    const earned = ids.length
      ? await this.commissions
          .createQueryBuilder('mine')
          .innerJoin(Commission, 'theirs', 'theirs.orderId = mine.orderId AND theirs.level = 1')
          .select('theirs.promoterId', 'promoterId')
          .addSelect('SUM(mine.accruedFen - mine.reversedFen)', 'fen')
          .where('mine.promoterId = :me AND mine.level = 2 AND theirs.promoterId IN (:...ids)', {
            me: promoter.id,
            ids,
          })
          .groupBy('theirs.promoterId')
          .getRawMany<{ promoterId: number; fen: string | number | null }>()
      : [];
    const countOf = new Map(customerCounts.map((c) => [Number(c.promoterId), Number(c.n)]));
    const earnedOf = new Map(earned.map((e) => [Number(e.promoterId), Number(e.fen ?? 0)]));
    const items: TeamMemberView[] = rows.map((p) => ({
      promoterId: p.id,
      displayName: p.displayName,
      avatarUrl: p.avatarUrl,
      status: p.status,
      joinedAt: p.appliedAt.toISOString(),
      customerCount: countOf.get(p.id) ?? 0,
      myCommissionFen: earnedOf.get(p.id) ?? 0,
    }));
    return toPage(items, total, query);
  }

  async materials(query: PageQueryDto) {
    const [rows, total] = await this.settings.findAndCount({
      where: { enabled: true },
      order: { productId: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const products = new Map(
      rows.length
        ? [...(await this.skus.productsById(rows.map((r) => r.productId))).values()].map((p) => [p.id, p])
        : [],
    );
    const items: MaterialView[] = [];
    const brandRates = this.brand.rules().distribution;
    for (const setting of rows) {
      const s = { ...setting, ...effectiveRates(setting, brandRates) };
      const p = products.get(s.productId);
      if (!p || p.status !== 'ON_SALE') continue;
      const earn = estimatedCommission(p.priceFen, s.rateBp);
      items.push({
        productId: p.id,
        name: p.name,
        imageUrl: p.coverUrl,
        priceFen: p.priceFen,
        rateBp: s.rateBp,
        secondRateBp: s.secondRateBp,
        estimatedCommissionFen: earn,
        copies: [
          `好物推荐｜${p.name}，到手价 ${formatFen(fen(p.priceFen))}，${p.subtitle || '品质之选'}。`,
          `自用回购的${p.name}，朋友们闭眼入 👉 点开小程序就能买～`,
          `${p.name}限时${formatFen(fen(p.priceFen))}，会员还能叠加积分，手慢无！`,
        ],
      });
    }
    return toPage(items, total, query);
  }

  async productInfo(memberId: number, productId: number): Promise<ProductDistributionView> {
    const [setting, product, promoter] = await Promise.all([
      this.settings.findOneBy({ productId, enabled: true }),
      this.skus.productById(productId),
      this.promoterService.approvedByMember(memberId),
    ]);
    if (!product) throw new DomainException('PRODUCT_NOT_FOUND');
    const rates = setting ? effectiveRates(setting, this.brand.rules().distribution) : null;
    return {
      productId,
      enabled: Boolean(setting),
      rateBp: rates?.rateBp ?? 0,
      secondRateBp: rates?.secondRateBp ?? 0,
      estimatedCommissionFen: rates ? estimatedCommission(product.priceFen, rates.rateBp) : 0,
      callerIsPromoter: promoter !== null,
    };
  }

  async shares(promoter: Promoter, query: PageQueryDto) {
    const [rows, total] = await this.tokens.findAndCount({
      where: { promoterId: promoter.id },
      order: { id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const ids = rows.map((r) => r.id);
    const views = ids.length
      ? await this.visits
          .createQueryBuilder('v')
          .select('v.shareTokenId', 'id')
          .addSelect('COUNT(*)', 'views')
          .addSelect('COUNT(DISTINCT v.visitorKey)', 'visitors')
          .where('v.shareTokenId IN (:...ids)', { ids })
          .groupBy('v.shareTokenId')
          .getRawMany<{ id: number; views: string | number; visitors: string | number }>()
      : [];
    const orders = ids.length
      ? await this.attributions
          .createQueryBuilder('a')
          .select('a.shareTokenId', 'id')
          .addSelect('COUNT(*)', 'orders')
          .addSelect('SUM(a.baseFen)', 'paid')
          .where('a.shareTokenId IN (:...ids) AND a.promoterId = :me', { ids, me: promoter.id })
          .groupBy('a.shareTokenId')
          .getRawMany<{ id: number; orders: string | number; paid: string | number | null }>()
      : [];
    const earned = ids.length
      ? await this.commissions
          .createQueryBuilder('c')
          .select('c.shareTokenId', 'id')
          .addSelect('SUM(c.accruedFen - c.reversedFen)', 'fen')
          .where('c.shareTokenId IN (:...ids) AND c.promoterId = :me AND c.level = 1', { ids, me: promoter.id })
          .groupBy('c.shareTokenId')
          .getRawMany<{ id: number; fen: string | number | null }>()
      : [];
    const productIds = rows.filter((r) => r.targetType === 'PRODUCT').map((r) => r.targetId);
    const names = new Map(
      productIds.length ? [...(await this.skus.productsById(productIds)).values()].map((p) => [p.id, p.name]) : [],
    );
    const viewOf = new Map(views.map((v) => [Number(v.id), v]));
    const orderOf = new Map(orders.map((o) => [Number(o.id), o]));
    const earnedOf = new Map(earned.map((e) => [Number(e.id), Number(e.fen ?? 0)]));
    const items: ShareFunnelView[] = rows.map((t) => ({
      token: t.token,
      targetType: t.targetType,
      targetId: t.targetType === 'STORE' ? null : t.targetId,
      title:
        t.targetType === 'PRODUCT'
          ? (names.get(t.targetId) ?? '商品')
          : t.targetType === 'DROP'
            ? '限时团购'
            : 'Tidepool 会员商城',
      views: Number(viewOf.get(t.id)?.views ?? 0),
      visitors: Number(viewOf.get(t.id)?.visitors ?? 0),
      orders: Number(orderOf.get(t.id)?.orders ?? 0),
      paidFen: Number(orderOf.get(t.id)?.paid ?? 0),
      commissionFen: earnedOf.get(t.id) ?? 0,
      createdAt: t.createdAt.toISOString(),
    }));
    return toPage(items, total, query);
  }

  // --- operators: distribution products

  async setProduct(productId: number, body: SetProductDistributionRequest): Promise<AdminProductDistributionView> {
    const product = await this.skus.productById(productId);
    if (!product) throw new DomainException('PRODUCT_NOT_FOUND');
    // An omitted rate follows the brand's (品牌规则), whichever version is in force when each order is paid; the
    // pair is checked against the cap with the brand's rates in force now.
    const own = { rateBp: body.rateBp ?? null, secondRateBp: body.secondRateBp ?? null };
    const rates = effectiveRates(own, this.brand.rules().distribution);
    if (!validRates(rates, this.options.maxTotalRateBp)) throw new DomainException('COMMISSION_RATE_INVALID');
    await this.settings.upsert({ productId, enabled: body.enabled, ...own, updatedAt: this.clock.now() }, [
      'productId',
    ]);
    const s = await this.settings.findOneByOrFail({ productId });
    return this.productView(s, product.name);
  }

  async listProducts(query: PageQueryDto) {
    const [rows, total] = await this.settings.findAndCount({
      order: { productId: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const names = new Map(
      rows.length
        ? [...(await this.skus.productsById(rows.map((r) => r.productId))).values()].map((p) => [p.id, p.name])
        : [],
    );
    const items = rows.map((s) => this.productView(s, names.get(s.productId) ?? ''));
    return toPage(items, total, query);
  }

  /** The rates as they apply now, and whether they follow the brand's. */
  private productView(s: DistributionProduct, name: string): AdminProductDistributionView {
    return {
      productId: s.productId,
      name,
      enabled: s.enabled,
      ...effectiveRates(s, this.brand.rules().distribution),
      followsBrandRates: s.rateBp === null && s.secondRateBp === null,
      updatedAt: s.updatedAt.toISOString(),
    };
  }
}
