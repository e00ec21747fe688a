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
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { type PageQueryDto, toPage } from '../../common/http/pagination.dto';
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

  async adminList(query: PageQueryDto): Promise<Page<AdminGiftView>> {
    const [rows, total] = await this.gifts.findAndCount({
      order: { sort: 'ASC', id: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(await this.adminViews(rows), total, query);
  }

  async create(request: CreateGiftRequest): Promise<AdminGiftView> {
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
      return Number((result.identifiers[0] as { id: number }).id);
    });
    return this.adminView(id);
  }

  /** Edits what a gift is; stock is not overwritten here (see adjustStock). */
  async update(id: number, request: UpdateGiftRequest): Promise<AdminGiftView> {
    const now = this.clock.now();
    const changed = await this.transactions.run(async (manager) =>
      affectedRows(
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
        ),
      ),
    );
    if (changed !== 1) throw new DomainException('GIFT_NOT_FOUND');
    return this.adminView(id);
  }

  /**
   * Adds or removes units relative to whatever the stock is at that instant, so an operator's restock never
   * overwrites units members redeemed meanwhile. Removing more than is left changes nothing.
   */
  async adjustStock(id: number, delta: number): Promise<AdminGiftView> {
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
      return affectedRows(result);
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
