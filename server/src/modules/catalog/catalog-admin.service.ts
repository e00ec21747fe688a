import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type AdminProductDto,
  type AdminProductSummaryDto,
  type AdminSkuDto,
  CATALOG_LIMITS,
  type CategoryDto,
  type Page,
  type StockAdjustmentResponse,
} from '@tidepool/shared';
import { type EntityManager, In, type Repository } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { toPage } from '../../common/http/pagination.dto';
import { AuditLog } from '../audit';
import { productSnapshot, skuSnapshot, toCategory, toProduct, toProductSummary, toSku } from './catalog-admin.mappers';
import { Category } from './category.entity';
import type {
  AdminProductListQueryDto,
  CategoryCreateDto,
  CategoryUpdateDto,
  ProductCreateDto,
  ProductSkuEditDto,
  ProductUpdateDto,
  SkuCreateDto,
  SkuUpdateDto,
  StockAdjustmentDto,
} from './dto/admin-catalog.requests';
import { Product } from './product.entity';
import { Sku } from './sku.entity';

/**
 * The operator's side of the catalogue: categories, products (shelf status, promotion tags) and SKUs. Every write
 * runs in one transaction with its audit entry; stock moves only by a conditional UPDATE (see `adjustStock`),
 * never read-modify-write; a product edit carrying a stale version changes nothing (PRODUCT_STALE).
 */
