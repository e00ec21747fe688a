import { currentOrNextWindow, DEFAULT_DROP_SCHEDULE, DEFAULT_EARLY_ACCESS, firstOpeningOf } from '@tidepool/shared';
import type { EntityManager } from 'typeorm';
import { Product } from '../catalog/product.entity';
import { Sku } from '../catalog/sku.entity';
import { DropItem } from '../drops/drop-item.entity';
import { Drop } from '../drops/drop.entity';
import { specText } from '../orders';

/**
 * The demo's weekly drop (本周团购): this week's Friday 12:00 – Saturday 18:00 window (or the one open now), two
 * products from different categories at about 40% off, 200 and 300 units, two per member, gold members 30 minutes
 * early. The roll job makes the following weeks from it.
 */
export async function seedDemoDrops(manager: EntityManager, now: Date): Promise<number> {
  // Two products from different categories, so the demo drop is not two variants of one thing.
  const catalogue = await manager.getRepository(Product).find({ order: { id: 'ASC' } });
  const products = catalogue.filter(
    (product, index) => catalogue.findIndex((p) => p.categoryId === product.categoryId) === index,
  );
  products.splice(2);
  const { opensAt, closesAt } = currentOrNextWindow(DEFAULT_DROP_SCHEDULE, now);
  const drop = await manager.getRepository(Drop).save(
    manager.getRepository(Drop).create({
      title: '周五限量团',
      description: '每周五中午 12:00 开抢，周六 18:00 截止，数量有限，每人限购 2 件。金卡会员提前 30 分钟优先购。',
      recurrence: 'WEEKLY',
      status: 'SCHEDULED',
      opensAt,
      closesAt,
      firstOpensAt: firstOpeningOf(opensAt, DEFAULT_EARLY_ACCESS),
      earlyAccess: DEFAULT_EARLY_ACCESS,
      reservationSeconds: 300,
      previousDropId: null,
      createdAt: now,
    }),
  );
  const caps = [200, 300];
  for (const [index, product] of products.entries()) {
    const sku = await manager
      .getRepository(Sku)
      .findOneOrFail({ where: { productId: product.id }, order: { id: 'ASC' } });
    await manager.getRepository(DropItem).insert({
      dropId: drop.id,
      skuId: sku.id,
      productId: product.id,
      productName: product.name,
      specText: specText(sku.specs),
      imageUrl: product.coverUrl,
      listPriceFen: sku.priceFen,
      // About 40% off, ending in 9 like a shelf price.
      dropPriceFen: Math.max(100, Math.floor((sku.priceFen * 0.6) / 100) * 100 - 10),
      cap: caps[index] ?? 200,
      perMemberLimit: 2,
      sold: 0,
      reserved: 0,
    });
  }
  return products.length;
}
