import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type AdminProductDto,
  type AdminProductSummaryDto,
  type AdminSkuDto,
  CATALOG_LIMITS,
  type CategoryDto,
  fen,
  type Page,
  type StockAdjustmentResponse,
} from '@tidepool/shared';
import { type EntityManager, In, type Repository } from 'typeorm';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { toPage } from '../../common/http/pagination.dto';
import { Category } from './category.entity';
import type {
  AdminProductListQueryDto,
  CategoryCreateDto,
  CategoryUpdateDto,
  ProductCreateDto,
  ProductUpdateDto,
  SkuCreateDto,
  SkuUpdateDto,
} from './dto/admin-catalog.requests';
import { Product } from './product.entity';
import { Sku } from './sku.entity';

/**
 * The operator's side of the catalogue: categories, products (shelf status, promotion tags) and SKUs. Every write
 * runs in one transaction; stock moves only by a conditional UPDATE (see `adjustStock`), never read-modify-write.
 */
@Injectable()
export class CatalogAdminService {
  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(Category) private readonly categories: Repository<Category>,
    @InjectRepository(Product) private readonly products: Repository<Product>,
    @InjectRepository(Sku) private readonly skus: Repository<Sku>,
  ) {}

  // --- categories --------------------------------------------------------------------------------------------

  async listCategories(): Promise<CategoryDto[]> {
    const rows = await this.categories.find({ order: { sort: 'ASC', id: 'ASC' } });
    return rows.map(toCategory);
  }

  createCategory(body: CategoryCreateDto): Promise<CategoryDto> {
    return this.transactions.run(async (manager) =>
      toCategory(
        await manager.save(
          manager.create(Category, { name: body.name, iconUrl: body.iconUrl ?? '', sort: body.sort ?? 0 }),
        ),
      ),
    );
  }

  updateCategory(id: number, body: CategoryUpdateDto): Promise<CategoryDto> {
    return this.transactions.run(async (manager) => {
      const category = await manager.findOneBy(Category, { id });
      if (!category) throw new DomainException('CATEGORY_NOT_FOUND');
      const changes = pick(body, ['name', 'iconUrl', 'sort']);
      if (Object.keys(changes).length > 0) await manager.update(Category, { id }, changes);
      return toCategory({ ...category, ...changes });
    });
  }

  // --- products ----------------------------------------------------------------------------------------------

  async listProducts(query: AdminProductListQueryDto): Promise<Page<AdminProductSummaryDto>> {
    const qb = this.products
      .createQueryBuilder('p')
      .orderBy('p.sort', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .skip(query.offset)
      .take(query.pageSize);
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.categoryId !== undefined) qb.andWhere('p.categoryId = :categoryId', { categoryId: query.categoryId });
    if (query.keyword) {
      qb.andWhere("(p.name LIKE :kw ESCAPE '!' OR p.subtitle LIKE :kw ESCAPE '!')", {
        kw: `%${query.keyword.replace(/[!%_]/g, (ch) => `!${ch}`)}%`,
      });
    }
    const [rows, total] = await qb.getManyAndCount();
    // The page's SKUs in one query (a join would defeat the paging).
    const skus = rows.length > 0 ? await this.skus.findBy({ productId: In(rows.map((p) => p.id)) }) : [];
    const items = rows.map((p) => toProductSummary({ ...p, skus: skus.filter((s) => s.productId === p.id) }));
    return toPage(items, total, query);
  }

  async getProduct(id: number, manager?: EntityManager): Promise<AdminProductDto> {
    const product = await (manager?.getRepository(Product) ?? this.products).findOne({
      where: { id },
      relations: { category: true, skus: true },
      order: { skus: { sort: 'ASC', id: 'ASC' } },
    });
    if (!product) throw new DomainException('PRODUCT_NOT_FOUND');
    return toProduct(product);
  }

  async createProduct(body: ProductCreateDto): Promise<AdminProductDto> {
    assertDistinctSkus(body.skus);
    return this.writing(async (manager) => {
      await requireCategory(manager, body.categoryId);
      const product = await manager.save(
        manager.create(Product, {
          categoryId: body.categoryId,
          name: body.name,
          subtitle: body.subtitle ?? '',
          description: body.description ?? '',
          coverUrl: body.images[0],
          images: body.images,
          priceFen: Math.min(...body.skus.map((sku) => sku.priceFen)),
          originalPriceFen: body.originalPriceFen ?? null,
          status: body.status ?? 'ON_SALE',
          promotionTags: [...new Set(body.promotionTags ?? [])],
          sort: body.sort ?? 0,
          sales: 0,
        }),
      );
      await manager.insert(
        Sku,
        body.skus.map((sku, index) => ({
          productId: product.id,
          code: sku.code,
          specs: sku.specs,
          priceFen: sku.priceFen,
          stock: sku.stock,
          sort: sku.sort ?? index,
        })),
      );
      return this.getProduct(product.id, manager);
    });
  }

  updateProduct(id: number, body: ProductUpdateDto): Promise<AdminProductDto> {
    return this.transactions.run(async (manager) => {
      if (!(await manager.existsBy(Product, { id }))) throw new DomainException('PRODUCT_NOT_FOUND');
      if (body.categoryId !== undefined) await requireCategory(manager, body.categoryId);
      const changes: Partial<Product> = pick(body, [
        'categoryId',
        'name',
        'subtitle',
        'description',
        'status',
        'originalPriceFen',
        'sort',
      ]);
      if (body.images) Object.assign(changes, { images: body.images, coverUrl: body.images[0] });
      if (body.promotionTags) changes.promotionTags = [...new Set(body.promotionTags)];
      if (Object.keys(changes).length > 0) await manager.update(Product, { id }, changes);
      return this.getProduct(id, manager);
    });
  }

  // --- SKUs --------------------------------------------------------------------------------------------------

  addSku(productId: number, body: SkuCreateDto): Promise<AdminSkuDto> {
    return this.writing(async (manager) => {
      if (!(await manager.existsBy(Product, { id: productId }))) throw new DomainException('PRODUCT_NOT_FOUND');
      const siblings = await manager.findBy(Sku, { productId });
      if (siblings.length >= CATALOG_LIMITS.maxSkusPerProduct) {
        throw new DomainException('VALIDATION_FAILED', `每个商品最多 ${CATALOG_LIMITS.maxSkusPerProduct} 个规格`, [
          { field: 'skus', reason: `at most ${CATALOG_LIMITS.maxSkusPerProduct} SKUs per product` },
        ]);
      }
      assertSpecsFree(siblings, body.specs);
      const saved = await manager.save(
        manager.create(Sku, {
          productId,
          code: body.code,
          specs: body.specs,
          priceFen: body.priceFen,
          stock: body.stock,
          sort: body.sort ?? siblings.length,
        }),
      );
      await refreshLowestPrice(manager, productId);
      return toSku(saved);
    });
  }

  updateSku(id: number, body: SkuUpdateDto): Promise<AdminSkuDto> {
    return this.writing(async (manager) => {
      const sku = await manager.findOneBy(Sku, { id });
      if (!sku) throw new DomainException('SKU_NOT_FOUND');
      if (body.specs) {
        const siblings = await manager.findBy(Sku, { productId: sku.productId });
        assertSpecsFree(
          siblings.filter((s) => s.id !== id),
          body.specs,
        );
      }
      // Every column but stock: stock moves only through adjustStock.
      const changes: Partial<Sku> = pick(body, ['code', 'specs', 'priceFen', 'sort']);
      if (Object.keys(changes).length > 0) await manager.update(Sku, { id }, changes);
      if (body.priceFen !== undefined) await refreshLowestPrice(manager, sku.productId);
      return toSku((await manager.findOneBy(Sku, { id })) ?? sku);
    });
  }

  /**
   * Adds `delta` units in one conditional UPDATE whose WHERE keeps the result within 0..maxStock; no row changed
   * means the SKU is missing (404) or the stock would leave the range (409). Written as `stock - n WHERE stock >= n`
   * rather than `stock + delta WHERE stock + delta >= 0`: on MySQL the column is UNSIGNED, and unsigned plus a
   * negative number is an out-of-range error there, not a negative number.
   */
  adjustStock(id: number, delta: number): Promise<StockAdjustmentResponse> {
    return this.transactions.run(async (manager) => {
      const units = Math.abs(delta);
      const qb = manager.createQueryBuilder().update(Sku).where('id = :id', { id });
      if (delta < 0) {
        qb.set({ stock: () => 'stock - :units' }).andWhere('stock >= :units', { units });
      } else {
        qb.set({ stock: () => 'stock + :units' }).andWhere('stock <= :room', {
          units,
          room: CATALOG_LIMITS.maxStock - units,
        });
      }
      if (affectedRows(await qb.execute()) === 0) {
        if (!(await manager.existsBy(Sku, { id }))) throw new DomainException('SKU_NOT_FOUND');
        throw new DomainException(
          'STOCK_OUT_OF_RANGE',
          delta < 0 ? '库存不足，无法扣减这么多' : `库存不能超过 ${CATALOG_LIMITS.maxStock}`,
        );
      }
      const sku = await manager.findOneByOrFail(Sku, { id });
      return { skuId: id, stock: sku.stock };
    });
  }

  /** A write whose SKU codes may collide with another SKU's: the unique index answers SKU_CODE_TAKEN. */
  private async writing<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.transactions.run(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException('SKU_CODE_TAKEN');
      throw error;
    }
  }
}

