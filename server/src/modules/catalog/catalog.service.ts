import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type CategoryDto,
  fen,
  type Page,
  type ProductDetailDto,
  type ProductSummaryDto,
  type SkuLookupItemDto,
} from '@tidepool/shared';
import { In, Repository } from 'typeorm';
import { ReadReplicas } from '../../common/database/read-replicas';
import { DomainException } from '../../common/errors/domain.exception';
import { toPage } from '../../common/http/pagination.dto';
import { Category } from './category.entity';
import type { ProductListQueryDto } from './dto/product-list.query';
import { Product } from './product.entity';
import { Sku } from './sku.entity';

@Injectable()
export class CatalogService {
  constructor(
    @InjectRepository(Sku) private readonly skus: Repository<Sku>,
    private readonly replicas: ReadReplicas,
  ) {}

  // The storefront's browsing reads (categories, the product list and a product page) may be a moment stale, so
  // they run on a read replica when there is one; checkout reads prices and stock on the primary.
  async listCategories(): Promise<CategoryDto[]> {
    const rows = await this.replicas.read((m) => m.getRepository(Category).find({ order: { sort: 'ASC', id: 'ASC' } }));
    return rows.map(({ id, name, iconUrl, sort }) => ({ id, name, iconUrl, sort }));
  }

  async listProducts(query: ProductListQueryDto): Promise<Page<ProductSummaryDto>> {
    return this.replicas.read(async (manager) => {
      const qb = manager
        .getRepository(Product)
        .createQueryBuilder('p')
        .where('p.status = :status', { status: 'ON_SALE' })
        .orderBy('p.sort', 'ASC')
        .addOrderBy('p.id', 'ASC')
        .skip(query.offset)
        .take(query.pageSize);
      if (query.categoryId !== undefined) qb.andWhere('p.categoryId = :categoryId', { categoryId: query.categoryId });
      if (query.keyword) {
        // Name or subtitle; the keyword's own % and _ are literal (escaped).
        qb.andWhere("(p.name LIKE :kw ESCAPE '!' OR p.subtitle LIKE :kw ESCAPE '!')", {
          kw: `%${escapeLike(query.keyword)}%`,
        });
      }
      const [rows, total] = await qb.getManyAndCount();
      return toPage(rows.map(toSummary), total, query);
    });
  }

  async getProduct(id: number): Promise<ProductDetailDto> {
    const product = await this.replicas.read((m) =>
      m.getRepository(Product).findOne({
        where: { id, status: 'ON_SALE' },
        relations: { category: true, skus: true },
        order: { skus: { sort: 'ASC', id: 'ASC' } },
      }),
    );
    if (!product) throw new DomainException('PRODUCT_NOT_FOUND');
    return {
      ...toSummary(product),
      categoryName: product.category?.name ?? '',
      images: product.images,
      description: product.description,
      skus: (product.skus ?? []).map((sku) => ({
        id: sku.id,
        specs: sku.specs,
        priceFen: fen(sku.priceFen),
        stock: sku.stock,
      })),
    };
  }

  /** Unknown SKU ids are left out of the answer: a guest's stale cart line simply disappears. */
  async lookupSkus(skuIds: number[]): Promise<SkuLookupItemDto[]> {
    const rows = await this.skus.find({ where: { id: In([...new Set(skuIds)]) }, relations: { product: true } });
    const byId = new Map(rows.map((sku) => [sku.id, sku]));
    return skuIds.flatMap((id) => {
      const sku = byId.get(id);
      if (!sku?.product) return [];
      byId.delete(id);
      return [
        {
          skuId: sku.id,
          productId: sku.productId,
          categoryId: sku.product.categoryId,
          productName: sku.product.name,
          coverUrl: sku.product.coverUrl,
          specs: sku.specs,
          priceFen: fen(sku.priceFen),
          stock: sku.stock,
          onSale: sku.product.status === 'ON_SALE',
          promotionTags: sku.product.promotionTags,
        },
      ];
    });
  }
}

export function toSummary(p: Product): ProductSummaryDto {
  return {
    id: p.id,
    categoryId: p.categoryId,
    name: p.name,
    subtitle: p.subtitle,
    coverUrl: p.coverUrl,
    priceFen: fen(p.priceFen),
    originalPriceFen: p.originalPriceFen === null ? null : fen(p.originalPriceFen),
    sales: p.sales,
    promotionTags: p.promotionTags ?? [],
  };
}

/** `!` rather than a backslash as the LIKE escape: a backslash literal is spelled differently in MySQL and SQLite. */
function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (ch) => `!${ch}`);
}