@Injectable()
export class CatalogAdminService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
    @InjectRepository(Category) private readonly categories: Repository<Category>,
    @InjectRepository(Product) private readonly products: Repository<Product>,
    @InjectRepository(Sku) private readonly skus: Repository<Sku>,
  ) {}

  // --- categories --------------------------------------------------------------------------------------------

  async listCategories(): Promise<CategoryDto[]> {
    const rows = await this.categories.find({ order: { sort: 'ASC', id: 'ASC' } });
    return rows.map(toCategory);
  }

  createCategory(actor: Principal, body: CategoryCreateDto): Promise<CategoryDto> {
    return this.transactions.run(async (manager) => {
      const category = toCategory(
        await manager.save(
          manager.create(Category, { name: body.name, iconUrl: body.iconUrl ?? '', sort: body.sort ?? 0 }),
        ),
      );
      await this.audit.record({
        actor,
        action: 'category.create',
        objectType: 'category',
        objectId: category.id,
        after: category,
      });
      return category;
    });
  }

  updateCategory(actor: Principal, id: number, body: CategoryUpdateDto): Promise<CategoryDto> {
    return this.transactions.run(async (manager) => {
      const category = await manager.findOneBy(Category, { id });
      if (!category) throw new DomainException('CATEGORY_NOT_FOUND');
      const changes = pick(body, ['name', 'iconUrl', 'sort']);
      if (Object.keys(changes).length > 0) await manager.update(Category, { id }, changes);
      const after = toCategory({ ...category, ...changes });
      await this.audit.record({
        actor,
        action: 'category.update',
        objectType: 'category',
        objectId: id,
        before: toCategory(category),
        after,
      });
      return after;
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
      // A SKU code matches through EXISTS rather than a join, which would repeat products and defeat the paging.
      qb.andWhere(
        "(p.name LIKE :kw ESCAPE '!' OR p.subtitle LIKE :kw ESCAPE '!' OR EXISTS " +
          "(SELECT 1 FROM skus s WHERE s.productId = p.id AND s.code LIKE :kw ESCAPE '!'))",
        { kw: `%${query.keyword.replace(/[!%_]/g, (ch) => `!${ch}`)}%` },
      );
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

  async createProduct(actor: Principal, body: ProductCreateDto): Promise<AdminProductDto> {
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
      const created = await this.getProduct(product.id, manager);
      await this.audit.record({
        actor,
        action: 'product.create',
        objectType: 'product',
        objectId: created.id,
        after: productSnapshot(created),
      });
      return created;
    });
  }

  /**
   * Product fields and SKUs in one unit of work. The product row is updated first, conditionally on the version
   * the editor loaded: a stale edit changes nothing, and the row lock it takes serialises concurrent edits.
   */
  updateProduct(actor: Principal, id: number, body: ProductUpdateDto): Promise<AdminProductDto> {
    return this.writing(async (manager) => {
      const before = await this.getProduct(id, manager);
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
      const qb = manager
        .createQueryBuilder()
        .update(Product)
        .set({ ...changes, version: () => 'version + 1' })
        .where('id = :id', { id });
      if (body.version !== undefined) qb.andWhere('version = :version', { version: body.version });
      if (affectedRows(await qb.execute()) === 0) throw new DomainException('PRODUCT_STALE');
      if (body.skus && body.skus.length > 0) await this.applySkuEdits(manager, id, body.skus);
      const after = await this.getProduct(id, manager);
      const onlyStatus = Object.keys(changes).length === 1 && changes.status !== undefined && !body.skus?.length;
      await this.audit.record({
        actor,
        action: onlyStatus
          ? changes.status === 'ON_SALE'
            ? 'product.publish'
            : 'product.unpublish'
          : 'product.update',
        objectType: 'product',
        objectId: id,
        before: productSnapshot(before),
        after: productSnapshot(after),
      });
      return after;
    });
  }

  /** Edits the listed SKUs of a product and adds the new ones; the result must keep every combination distinct. */
  private async applySkuEdits(manager: EntityManager, productId: number, edits: ProductSkuEditDto[]): Promise<void> {
    const existing = await manager.findBy(Sku, { productId });
    const byId = new Map(existing.map((sku) => [sku.id, sku]));
    const added = edits.filter((edit) => edit.id === undefined);
    if (existing.length + added.length > CATALOG_LIMITS.maxSkusPerProduct) {
      throw new DomainException('VALIDATION_FAILED', `每个商品最多 ${CATALOG_LIMITS.maxSkusPerProduct} 个规格`, [
        { field: 'skus', reason: `at most ${CATALOG_LIMITS.maxSkusPerProduct} SKUs per product` },
      ]);
    }
    const finalSpecs = new Map(existing.map((sku) => [sku.id, sku.specs]));
    for (const edit of edits) {
      if (edit.id === undefined) continue;
      if (!byId.has(edit.id)) throw new DomainException('SKU_NOT_FOUND');
      finalSpecs.set(edit.id, edit.specs);
    }
    const keys = [...finalSpecs.values(), ...added.map((edit) => edit.specs)].map(specsKey);
    if (new Set(keys).size < keys.length) throw new DomainException('SKU_SPECS_TAKEN');
    for (const edit of edits) {
      if (edit.id === undefined) continue;
      const changes: Partial<Sku> = { code: edit.code, specs: edit.specs, priceFen: edit.priceFen };
      if (edit.sort !== undefined) changes.sort = edit.sort;
      await manager.update(Sku, { id: edit.id, productId }, changes);
    }
    if (added.length > 0) {
      await manager.insert(
        Sku,
        added.map((edit, index) => ({
          productId,
          code: edit.code,
          specs: edit.specs,
          priceFen: edit.priceFen,
          stock: edit.stock ?? 0,
          sort: edit.sort ?? existing.length + index,
        })),
      );
    }
    await refreshLowestPrice(manager, productId);
  }

  // --- SKUs --------------------------------------------------------------------------------------------------

  addSku(actor: Principal, productId: number, body: SkuCreateDto): Promise<AdminSkuDto> {
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
      // Also bumps the product's version: an editor open on the product must not overwrite the new SKU's price.
      await refreshLowestPrice(manager, productId);
      await this.audit.record({
        actor,
        action: 'sku.create',
        objectType: 'sku',
        objectId: saved.id,
        after: { ...skuSnapshot(saved), stock: saved.stock },
      });
      return toSku(saved);
    });
  }

  updateSku(actor: Principal, id: number, body: SkuUpdateDto): Promise<AdminSkuDto> {
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
      await refreshLowestPrice(manager, sku.productId);
      const after = (await manager.findOneBy(Sku, { id })) ?? sku;
      await this.audit.record({
        actor,
        action: 'sku.update',
        objectType: 'sku',
        objectId: id,
        before: skuSnapshot(sku),
        after: skuSnapshot(after),
      });
      return toSku(after);
    });
  }

  /**
   * Adds `delta` units in one conditional UPDATE whose WHERE keeps the result within 0..maxStock; no row changed
   * means the SKU is missing (404) or the stock would leave the range (409). Written as `stock - n WHERE stock >= n`
   * rather than `stock + delta WHERE stock + delta >= 0`: on MySQL the column is UNSIGNED, and unsigned plus a
   * negative number is an out-of-range error there, not a negative number. The reason is kept on the product's audit entry.
   */
  adjustStock(actor: Principal, id: number, body: StockAdjustmentDto): Promise<StockAdjustmentResponse> {
    const { delta, reason } = body;
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
      // On the product's trail, where the console shows it beside the product's other changes.
      await this.audit.record({
        actor,
        action: 'product.stock_adjust',
        objectType: 'product',
        objectId: sku.productId,
        // The stock before is derived from the row after: a sale may have moved it between the two statements.
        before: { skuId: id, code: sku.code, stock: sku.stock - delta },
        after: { skuId: id, code: sku.code, stock: sku.stock, delta, reason },
      });
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

/** Products keep their lowest SKU price so lists need no join (the UPDATE also bumps the product's version). */
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