async function requireCategory(manager: EntityManager, id: number): Promise<void> {
  if (!(await manager.existsBy(Category, { id }))) throw new DomainException('CATEGORY_NOT_FOUND');
}

/** Products keep their lowest SKU price so lists need no join. */
async function refreshLowestPrice(manager: EntityManager, productId: number): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(Product)
    .set({ priceFen: () => '(SELECT MIN(s.priceFen) FROM skus s WHERE s.productId = :productId)' })
    .where('id = :productId', { productId })
    .execute();
}

/** The spec combination as a comparable key (names sorted). */
export function specsKey(specs: Record<string, string>): string {
  return JSON.stringify(Object.entries(specs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function assertSpecsFree(siblings: Sku[], specs: Record<string, string>): void {
  const key = specsKey(specs);
  if (siblings.some((sibling) => specsKey(sibling.specs) === key)) throw new DomainException('SKU_SPECS_TAKEN');
}

/** A new product's SKUs: distinct codes and distinct spec combinations, or the request is malformed. */
function assertDistinctSkus(skus: SkuCreateDto[]): void {
  const codes = new Set(skus.map((sku) => sku.code.toLowerCase()));
  const specs = new Set(skus.map((sku) => specsKey(sku.specs)));
  const field = codes.size < skus.length ? 'code' : specs.size < skus.length ? 'specs' : null;
  if (field) {
    throw new DomainException('VALIDATION_FAILED', `请求参数有误：字段 skus.${field} 重复`, [
      { field: `skus.${field}`, reason: `each SKU needs a distinct ${field}` },
    ]);
  }
}

/** The given (not undefined) fields of a request, for a partial UPDATE. */
function pick<T extends object, K extends keyof T>(body: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (body[key] !== undefined) out[key] = body[key];
  return out;
}

function toCategory({ id, name, iconUrl, sort }: Category): CategoryDto {
  return { id, name, iconUrl, sort };
}

function toSku(sku: Sku): AdminSkuDto {
  return {
    id: sku.id,
    productId: sku.productId,
    code: sku.code,
    specs: sku.specs,
    priceFen: fen(sku.priceFen),
    stock: sku.stock,
    sort: sku.sort,
  };
}

function toProductSummary(p: Product): AdminProductSummaryDto {
  const skus = p.skus ?? [];
  return {
    id: p.id,
    categoryId: p.categoryId,
    name: p.name,
    coverUrl: p.coverUrl,
    status: p.status,
    promotionTags: p.promotionTags,
    priceFen: fen(p.priceFen),
    skuCount: skus.length,
    totalStock: skus.reduce((sum, sku) => sum + sku.stock, 0),
    sort: p.sort,
    updatedAt: p.updatedAt.toISOString(),
  };
}

function toProduct(p: Product): AdminProductDto {
  return {
    ...toProductSummary(p),
    categoryName: p.category?.name ?? '',
    subtitle: p.subtitle,
    description: p.description,
    images: p.images,
    originalPriceFen: p.originalPriceFen === null ? null : fen(p.originalPriceFen),
    sales: p.sales,
    skus: (p.skus ?? []).map(toSku),
    createdAt: p.createdAt.toISOString(),
  };
}
