import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { affectedRows } from '../../common/database/transactions';
import { Product, type ProductStatus } from './product.entity';
import { Sku } from './sku.entity';

/** A product as other modules see it (read model; the entity stays inside this module). */
export interface ProductView {
  id: number;
  categoryId: number;
  name: string;
  subtitle: string;
  coverUrl: string;
  status: ProductStatus;
  promotionTags: string[];
  priceFen: number;
  originalPriceFen: number | null;
}

/** A SKU with its product, as carts, checkout and drops read it. */
export interface SkuView {
  id: number;
  productId: number;
  code: string;
  specs: Record<string, string>;
  priceFen: number;
  stock: number;
  product: ProductView;
}

const productView = (p: Product): ProductView => ({
  id: p.id,
  categoryId: p.categoryId,
  name: p.name,
  subtitle: p.subtitle,
  coverUrl: p.coverUrl,
  status: p.status,
  promotionTags: p.promotionTags ?? [],
  priceFen: p.priceFen,
  originalPriceFen: p.originalPriceFen,
});

/**
 * Read API and stock moves of the catalog for the other modules. Stock changes take the caller's EntityManager so
 * they commit or roll back with the order (or drop) that caused them.
 */
@Injectable()
export class SkusService {
  constructor(
    @InjectRepository(Sku) private readonly skus: Repository<Sku>,
    @InjectRepository(Product) private readonly products: Repository<Product>,
  ) {}

  /** SKUs by id, each with its product; unknown ids (or a SKU whose product is gone) are absent. */
  async withProducts(ids: readonly number[], manager?: EntityManager): Promise<Map<number, SkuView>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const skus = await (manager ? manager.getRepository(Sku) : this.skus).find({
      where: { id: In(unique) },
      relations: { product: true },
    });
    return new Map(
      skus.flatMap((sku) =>
        sku.product
          ? [
              [
                sku.id,
                {
                  id: sku.id,
                  productId: sku.productId,
                  code: sku.code,
                  specs: sku.specs,
                  priceFen: sku.priceFen,
                  stock: sku.stock,
                  product: productView(sku.product),
                },
              ] as const,
            ]
          : [],
      ),
    );
  }

  async productById(id: number): Promise<ProductView | null> {
    return (await this.productsById([id])).get(id) ?? null;
  }

  async productsById(ids: readonly number[]): Promise<Map<number, ProductView>> {
    const unique = [...new Set(ids)];
    const products = unique.length ? await this.products.findBy({ id: In(unique) }) : [];
    return new Map(products.map((p) => [p.id, productView(p)]));
  }

  /** Takes units by a conditional UPDATE (the whole check, never read-then-write); false when too few are left. */
  async takeStock(manager: EntityManager, skuId: number, quantity: number): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Sku)
      .set({ stock: () => `stock - ${quantity}` })
      .where('id = :id AND stock >= :quantity', { id: skuId, quantity })
      .execute();
    return affectedRows(result) === 1;
  }

  /** Puts units back (a cancelled or expired order). */
  async returnStock(manager: EntityManager, skuId: number, quantity: number): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Sku)
      .set({ stock: () => `stock + ${quantity}` })
      .where('id = :id', { id: skuId })
      .execute();
  }
}
