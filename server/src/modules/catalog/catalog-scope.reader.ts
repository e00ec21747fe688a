import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CouponScope, Page, ProductSummaryDto } from '@tidepool/shared';
import { In, type Repository } from 'typeorm';
import { type PageQueryDto, toPage } from '../../common/http/pagination.dto';
import { toSummary } from './catalog.service';
import { Product } from './product.entity';

/** The products on sale within a coupon's scope (去使用), in the shelf order of the product lists. */
@Injectable()
export class CatalogScopeReader {
  constructor(@InjectRepository(Product) private readonly products: Repository<Product>) {}

  async productsInScope(scope: CouponScope, query: PageQueryDto): Promise<Page<ProductSummaryDto>> {
    const qb = this.products
      .createQueryBuilder('p')
      .where('p.status = :status', { status: 'ON_SALE' })
      .orderBy('p.sort', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .skip(query.offset)
      .take(query.pageSize);
    if (scope.kind === 'CATEGORIES') qb.andWhere('p.categoryId IN (:...ids)', { ids: [...scope.categoryIds] });
    if (scope.kind === 'PRODUCTS') qb.andWhere('p.id IN (:...ids)', { ids: [...scope.productIds] });
    const [rows, total] = await qb.getManyAndCount();
    return toPage(rows.map(toSummary), total, query);
  }

  /** Each product's category (campaigns count an order's items per category). */
  async categoriesOf(productIds: readonly number[]): Promise<Map<number, number>> {
    const unique = [...new Set(productIds)];
    if (unique.length === 0) return new Map();
    const rows = await this.products.find({ where: { id: In(unique) }, select: { id: true, categoryId: true } });
    return new Map(rows.map((p) => [p.id, p.categoryId]));
  }
}
