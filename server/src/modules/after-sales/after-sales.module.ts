import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AFTER_SALE_PHOTO_RULES } from '@tidepool/shared';
import type { FastifyInstance } from 'fastify';
import { OrdersModule } from '../orders';
import { AdminAfterSalesController } from './admin-after-sales.controller';
import { AfterSalePhotosService } from './after-sale-photos.service';
import { AfterSalePhoto } from './after-sale-photo.entity';
import { AfterSale } from './after-sale.entity';
import { AfterSalesAdminService } from './after-sales-admin.service';
import { AfterSalesController } from './after-sales.controller';
import { AfterSalesService } from './after-sales.service';

/** Room above the photo limit for the multipart framing, so a 5–8 MB photo answers PHOTO_TOO_LARGE by name. */
const MULTIPART_BODY_LIMIT = AFTER_SALE_PHOTO_RULES.maxBytes + 3 * 1024 * 1024;

/** After-sales (售后): applications per line and quantity, review, returns; refunds through the orders module. */
@Module({
  imports: [TypeOrmModule.forFeature([AfterSale, AfterSalePhoto]), OrdersModule],
  controllers: [AfterSalesController, AdminAfterSalesController],
  providers: [AfterSalesService, AfterSalesAdminService, AfterSalePhotosService],
})
export class AfterSalesModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Photo uploads are the API's only multipart bodies: kept whole as a Buffer (the service reads the part). */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser('multipart/form-data')) return;
    fastify.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: MULTIPART_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
  }
}
