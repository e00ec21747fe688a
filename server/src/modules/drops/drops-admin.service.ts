import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  currentOrNextWindow,
  DEFAULT_DROP_SCHEDULE,
  DEFAULT_EARLY_ACCESS,
  type DropAdminView,
  type DropSkuOption,
  dropStateAt,
  type EarlyAccess,
  firstOpeningOf,
  invalidWeeklySlot,
  type Page,
  scheduleOfSlot,
  upcomingWindows,
  type WeeklyDropSchedule,
} from '@tidepool/shared';
import { LessThanOrEqual, type Repository } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { PageQueryDto, toPage } from '../../common/http/pagination.dto';
import { AuditLog } from '../audit';
import { BrandSettings } from '../brand';
import { CatalogAdminService, SkusService } from '../catalog';
import { JobScheduler } from '../jobs';
import { specText } from '../orders';
import { DropCatalog } from './drop-catalog.service';
import { DropItem } from './drop-item.entity';
import { DropReminder } from './drop-reminder.entity';
import { Drop } from './drop.entity';
import { itemView } from './drops.service';
import {
  type AdminDropListQueryDto,
  type CreateDropDto,
  type DropSkuOptionsQueryDto,
  invalidEarlyAccess,
} from './dto/drops.requests';

const DEFAULT_RESERVATION_SECONDS = 300;
const MAX_ONCE_WINDOW_MS = 7 * 86_400_000;
/** How many of a weekly drop's later windows the console previews. */
const NEXT_OPENINGS = 4;

/** Operators schedule drops; a weekly drop's next week is made by the roll job when a week closes. */
@Injectable()
export class DropsAdminService implements OnModuleInit {
  private readonly logger = new Logger(DropsAdminService.name);

