import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { Category } from '../catalog/category.entity';
import { Product } from '../catalog/product.entity';
import { DEMO_ZONE_CATEGORY, DEMO_ZONE_TAG } from '../orders';
import { Sku } from '../catalog/sku.entity';
import { hashPassword } from '../staff';
import { StaffAccount } from '../staff/staff-account.entity';
import { Brand } from '../stores/brand.entity';
import { Store } from '../stores/store.entity';
import {
  DEMO_BRAND,
  DEMO_CATEGORIES,
  DEMO_HOT_KEYWORDS,
  DEMO_PASSWORD,
  DEMO_PRODUCTS,
  DEMO_STAFF,
  DEMO_STORES,
  demoCategoryIcon,
  demoProductImage,
} from './demo-catalog';
import { seedDemoDrops } from './demo-drops';
import { seedDemoGifts } from './demo-gifts';
import { StorefrontSettings } from '../storefront/storefront-settings.entity';
import { DEFAULT_STOREFRONT_SETTINGS } from '../storefront';
import { seedDemoDistribution } from '../distribution';
import { seedDemoCouponCentre } from '../coupons';
import { MemberFactsRecomputeJob } from '../member-facts';
import { seedDemoGrowth } from './demo-growth';

/**
 * Loads the demo brand on the first start of an empty database (SEED_DEMO=true, the default). Safe when several
 * replicas boot at once: the whole seed is one transaction and the brand code is unique, so the loser rolls back.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly memberFacts: MemberFactsRecomputeJob,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    if ((await this.dataSource.getRepository(Brand).count()) > 0) return;
    try {
      const counts = await this.dataSource.transaction((manager) => this.seed(manager));
      this.logger.log({ msg: 'demo data loaded', ...counts });
      // The growth pages read member facts; build them from the demo purchases the seed just committed.
      const facts = await this.memberFacts.run(this.clock.now());
      this.logger.log({ msg: 'demo member facts built', ...facts });
    } catch (error) {
      if ((await this.dataSource.getRepository(Brand).count()) > 0) {
        this.logger.log('demo data was loaded by another process');
        return;
      }
      throw error;
    }
  }

  async seed(manager: EntityManager): Promise<{
    stores: number;
    products: number;
    staff: number;
    gifts: number;
    dropItems: number;
    growthMembers: number;
  }> {
    const brand = await manager.save(manager.create(Brand, DEMO_BRAND));
    await manager.save(
      manager.create(StorefrontSettings, {
        id: 1,
        ...DEFAULT_STOREFRONT_SETTINGS,
        hotKeywords: DEMO_HOT_KEYWORDS,
        updatedAt: this.clock.now(),
      }),
    );
    const stores = new Map<string, Store>();
    for (const store of DEMO_STORES) {
      stores.set(store.code, await manager.save(manager.create(Store, { ...store, brandId: brand.id })));
    }

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const staff of DEMO_STAFF) {
      const storeId = staff.storeCode ? (stores.get(staff.storeCode)?.id ?? null) : null;
      await manager.save(
        manager.create(StaffAccount, {
          username: staff.username,
          role: staff.role,
          displayName: staff.displayName,
          storeId,
          passwordHash,
        }),
      );
    }

    const categoryIds = new Map<string, number>();
    for (const [index, category] of DEMO_CATEGORIES.entries()) {
      const saved = await manager.save(
        manager.create(Category, { name: category.name, iconUrl: demoCategoryIcon(category.key), sort: index * 10 }),
      );
      categoryIds.set(category.key, saved.id);
    }

    for (const [index, item] of DEMO_PRODUCTS.entries()) {
      const categoryId = categoryIds.get(item.category);
      if (categoryId === undefined) throw new Error(`demo product ${item.key} names unknown category ${item.category}`);
      const product = await manager.save(
        manager.create(Product, {
          categoryId,
          name: item.name,
          subtitle: item.subtitle,
          description: item.description,
          coverUrl: demoProductImage(item.key, 1),
          images: [demoProductImage(item.key, 1), demoProductImage(item.key, 2)],
          priceFen: Math.min(...item.skus.map((sku) => sku.priceFen)),
          originalPriceFen: item.originalPriceFen,
          sales: item.sales,
          status: 'ON_SALE',
          sort: index * 10,
          promotionTags: item.category === DEMO_ZONE_CATEGORY ? [DEMO_ZONE_TAG] : [],
        }),
      );
      await manager.save(
        item.skus.map((sku, skuIndex) => manager.create(Sku, { ...sku, productId: product.id, sort: skuIndex })),
      );
    }
    const gifts = await seedDemoGifts(manager, this.clock.now());
    const productIds = (await manager.find(Product, { select: { id: true }, order: { id: 'ASC' } })).map((p) => p.id);
    await seedDemoDistribution(manager, productIds, this.clock.now());
    await seedDemoCouponCentre(manager, categoryIds, this.clock.now());
    const dropItems = await seedDemoDrops(manager, this.clock.now());
    const storeIds = [...stores.values()].map((store) => store.id);
    // The growth shoppers buy in the other stores: the first store (SH001, manager.sh001's) starts with an empty
    // dashboard, the state a store manager meets on day one.
    const growthMembers = await seedDemoGrowth(
      manager,
      this.clock.now(),
      storeIds.length > 1 ? storeIds.slice(1) : storeIds,
    );
    return {
      stores: stores.size,
      products: DEMO_PRODUCTS.length,
      staff: DEMO_STAFF.length,
      gifts,
      dropItems,
      growthMembers,
    };
  }
}
