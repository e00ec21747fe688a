import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type {
  AdminGiftView,
  CreateGiftRequest,
  GiftDetail,
  GiftSummary,
  Page,
  UpdateGiftRequest,
} from '@tidepool/shared';
import { type EntityManager, In, type Repository } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { type PageQueryDto, toPage } from '../../common/http/pagination.dto';
import { AuditLog } from '../audit';
import type { AdminGiftListQueryDto } from './dto/points-mall.requests';
import { GiftRedemption } from './gift-redemption.entity';
import { Gift } from './gift.entity';

/**
 * The gift catalogue of the points mall: what members browse, what operators create and edit, and the two stock
 * moves a redemption makes (take one, give it back), each a conditional UPDATE inside the caller's transaction.
 */
@Injectable()
export class GiftsService {
  constructor(
    @InjectRepository(Gift) private readonly gifts: Repository<Gift>,
    @InjectRepository(GiftRedemption) private readonly redemptions: Repository<GiftRedemption>,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async listActive(query: PageQueryDto): Promise<Page<GiftSummary>> {
    const [rows, total] = await this.gifts.findAndCount({
      where: { active: true },
      order: { sort: 'ASC', id: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(rows.map(toSummary), total, query);
  }

  async detail(id: number): Promise<GiftDetail> {
    return toDetail(await this.requireActive(id));
  }

  /** An active gift, or GIFT_NOT_FOUND (an inactive gift is as good as gone to a member). */
  async requireActive(id: number): Promise<Gift> {
    const gift = await this.gifts.findOneBy({ id, active: true });
    if (!gift) throw new DomainException('GIFT_NOT_FOUND');
    return gift;
  }

  /** Takes one unit if there is one; false when out of stock. */
  async takeOne(manager: EntityManager, giftId: number, now: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Gift)
      .set({ stock: () => 'stock - 1', updatedAt: now })
      .where('id = :giftId AND stock >= 1', { giftId })
      .execute();
    return affectedRows(result) === 1;
  }

  async giveBack(manager: EntityManager, giftId: number, now: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Gift)
      .set({ stock: () => 'stock + 1', updatedAt: now })
      .where('id = :giftId', { giftId })
      .execute();
  }

  // Operators

  async adminList(query: AdminGiftListQueryDto): Promise<Page<AdminGiftView>> {
    const qb = this.gifts.createQueryBuilder('g');
    if (query.active !== undefined) qb.andWhere('g.active = :active', { active: query.active });
    if (query.keyword) {
      qb.andWhere("g.name LIKE :kw ESCAPE '!'", { kw: `%${query.keyword.replace(/[!%_]/g, (ch) => `!${ch}`)}%` });
    }
    const [rows, total] = await qb
      .orderBy('g.sort', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    return toPage(await this.adminViews(rows), total, query);
  }

  async adminGet(id: number): Promise<AdminGiftView> {
    return this.adminView(id);
  }

  async create(request: CreateGiftRequest, actor: Principal): Promise<AdminGiftView> {
    const now = this.clock.now();
    const id = await this.transactions.run(async (manager) => {
      const result = await manager.insert(Gift, {
        name: request.name,
        description: request.description,
        imageUrl: request.imageUrl,
        pointsPrice: request.pointsPrice,
        stock: request.stock,
        fulfilments: request.fulfilments,
        active: request.active,
        sort: request.sort ?? 0,
        createdAt: now,
        updatedAt: now,
      });
      const giftId = Number((result.identifiers[0] as { id: number }).id);
      await this.audit.record({
        actor,
        action: 'gift.create',
        objectType: 'gift',
        objectId: giftId,
        after: { ...editable(request), stock: request.stock },
      });
      return giftId;
    });
    return this.adminView(id);
  }

  /** Edits what a gift is; stock is not overwritten here (see adjustStock). */
  async update(id: number, request: UpdateGiftRequest, actor: Principal): Promise<AdminGiftView> {
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      const before = await manager.findOneBy(Gift, { id });
      if (!before) throw new DomainException('GIFT_NOT_FOUND');
      await manager.update(
        Gift,
        { id },
        {
          name: request.name,
          description: request.description,
          imageUrl: request.imageUrl,
          pointsPrice: request.pointsPrice,
          fulfilments: request.fulfilments,
          active: request.active,
          ...(request.sort === undefined ? {} : { sort: request.sort }),
          updatedAt: now,
        },
      );
      const after = { ...editable(request), sort: request.sort ?? before.sort };
      await this.audit.record({
        actor,
        action: 'gift.update',
        objectType: 'gift',
        objectId: id,
        ...changedOnly({ ...editable(before), sort: before.sort }, after),
      });
    });
    return this.adminView(id);
  }

  /**
   * Adds or removes units relative to whatever the stock is at that instant, so an operator's restock never
   * overwrites units members redeemed meanwhile. Removing more than is left changes nothing.
   */
  async adjustStock(id: number, delta: number, actor: Principal): Promise<AdminGiftView> {
    const now = this.clock.now();
    // Spelled as `+ n` or `- n WHERE stock >= n`: on MySQL an UNSIGNED column plus a negative number is an
    // out-of-range error, not a negative value a WHERE could compare.
    const units = Math.abs(delta);
    const changed = await this.transactions.run(async (manager) => {
      const update = manager.createQueryBuilder().update(Gift);
      const result =
        delta >= 0
          ? await update
              .set({ stock: () => 'stock + :units', updatedAt: now })
              .where('id = :id', { id, units })
              .execute()
          : await update
              .set({ stock: () => 'stock - :units', updatedAt: now })
              .where('id = :id AND stock >= :units', { id, units })
              .execute();
      if (affectedRows(result) !== 1) return 0;
      // Read back inside the unit of work: the row is locked by the UPDATE, so this is the stock it left.
      const after = await manager.findOneByOrFail(Gift, { id });
      await this.audit.record({
        actor,
        action: 'gift.stock_adjust',
        objectType: 'gift',
        objectId: id,
        before: { stock: after.stock - delta },
        after: { stock: after.stock, delta },
      });
      return 1;
    });
    if (changed !== 1) {
      const gift = await this.gifts.findOneBy({ id });
      if (!gift) throw new DomainException('GIFT_NOT_FOUND');
      throw new DomainException('GIFT_OUT_OF_STOCK', `库存不足：剩余 ${gift.stock} 件，不能减少 ${-delta} 件`);
    }
    return this.adminView(id);
  }

  private async adminView(id: number): Promise<AdminGiftView> {
    const gift = await this.gifts.findOneBy({ id });
    if (!gift) throw new DomainException('GIFT_NOT_FOUND');
    const [view] = await this.adminViews([gift]);
    return view;
  }

  private async adminViews(rows: Gift[]): Promise<AdminGiftView[]> {
    const ids = rows.map((g) => g.id);
    const counts = ids.length
      ? await this.redemptions
          .createQueryBuilder('r')
          .select('r.giftId', 'giftId')
          .addSelect('COUNT(*)', 'redeemed')
          .where({ giftId: In(ids), status: 'COMPLETED' })
          .groupBy('r.giftId')
          .getRawMany<{ giftId: number | string; redeemed: number | string }>()
      : [];
    const redeemed = new Map(counts.map((c) => [Number(c.giftId), Number(c.redeemed)]));
    return rows.map((gift) => ({
      ...toDetail(gift),
      active: gift.active,
      sort: gift.sort,
      redeemed: redeemed.get(gift.id) ?? 0,
      createdAt: gift.createdAt.toISOString(),
      updatedAt: gift.updatedAt.toISOString(),
    }));
  }
}

/** The fields an operator edits, as the audit trail records them. */
function editable(gift: UpdateGiftRequest): Omit<UpdateGiftRequest, 'sort'> {
  return {
    name: gift.name,
    description: gift.description,
    imageUrl: gift.imageUrl,
    pointsPrice: gift.pointsPrice,
    fulfilments: [...gift.fulfilments],
    active: gift.active,
  };
}

/** Only the fields that changed, so the trail reads "积分 100 → 120" rather than the whole gift twice. */
function changedOnly(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}

function toSummary(gift: Gift): GiftSummary {
  return {
    id: gift.id,
    name: gift.name,
    imageUrl: gift.imageUrl,
    pointsPrice: gift.pointsPrice,
    stock: gift.stock,
    fulfilments: gift.fulfilments,
  };
}

function toDetail(gift: Gift): GiftDetail {
  return { ...toSummary(gift), description: gift.description };
}
