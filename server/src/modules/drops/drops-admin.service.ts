import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  currentOrNextWindow,
  DEFAULT_DROP_SCHEDULE,
  DEFAULT_EARLY_ACCESS,
  type DropAdminView,
  type EarlyAccess,
  type Page,
} from '@tidepool/shared';
import { LessThanOrEqual, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { Transactions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { type PageQueryDto, toPage } from '../../common/http/pagination.dto';
import { SkusService } from '../catalog';
import { JobScheduler } from '../jobs';
import { specText } from '../orders';
import { DropCatalog } from './drop-catalog.service';
import { DropItem } from './drop-item.entity';
import { DropReminder } from './drop-reminder.entity';
import { Drop } from './drop.entity';
import { itemView } from './drops.service';
import { type CreateDropDto, invalidEarlyAccess } from './dto/drops.requests';

const DEFAULT_RESERVATION_SECONDS = 300;
const MAX_ONCE_WINDOW_MS = 7 * 86_400_000;

/** Operators schedule drops; a weekly drop's next week is made by the roll job when a week closes. */
@Injectable()
export class DropsAdminService implements OnModuleInit {
  private readonly logger = new Logger(DropsAdminService.name);

  constructor(
    @InjectRepository(Drop) private readonly drops: Repository<Drop>,
    @InjectRepository(DropItem) private readonly items: Repository<DropItem>,
    @InjectRepository(DropReminder) private readonly reminders: Repository<DropReminder>,
    private readonly skus: SkusService,
    private readonly catalog: DropCatalog,
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

  async create(request: CreateDropDto): Promise<DropAdminView> {
    const now = this.clock.now();
    const earlyAccess: EarlyAccess = request.earlyAccess ?? DEFAULT_EARLY_ACCESS;
    const earlyProblem = invalidEarlyAccess(earlyAccess);
    if (earlyProblem) throw invalid('earlyAccess', earlyProblem, '优先购设置有误');
    let opensAt: Date;
    let closesAt: Date;
    if (request.recurrence === 'WEEKLY') {
      ({ opensAt, closesAt } = currentOrNextWindow(DEFAULT_DROP_SCHEDULE, now));
    } else {
      if (!request.opensAt || !request.closesAt) throw invalid('opensAt', 'required for ONCE', '请填写开始和结束时间');
      opensAt = new Date(request.opensAt);
      closesAt = new Date(request.closesAt);
      if (closesAt <= opensAt) throw invalid('closesAt', 'must be after opensAt', '结束时间须晚于开始时间');
      if (closesAt <= now) throw invalid('closesAt', 'must be in the future', '结束时间须晚于当前时间');
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
      if (input.dropPriceFen > sku.priceFen) {
        throw invalid(`items[${index}].dropPriceFen`, 'above the list price', '团购价不能高于原价');
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
          earlyAccess,
          reservationSeconds: request.reservationSeconds ?? DEFAULT_RESERVATION_SECONDS,
          previousDropId: null,
          createdAt: now,
        }),
      );
      await manager.getRepository(DropItem).insert(rows.map((row) => ({ ...row, dropId: saved.id })));
      return saved;
    });
    this.logger.log({ msg: 'drop scheduled', dropId: drop.id, opensAt: drop.opensAt.toISOString() });
    return this.get(drop.id);
  }

  async list(query: PageQueryDto): Promise<Page<DropAdminView>> {
    const [rows, total] = await this.drops.findAndCount({
      order: { opensAt: 'DESC', id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(await Promise.all(rows.map((d) => this.view(d))), total, query);
  }

  async get(dropId: number): Promise<DropAdminView> {
    const drop = await this.drops.findOneBy({ id: dropId });
    if (!drop) throw new DomainException('DROP_NOT_FOUND');
    return this.view(drop);
  }

  /** Only before anyone can buy (priority purchase included); a weekly drop's series stops with it. */
  async cancel(dropId: number): Promise<DropAdminView> {
    const drop = await this.drops.findOneBy({ id: dropId });
    if (!drop) throw new DomainException('DROP_NOT_FOUND');
    const maxEarly = Math.max(0, ...Object.values(drop.earlyAccess).map((m) => m ?? 0));
    const firstOpening = new Date(drop.opensAt.getTime() - maxEarly * 60_000);
    if (drop.status === 'SCHEDULED') {
      if (this.clock.now() >= firstOpening) throw new DomainException('DROP_NOT_CANCELLABLE');
      await this.drops.update({ id: dropId, status: 'SCHEDULED' }, { status: 'CANCELLED' });
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
      const { opensAt, closesAt } = currentOrNextWindow(DEFAULT_DROP_SCHEDULE, previous.closesAt);
      const items = await this.items.findBy({ dropId: previous.id });
      try {
        await this.transactions.run(async (manager) => {
          const next = await manager.getRepository(Drop).save(
            manager.getRepository(Drop).create({
              ...previous,
              id: undefined,
              opensAt,
              closesAt,
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

  private async view(drop: Drop): Promise<DropAdminView> {
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
      opensAt: drop.opensAt.toISOString(),
      closesAt: drop.closesAt.toISOString(),
      earlyAccess: drop.earlyAccess,
      reservationSeconds: drop.reservationSeconds,
      reminders,
      remindersSent,
      items: items.map((item) => ({ ...itemView(item, 0), sold: item.sold, reserved: item.reserved })),
    };
  }
}

function invalid(field: string, reason: string, message: string): DomainException {
  return new DomainException('VALIDATION_FAILED', message, [{ field, reason }]);
}
