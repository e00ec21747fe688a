import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PRODUCT_IMAGE_RULES } from '@tidepool/shared';
import type { FastifyInstance } from 'fastify';
import { CatalogAdminController } from './admin-catalog.controller';
import { CatalogAdminService } from './catalog-admin.service';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { CatalogScopeReader } from './catalog-scope.reader';
import { Category } from './category.entity';
import { Product } from './product.entity';
import { ProductImagesService } from './product-images.service';
import { Sku } from './sku.entity';
import { SkusService } from './skus.service';

/**
 * Room above the image limit, so an image somewhat too large still reaches the service and is refused by name
 * (IMAGE_TOO_LARGE); only a far larger body is cut off by Fastify (PAYLOAD_TOO_LARGE).
 */
const IMAGE_BODY_LIMIT = PRODUCT_IMAGE_RULES.maxBytes * 3;

@Module({
  imports: [TypeOrmModule.forFeature([Category, Product, Sku])],
  controllers: [CatalogController, CatalogAdminController],
  providers: [CatalogService, CatalogAdminService, CatalogScopeReader, SkusService, ProductImagesService],
  exports: [CatalogService, CatalogAdminService, CatalogScopeReader, SkusService],
})
export class CatalogModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Product images arrive as the raw body (no multipart framing to parse): kept whole as a Buffer. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    for (const type of PRODUCT_IMAGE_RULES.mimeTypes) {
      if (fastify.hasContentTypeParser(type)) continue;
      fastify.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMAGE_BODY_LIMIT }, (_request, body, done) =>
        done(null, body),
      );
    }
  }
}