  constructor(
    @InjectRepository(Drop) private readonly drops: Repository<Drop>,
    @InjectRepository(DropItem) private readonly items: Repository<DropItem>,
    @InjectRepository(DropReminder) private readonly reminders: Repository<DropReminder>,
    private readonly skus: SkusService,
    private readonly catalogAdmin: CatalogAdminService,
    private readonly catalog: DropCatalog,
    private readonly audit: AuditLog,
    private readonly brand: BrandSettings,
    private readonly transactions: Transactions,
    private readonly scheduler: JobScheduler,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'drops-roll-weekly',
      periodOf: (now) => String(Math.floor(now.getTime() / 600_000)),
      work: async (now) => ({ scheduled: await this.rollWeekly(now) }),
    });
  }

  async create(request: CreateDropDto, actor: Principal): Promise<DropAdminView> {
    const now = this.clock.now();
    const earlyAccess: EarlyAccess = request.earlyAccess ?? DEFAULT_EARLY_ACCESS;
    const earlyProblem = invalidEarlyAccess(earlyAccess);
    if (earlyProblem) throw invalid('earlyAccess', earlyProblem, '优先购设置有误');
    let opensAt: Date;
    let closesAt: Date;
    let weeklySlot: Drop['weeklySlot'] = null;
    if (request.recurrence === 'WEEKLY') {
      if (request.weekly) {
        const problem = invalidWeeklySlot(request.weekly);
        if (problem) throw invalid(`weekly.${problem.field}`, problem.reason, '每周时间设置有误');
        const { weekday, startMinute, durationMinutes } = request.weekly;
        weeklySlot = { weekday, startMinute, durationMinutes, timeZone: this.brand.timeZone() };
      }
      // The first window nobody may buy in yet: a drop scheduled mid-window would open already half sold.
      [{ opensAt, closesAt }] = upcomingWindows(scheduleOf(weeklySlot), now, 1, earlyAccess);
    } else {
      if (!request.opensAt) throw invalid('opensAt', 'required for ONCE', '请填写开始时间');
      if (!request.closesAt) throw invalid('closesAt', 'required for ONCE', '请填写结束时间');
      opensAt = new Date(request.opensAt);
      closesAt = new Date(request.closesAt);
      if (closesAt <= opensAt) throw invalid('closesAt', 'must be after opensAt', '结束时间须晚于开始时间');
      // The general opening, not the earliest tier's: an operator may deliberately let gold members in already.
      if (opensAt <= now) throw invalid('opensAt', 'must be in the future', '开始时间须晚于当前时间');
      if (closesAt.getTime() - opensAt.getTime() > MAX_ONCE_WINDOW_MS) {
        throw invalid('closesAt', 'a drop lasts at most 7 days', '团购最长 7 天');
      }
    }
    const skuIds = request.items.map((i) => i.skuId);
    if (new Set(skuIds).size !== skuIds.length) throw invalid('items', 'duplicate skuId', '同一商品规格只能添加一次');
    const skus = await this.skus.withProducts(skuIds);
    const rows = request.items.map((input, index) => {
      const sku = skus.get(input.skuId);
      const product = sku?.product;
      if (!sku || !product) throw invalid(`items[${index}].skuId`, 'unknown sku', '商品规格不存在');
      if (input.dropPriceFen >= sku.priceFen) {
        throw invalid(`items[${index}].dropPriceFen`, 'must be below the list price', '团购价须低于原价');
      }
      if (input.perMemberLimit > input.cap) {
        throw invalid(`items[${index}].perMemberLimit`, 'above the cap', '每人限购不能超过团购数量');
      }
      return {
        skuId: sku.id,
        productId: product.id,
        productName: product.name,
        specText: specText(sku.specs),
        imageUrl: product.coverUrl,
        listPriceFen: sku.priceFen,
        dropPriceFen: input.dropPriceFen,
        cap: input.cap,
        perMemberLimit: input.perMemberLimit,
        sold: 0,
        reserved: 0,
      };
    });
    const drop = await this.transactions.run(async (manager) => {
      const saved = await manager.getRepository(Drop).save(
        manager.getRepository(Drop).create({
          title: request.title,
          description: request.description ?? '',
          recurrence: request.recurrence,
          status: 'SCHEDULED',
          opensAt,
          closesAt,
          firstOpensAt: firstOpeningOf(opensAt, earlyAccess),
          weeklySlot,
          earlyAccess,
          reservationSeconds: request.reservationSeconds ?? DEFAULT_RESERVATION_SECONDS,
          previousDropId: null,
          createdAt: now,
        }),
      );
      await manager.getRepository(DropItem).insert(rows.map((row) => ({ ...row, dropId: saved.id })));
      await this.audit.record({
        actor,
        action: 'drop.create',
        objectType: 'drop',
        objectId: saved.id,
        after: {
          title: saved.title,
          recurrence: saved.recurrence,
          opensAt: opensAt.toISOString(),
          closesAt: closesAt.toISOString(),
          earlyAccess,
          items: rows.map((r) => `${r.skuId}×${r.cap}@${r.dropPriceFen}`).join(', '),
        },
      });
      return saved;
    });
    this.logger.log({ msg: 'drop scheduled', dropId: drop.id, opensAt: drop.opensAt.toISOString() });
    return this.get(drop.id);
  }

  /** Latest opening first; the state filter is the same rule as `dropStateAt`, spelled in SQL. */
  async list(query: AdminDropListQueryDto): Promise<Page<DropAdminView>> {
    const now = this.clock.now();
    const qb = this.drops.createQueryBuilder('d');
    const firstOpens = 'COALESCE(d.firstOpensAt, d.opensAt)';
    switch (query.state) {
      case undefined:
        break;
      case 'CANCELLED':
        qb.andWhere("d.status = 'CANCELLED'");
        break;
      case 'ENDED':
        qb.andWhere("d.status = 'SCHEDULED' AND d.closesAt <= :now", { now });
        break;
      case 'OPEN':
        qb.andWhere(`d.status = 'SCHEDULED' AND ${firstOpens} <= :now AND d.closesAt > :now`, { now });
        break;
      case 'UPCOMING':
        qb.andWhere(`d.status = 'SCHEDULED' AND ${firstOpens} > :now`, { now });
        break;
    }
    if (query.from) qb.andWhere('d.opensAt >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('d.opensAt < :to', { to: new Date(query.to) });
    if (query.keyword) {
      qb.andWhere("d.title LIKE :kw ESCAPE '!'", { kw: `%${query.keyword.replace(/[!%_]/g, (ch) => `!${ch}`)}%` });
    }
    const [rows, total] = await qb
      .orderBy('d.opensAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    return toPage(await Promise.all(rows.map((d) => this.view(d, now))), total, query);
  }

  /** SKUs for the drop form: the catalogue's own product search (name or subtitle), each SKU a row. */
  async skuOptions(query: DropSkuOptionsQueryDto): Promise<DropSkuOption[]> {
    const page = await this.catalogAdmin.listProducts(
      Object.assign(new PageQueryDto(), { page: 1, pageSize: 10, status: undefined, keyword: query.keyword }),
    );
    const products = await Promise.all(page.items.map((p) => this.catalogAdmin.getProduct(p.id)));
    return products.flatMap((product) =>
      product.skus.map((sku) => ({
        skuId: sku.id,
        productId: product.id,
        productName: product.name,
        specText: specText(sku.specs),
        priceFen: sku.priceFen,
        stock: sku.stock,
        status: product.status,
      })),
    );
  }

  async get(dropId: number): Promise<DropAdminView> {
    const drop = await this.drops.findOneBy({ id: dropId });
    if (!drop) throw new DomainException('DROP_NOT_FOUND');
    return this.view(drop);
  }

  /**
   * Only before anyone can buy (priority purchase included); a weekly drop's series stops with it. Cancelling a
   * cancelled drop answers it again, unrecorded, so a double click is harmless.
   */
  async cancel(dropId: number, actor: Principal): Promise<DropAdminView> {
    const drop = await this.drops.findOneBy({ id: dropId });
    if (!drop) throw new DomainException('DROP_NOT_FOUND');
    if (drop.status === 'SCHEDULED') {
      const firstOpening = firstOpeningOf(drop.opensAt, drop.earlyAccess);
      const now = this.clock.now();
      if (now >= firstOpening) {
        throw new DomainException('DROP_NOT_CANCELLABLE', '团购已开始（含会员优先购），不能取消');
      }
      await this.transactions.run(async (manager) => {
        const changed = affectedRows(
          await manager.update(Drop, { id: dropId, status: 'SCHEDULED' }, { status: 'CANCELLED' }),
        );
        if (changed !== 1) return; // a concurrent cancel won and recorded it
        await this.audit.record({
          actor,
          action: 'drop.cancel',
          objectType: 'drop',
          objectId: dropId,
          before: { status: 'SCHEDULED' },
          after: { status: 'CANCELLED' },
        });
      });
      this.catalog.forget(dropId);
    }
    return this.get(dropId);
  }

  /** Each closed weekly drop gets next week's successor with the same items; safe to run on every replica. */
  async rollWeekly(now: Date = this.clock.now()): Promise<number> {
    const closed = await this.drops.find({
      where: { recurrence: 'WEEKLY', status: 'SCHEDULED', closesAt: LessThanOrEqual(now) },
      order: { closesAt: 'DESC' },
      take: 50,
    });
    let scheduled = 0;
    for (const previous of closed) {
      if (await this.drops.existsBy({ previousDropId: previous.id })) continue;
      const { opensAt, closesAt } = currentOrNextWindow(scheduleOf(previous.weeklySlot), previous.closesAt);
      const items = await this.items.findBy({ dropId: previous.id });
      try {
        await this.transactions.run(async (manager) => {
          const next = await manager.getRepository(Drop).save(
            manager.getRepository(Drop).create({
              ...previous,
              id: undefined,
              opensAt,
              closesAt,
              firstOpensAt: firstOpeningOf(opensAt, previous.earlyAccess),
              previousDropId: previous.id,
              createdAt: now,
            }),
          );
          await manager
            .getRepository(DropItem)
            .insert(items.map(({ id: _id, ...item }) => ({ ...item, dropId: next.id, sold: 0, reserved: 0 })));
        });
        scheduled++;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // another replica rolled it
      }
    }
    return scheduled;
  }

  private async view(drop: Drop, now: Date = this.clock.now()): Promise<DropAdminView> {
    const [items, reminders, remindersSent] = await Promise.all([
      this.items.find({ where: { dropId: drop.id }, order: { id: 'ASC' } }),
      this.reminders.countBy({ dropId: drop.id }),
      this.reminders.countBy({ dropId: drop.id, state: 'SENT' }),
    ]);
    return {
      id: drop.id,
      title: drop.title,
      description: drop.description,
      recurrence: drop.recurrence,
      status: drop.status,
      state: dropStateAt({ ...drop, cancelled: drop.status === 'CANCELLED' }, now),
      opensAt: drop.opensAt.toISOString(),
      closesAt: drop.closesAt.toISOString(),
      firstOpensAt: firstOpeningOf(drop.opensAt, drop.earlyAccess).toISOString(),
      weekly: drop.weeklySlot,
      nextOpenings:
        drop.recurrence === 'WEEKLY' && drop.status === 'SCHEDULED'
          ? upcomingWindows(scheduleOf(drop.weeklySlot), drop.closesAt, NEXT_OPENINGS).map((w) =>
              w.opensAt.toISOString(),
            )
          : [],
      serverTime: now.toISOString(),
      earlyAccess: drop.earlyAccess,
      reservationSeconds: drop.reservationSeconds,
      reminders,
      remindersSent,
      items: items.map((item) => ({ ...itemView(item, 0), sold: item.sold, reserved: item.reserved })),
    };
  }
}

/** A weekly drop's own slot, or the brand's default window for drops made before slots existed. */
function scheduleOf(slot: Drop['weeklySlot']): WeeklyDropSchedule {
  return slot ? scheduleOfSlot(slot, slot.timeZone) : DEFAULT_DROP_SCHEDULE;
}

function invalid(field: string, reason: string, message: string): DomainException {
  return new DomainException('VALIDATION_FAILED', message, [{ field, reason }]);
}
