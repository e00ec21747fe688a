import type { EntityManager } from 'typeorm';
import { DistributionProduct } from './distribution.entities';

/**
 * Demo distribution (分销): every demo product is a distribution product, at 10% (first level) + 3% (the
 * promoter's inviter), and every third at 15% + 3%, so the promoter center has materials at once. Called from the
 * demo seed's transaction with the demo products' ids, oldest first; any member can then apply (auto-approved in development) and share.
 */
export async function seedDemoDistribution(manager: EntityManager, productIds: number[], now: Date): Promise<number> {
  await manager.getRepository(DistributionProduct).insert(
    productIds.map((productId, index) => ({
      productId,
      enabled: true,
      rateBp: index % 3 === 2 ? 1_500 : 1_000,
      secondRateBp: 300,
      updatedAt: now,
    })),
  );
  return productIds.length;
}
