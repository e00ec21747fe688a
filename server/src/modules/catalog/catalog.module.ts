import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogAdminController } from './admin-catalog.controller';
import { CatalogAdminService } from './catalog-admin.service';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { CatalogScopeReader } from './catalog-scope.reader';
import { Category } from './category.entity';
import { Product } from './product.entity';
import { Sku } from './sku.entity';
import { SkusService } from './skus.service';

@Module({
  imports: [TypeOrmModule.forFeature([Category, Product, Sku])],
  controllers: [CatalogController, CatalogAdminController],
  providers: [CatalogService, CatalogAdminService, CatalogScopeReader, SkusService],
  exports: [CatalogService, CatalogAdminService, CatalogScopeReader, SkusService],
})
export class CatalogModule {}
