import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CART_MAX_LINES,
  CART_MAX_QUANTITY,
  cartLineAvailability,
  type CartLineDto,
  type CartMergeItem,
  type CartMergeResponse,
  type CartMergeSkipReason,
  type CartView,
  fen,
  summarizeCart,
} from '@tidepool/shared';
import { type EntityManager, In, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { type ProductView, type SkuView, SkusService } from '../catalog';
import { CartItem } from './cart-item.entity';
import { addToLine, setLine } from './cart-lines';
import { CartMerge } from './cart-merge.entity';

/**
 * A member's server-side cart. Lines are keyed by (memberId, skuId) and written only by insert-or-update on that
 * key (cart-lines.ts). The cart does not hold stock: the checks against stock here are advice to the shopper,
 * and checkout reserves stock with its own conditional UPDATE.
 */
@Injectable()
export class CartService {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @InjectRepository(CartItem) private readonly items: Repository<CartItem>,
    @InjectRepository(CartMerge) private readonly merges: Repository<CartMerge>,
    private readonly skus: SkusService,
  ) {}

  /** The lines with each SKU's current product data, price and availability; newest line first. */
  async view(memberId: number): Promise<CartView> {
    const rows = await this.items.find({ where: { memberId }, order: { id: 'DESC' } });
    const skus = await this.skus.withProducts(rows.map((row) => row.skuId));
    const lines = rows.flatMap((row) => {
      const sku = skus.get(row.skuId);
      return sku ? [toLine(row, sku, sku.product)] : [];
    });
    return { lines, ...summarizeCart(lines) };
  }

  /** 加入购物车: adds units to the SKU's line (creating it); refuses what the shelf or the stock cannot give. */
  async add(memberId: number, skuId: number, quantity: number): Promise<CartView> {
    const sku = await this.buyableSku(skuId);
    await this.transactions.run(async (manager) => {
      const existing = await manager.findOneBy(CartItem, { memberId, skuId });
      const current = existing?.quantity ?? 0;
      if (current >= CART_MAX_QUANTITY) throw new DomainException('CART_LINE_LIMIT');
      if (current + quantity > sku.stock) throw exceedsStock(sku.stock);
      if (!existing) await assertRoom(manager, memberId);
      await addToLine(manager, {
        memberId,
        skuId,
        quantity,
        cap: Math.min(CART_MAX_QUANTITY, sku.stock),
        now: this.clock.now(),
      });
    });
    return this.view(memberId);
  }

  /** Sets a line's quantity (0 removes it), creating the line when missing. Lowering is always allowed. */
  async put(memberId: number, skuId: number, quantity: number, selected?: boolean): Promise<CartView> {
    if (quantity === 0) return this.remove(memberId, [skuId]);
    const sku = await this.requireSku(skuId);
    if (sku.product.status !== 'ON_SALE') throw new DomainException('PRODUCT_OFF_SHELF');
    await this.transactions.run(async (manager) => {
      const existing = await manager.findOneBy(CartItem, { memberId, skuId });
      if (!existing && sku.stock <= 0) throw new DomainException('CART_OUT_OF_STOCK');
      if (quantity > sku.stock && quantity > (existing?.quantity ?? 0)) throw exceedsStock(sku.stock);
      if (!existing) await assertRoom(manager, memberId);
      await setLine(manager, { memberId, skuId, quantity, selected, now: this.clock.now() });
    });
    return this.view(memberId);
  }

  /** Removes lines; SKUs not in the cart are ignored (a repeated delete is fine). */
  async remove(memberId: number, skuIds: number[]): Promise<CartView> {
    await this.transactions.run((manager) => this.removeLines(manager, memberId, skuIds));
    return this.view(memberId);
  }

  /** Removes whole lines inside the caller's transaction. */
  async removeLines(manager: EntityManager, memberId: number, skuIds: number[]): Promise<void> {
    if (skuIds.length === 0) return;
    await manager.delete(CartItem, { memberId, skuId: In([...new Set(skuIds)]) });
  }

  /**
   * Checkout takes the ordered units out of the cart inside the order's transaction: a line of 3 with 2 ordered
   * keeps 1, a line ordered in full goes. Each is one conditional statement on (memberId, skuId), so a cart
   * changed meanwhile on another device never goes below zero. Units ordered without a cart line are ignored.
   */
  async takeOrdered(manager: EntityManager, memberId: number, lines: { skuId: number; quantity: number }[]) {
    const now = this.clock.now();
    for (const { skuId, quantity } of lines) {
      const kept = await manager
        .createQueryBuilder()
        .update(CartItem)
        .set({ quantity: () => `quantity - ${Math.floor(quantity)}`, updatedAt: now })
        .where('memberId = :memberId AND skuId = :skuId AND quantity > :quantity', { memberId, skuId, quantity })
        .execute();
      if (affectedRows(kept) === 0) {
        await manager
          .createQueryBuilder()
          .delete()
          .from(CartItem)
          .where('memberId = :memberId AND skuId = :skuId AND quantity <= :quantity', { memberId, skuId, quantity })
          .execute();
      }
    }
  }

  /** Ticks or unticks lines (全选 sends every line). SKUs not in the cart are ignored. */
  async select(memberId: number, skuIds: number[], selected: boolean): Promise<CartView> {
    await this.transactions.run((manager) =>
      manager.update(
        CartItem,
        { memberId, skuId: In([...new Set(skuIds)]) },
        { selected, updatedAt: this.clock.now() },
      ),
    );
    return this.view(memberId);
  }

  /**
   * The guest cart at login. Each SKU's units add to the member's line, capped at CART_MAX_QUANTITY and at the
   * stock (a line already above that is left as it is); unknown, off-shelf and sold-out SKUs are skipped and
   * named. The (memberId, mergeId) row is written in the same transaction, so a retry finds it and changes
   * nothing, even when the two requests race.
   */
  async merge(memberId: number, mergeId: string, items: CartMergeItem[]): Promise<CartMergeResponse> {
    const wanted = normaliseItems(items);
    const itemsHash = createHash('sha256').update(JSON.stringify(wanted)).digest('hex');
    let skipped: CartMergeResponse['skipped'];
    try {
      skipped = await this.transactions.run(async (manager) => {
        const now = this.clock.now();
        await manager.insert(CartMerge, { memberId, mergeId, itemsHash, createdAt: now });
        return this.mergeLines(manager, memberId, wanted, now);
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const earlier = await this.merges.findOneBy({ memberId, mergeId });
      if (!earlier) throw error;
      if (earlier.itemsHash !== itemsHash) throw new DomainException('CART_MERGE_CONFLICT');
      return { ...(await this.view(memberId)), alreadyMerged: true, skipped: [] };
    }
    return { ...(await this.view(memberId)), alreadyMerged: false, skipped };
  }

  private async mergeLines(
    manager: EntityManager,
    memberId: number,
    wanted: CartMergeItem[],
    now: Date,
  ): Promise<CartMergeResponse['skipped']> {
    const skuIds = wanted.map((item) => item.skuId);
    const skus = await this.skus.withProducts(skuIds, manager);
    const existing = await manager.find(CartItem, { where: { memberId }, select: { skuId: true } });
    const inCart = new Set(existing.map((line) => line.skuId));
    let lineCount = inCart.size;
    const skipped: { skuId: number; reason: CartMergeSkipReason }[] = [];
    for (const { skuId, quantity } of wanted) {
      const sku = skus.get(skuId);
      const reason: CartMergeSkipReason | null = !sku
        ? 'NOT_FOUND'
        : sku.product.status !== 'ON_SALE'
          ? 'OFF_SHELF'
          : sku.stock <= 0
            ? 'OUT_OF_STOCK'
            : !inCart.has(skuId) && lineCount >= CART_MAX_LINES
              ? 'CART_FULL'
              : null;
      if (reason || !sku) {
        skipped.push({ skuId, reason: reason ?? 'NOT_FOUND' });
        continue;
      }
      if (!inCart.has(skuId)) lineCount += 1;
      await addToLine(manager, { memberId, skuId, quantity, cap: Math.min(CART_MAX_QUANTITY, sku.stock), now });
    }
    return skipped;
  }

  private async requireSku(skuId: number): Promise<SkuView> {
    const sku = (await this.skus.withProducts([skuId])).get(skuId);
    if (!sku) throw new DomainException('SKU_NOT_FOUND');
    return sku;
  }

  private async buyableSku(skuId: number): Promise<SkuView> {
    const sku = await this.requireSku(skuId);
    if (sku.product.status !== 'ON_SALE') throw new DomainException('PRODUCT_OFF_SHELF');
    if (sku.stock <= 0) throw new DomainException('CART_OUT_OF_STOCK');
    return sku;
  }
}

/** One entry per SKU (quantities summed, capped), ordered by SKU: the same guest cart always hashes the same. */
export function normaliseItems(items: CartMergeItem[]): CartMergeItem[] {
  const bySku = new Map<number, number>();
  for (const { skuId, quantity } of items) bySku.set(skuId, (bySku.get(skuId) ?? 0) + quantity);
  return [...bySku.entries()]
    .sort(([a], [b]) => a - b)
    .map(([skuId, quantity]) => ({ skuId, quantity: Math.min(quantity, CART_MAX_QUANTITY) }));
}

function exceedsStock(stock: number): DomainException {
  return new DomainException('STOCK_INSUFFICIENT', `库存不足，最多可购买 ${stock} 件`, [
    { field: 'quantity', reason: `only ${stock} in stock` },
  ]);
}

async function assertRoom(manager: EntityManager, memberId: number): Promise<void> {
  if ((await manager.countBy(CartItem, { memberId })) >= CART_MAX_LINES) throw new DomainException('CART_FULL');
}

function toLine(row: CartItem, sku: SkuView, product: ProductView): CartLineDto {
  const priceFen = fen(sku.priceFen);
  return {
    skuId: sku.id,
    productId: product.id,
    categoryId: product.categoryId,
    productName: product.name,
    coverUrl: product.coverUrl,
    specs: sku.specs,
    priceFen,
    quantity: row.quantity,
    lineTotalFen: fen(priceFen * row.quantity),
    stock: sku.stock,
    promotionTags: product.promotionTags,
    selected: row.selected,
    availability: cartLineAvailability({
      onSale: product.status === 'ON_SALE',
      stock: sku.stock,
      quantity: row.quantity,
    }),
  };
}
