import type { EntityManager } from 'typeorm';
import { Product } from '../catalog/product.entity';
import { DistributionProduct } from './distribution.entities';

/**
 * Demo distribution (分销): every demo product is a distribution product, at 10% (first level) + 3% (the
 * promoter's inviter), and every third at 15% + 3%, so the promoter center has materials at once. Called from the
 * demo seed's transaction; any member can then apply (auto-approved in development) and share.
 */
export async function seedDemoDistribution(manager: EntityManager, now: Date): Promise<number> {
  const products = await manager.getRepository(Product).find({ order: { id: 'ASC' } });
  await manager.getRepository(DistributionProduct).insert(
    products.map((p, index) => ({
      productId: p.id,
      enabled: true,
      rateBp: index % 3 === 2 ? 1_500 : 1_000,
      secondRateBp: 300,
      updatedAt: now,
    })),
  );
  return products.length;
}
