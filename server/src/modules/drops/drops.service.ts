import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  dropPhase,
  type DropItemView,
  type DropListResponse,
  type DropOrderSummaryView,
  type DropView,
  type EarlyAccess,
  opensAtFor,
  orderMachine,
  type OrderView,
  type Page,
  type TierCode,
  tierByCode,
} from '@tidepool/shared';
import { In, LessThan, MoreThan, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { DomainException } from '../../common/errors/domain.exception';
import { type PageQueryDto, toPage } from '../../common/http/pagination.dto';
import { LoyaltyService } from '../loyalty';
import { MembersService } from '../members';
import { OrderReadsService, OrdersService } from '../orders';
import { BrandSettings, LoyaltyRules } from '../brand';
import { DropCatalog } from './drop-catalog.service';
import { DropItem } from './drop-item.entity';
import { DropReminder } from './drop-reminder.entity';
import { DropStock } from './drop-stock.service';
import { Drop } from './drop.entity';
import type { CreateDropOrderDto } from './dto/drops.requests';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { Inject } from '@nestjs/common';

const LIST_HORIZON_MS = 7 * 86_400_000;

/** The member side of drops: what is on, and buying at the drop price through the ordinary order flow. */
@Injectable()
export class DropsService {
  constructor(
    @InjectRepository(Drop) private readonly drops: Repository<Drop>,
    @InjectRepository(DropItem) private readonly items: Repository<DropItem>,
    @InjectRepository(DropReminder) private readonly reminders: Repository<DropReminder>,
    private readonly members: MembersService,
    private readonly loyalty: LoyaltyService,
    private readonly orderReads: OrderReadsService,
    private readonly catalog: DropCatalog,
    private readonly stock: DropStock,
    private readonly ordersService: OrdersService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly brand: BrandSettings,
    private readonly loyaltyRules: LoyaltyRules,
  ) {}

  /** Drops open now or opening within a week, soonest first. */
  async list(memberId: number | null): Promise<DropListResponse> {
    const now = this.clock.now();
    const rows = await this.drops.find({
      where: {
        status: 'SCHEDULED',
        closesAt: MoreThan(now),
        opensAt: LessThan(new Date(now.getTime() + LIST_HORIZON_MS)),
      },
      order: { opensAt: 'ASC', id: 'ASC' },
      take: 10,
    });
    return { items: await this.views(rows, memberId, now) };
  }

  async get(dropId: number, memberId: number | null): Promise<DropView> {
    const drop = await this.drops.findOneBy({ id: dropId, status: 'SCHEDULED' });
    if (!drop) throw new DomainException('DROP_NOT_FOUND');
    const [view] = await this.views([drop], memberId, this.clock.now());
    return view;
  }

  /**
   * Buy at the drop price. Cheap refusals come first and touch no database: the window, the limit, and
   * "sold out" as this process last saw it. Then the order is written with the units reserved at its end.
   */
  async buy(memberId: number, dropId: number, request: CreateDropOrderDto): Promise<OrderView> {
    const { drop, items } = await this.catalog.require(dropId);
    const item = items.find((i) => i.id === request.dropItemId);
    if (!item) throw new DomainException('DROP_NOT_FOUND', '该商品不在本期团购中');
    const now = this.clock.now();
    if (now >= drop.closesAt) throw new DomainException('DROP_ENDED');
    const earliest = opensAtFor(drop, earliestTier(drop.earlyAccess), drop.earlyAccess);
    if (now < earliest) throw notOpen(drop.opensAt, this.brand.timeZone());
    if (request.quantity > item.perMemberLimit) {
      throw new DomainException('DROP_LIMIT_REACHED', `「${item.productName}」每人限购 ${item.perMemberLimit} 件`);
    }
    return this.stock.admit(item.id, () => this.buyAdmitted(memberId, drop, item, request, now));
  }

  private async buyAdmitted(
    memberId: number,
    drop: Drop,
    item: DropItem,
    request: CreateDropOrderDto,
    now: Date,
  ): Promise<OrderView> {
    const soldOut = await this.stock.soldOutSnapshot(item.id);
    if (soldOut) {
      // Only a member holding units can be retrying a request that won; everyone else is answered from memory.
      const clientKey = `${memberId}:${request.clientOrderId}`;
      const retried = soldOut.attempted.has(memberId) ? await this.orderReads.viewByClientKey(clientKey) : null;
      if (retried) return retried;
      throw new DomainException('DROP_SOLD_OUT', `「${item.productName}」已抢光`);
    }
    // No "does this order exist" read: a retried request collides with its order's unique key in place(), which
    // then answers the existing order.
    const [member, tier] = await Promise.all([this.members.findById(memberId), this.loyalty.tierOf(memberId)]);
    if (!member) throw new DomainException('UNAUTHENTICATED');
    if (!member.signedUpAt) throw new DomainException('NOT_SIGNED_UP', '成为会员后才能参加团购');
    if (dropPhase(drop, now, tier, drop.earlyAccess) === 'UPCOMING') {
      throw notOpen(opensAtFor(drop, tier, drop.earlyAccess), this.brand.timeZone());
    }
    await Promise.all([this.ordersService.checkFulfilment(request), this.stock.ensureHold(item.id, memberId)]);

    const payableFen = item.dropPriceFen * request.quantity;
    const saving = (item.listPriceFen - item.dropPriceFen) * request.quantity;
    try {
      const order = await this.ordersService.place(
        memberId,
        {
          clientOrderId: request.clientOrderId,
          fulfilment: request.fulfilment,
          address: request.address,
          pickupStoreId: request.pickupStoreId,
          remark: '',
          subtotalFen: item.listPriceFen * request.quantity,
          totalDiscountFen: saving,
          payableFen,
          discounts: saving > 0 ? [{ key: `drop:${drop.id}`, label: '团购价', amountFen: saving }] : [],
          // The drop price is the price: no member-day discount or coupon on top (docs/domain.md, drops).
          ruleVersions: { drop: drop.id },
          couponIds: [],
          pointsToAward: this.loyaltyRules.pointsForPurchase({
            paidFen: payableFen,
            tier,
            birthday: member.birthday,
            at: now,
          }).points,
          reservationSeconds: drop.reservationSeconds,
          dropId: drop.id,
          lines: [
            {
              skuId: item.skuId,
              productId: item.productId,
              productName: item.productName,
              specText: item.specText,
              imageUrl: item.imageUrl,
              unitPriceFen: item.listPriceFen,
              quantity: request.quantity,
              originalFen: item.listPriceFen * request.quantity,
              itemDiscountFen: saving,
              orderDiscountFen: 0,
              paidFen: payableFen,
              dropItemId: item.id,
            },
          ],
        },
        (manager) => this.stock.reserve(manager, item, memberId, request.quantity),
      );
      return this.ordersService.view(order);
    } catch (error) {
      // The last unit went to someone else: read the counters once so the next losers are answered from memory.
      if (error instanceof DomainException && error.code === 'DROP_SOLD_OUT') await this.stock.recheck(item.id);
      throw error;
    }
  }

  /** 我的团购订单, newest first. */
  async myOrders(memberId: number, query: PageQueryDto): Promise<Page<DropOrderSummaryView>> {
    const { rows, total } = await this.orderReads.dropOrdersPage(memberId, query.offset, query.pageSize);
    const dropIds = [...new Set(rows.map((r) => r.dropId as number))];
    const drops = dropIds.length ? await this.drops.findBy({ id: In(dropIds) }) : [];
    return toPage(
      rows.map((order) => {
        const own = order.lines;
        return {
          id: order.id,
          orderNo: order.orderNo,
          state: order.state,
          createdAt: order.createdAt.toISOString(),
          payableFen: order.payableFen,
          itemCount: own.reduce((n, l) => n + l.quantity, 0),
          firstImageUrl: own[0]?.imageUrl ?? '',
          title: own[0]?.productName ?? '',
          fulfilment: order.fulfilment,
          actions: orderMachine.allowedActions(order.state, 'MEMBER'),
          dropId: order.dropId as number,
          dropTitle: drops.find((d) => d.id === order.dropId)?.title ?? '',
        };
      }),
      total,
      query,
    );
  }

  private async views(drops: Drop[], memberId: number | null, now: Date): Promise<DropView[]> {
    if (drops.length === 0) return [];
    const items = await this.items.find({ where: { dropId: In(drops.map((d) => d.id)) }, order: { id: 'ASC' } });
    const member = memberId ? await this.members.findById(memberId) : null;
    const signedUp = Boolean(member?.signedUpAt);
    const tier: TierCode | null = signedUp ? await this.loyalty.tierOf(member!.id) : null;
    const held = signedUp
      ? await this.stock.heldBy(
          member!.id,
          items.map((i) => i.id),
        )
      : new Map<number, number>();
    const reminded = signedUp
      ? new Set(
          (await this.reminders.findBy({ memberId: member!.id, dropId: In(drops.map((d) => d.id)) })).map(
            (r) => r.dropId,
          ),
        )
      : new Set<number>();
    return drops.map((drop) => ({
      id: drop.id,
      title: drop.title,
      description: drop.description,
      recurrence: drop.recurrence,
      opensAt: drop.opensAt.toISOString(),
      closesAt: drop.closesAt.toISOString(),
      myOpensAt: opensAtFor(drop, tier, drop.earlyAccess).toISOString(),
      phase: dropPhase(drop, now, tier, drop.earlyAccess),
      earlyAccess: Object.entries(drop.earlyAccess)
        .filter(([, minutes]) => (minutes ?? 0) > 0)
        .map(([code, minutes]) => ({
          tier: code as TierCode,
          tierName: tierByCode(code as TierCode, this.brand.rules().tierTable).name,
          minutes: minutes ?? 0,
        })),
      serverTime: now.toISOString(),
      reservationSeconds: drop.reservationSeconds,
      reminded: reminded.has(drop.id),
      reminderTemplateId: this.config.drops.reminderTemplateId,
      items: items.filter((i) => i.dropId === drop.id).map((i) => itemView(i, held.get(i.id) ?? 0)),
    }));
  }
}

export function itemView(item: DropItem, myQuantity: number): DropItemView {
  const left = Math.max(0, item.cap - item.sold - item.reserved);
  return {
    id: item.id,
    skuId: item.skuId,
    productId: item.productId,
    productName: item.productName,
    specText: item.specText,
    imageUrl: item.imageUrl,
    listPriceFen: item.listPriceFen,
    dropPriceFen: item.dropPriceFen,
    cap: item.cap,
    perMemberLimit: item.perMemberLimit,
    left,
    soldOut: left === 0,
    reserved: item.reserved,
    myQuantity,
  };
}

/** The tier with the most priority purchase: nobody can buy before its opening. */
function earliestTier(earlyAccess: EarlyAccess): TierCode | null {
  let best: TierCode | null = null;
  for (const [code, minutes] of Object.entries(earlyAccess)) {
    if ((minutes ?? 0) > (best ? (earlyAccess[best] ?? 0) : 0)) best = code as TierCode;
  }
  return best;
}

function notOpen(opensAt: Date, timeZone: string): DomainException {
  const local = new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(opensAt);
  return new DomainException('DROP_NOT_OPEN', `团购将于 ${local} 开始`, [
    { field: 'opensAt', reason: opensAt.toISOString() },
  ]);
}
