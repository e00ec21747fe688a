import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CategoryDto, Page, ProductDetailDto, ProductSummaryDto, SkuLookupItemDto } from '@tidepool/shared';
import { Public } from '../../common/auth/public.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { CatalogService } from './catalog.service';
import {
  CategoryResponse,
  ProductDetailResponse,
  ProductPageResponse,
  SkuLookupItemResponse,
} from './dto/catalog.responses';
import { ProductListQueryDto } from './dto/product-list.query';
import { SkuLookupRequestDto } from './dto/sku-lookup.request';

@ApiTags('catalog')
@Controller('catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Public()
  @Get('categories')
  @ApiOkResponse({ type: [CategoryResponse] })
  listCategories(): Promise<CategoryDto[]> {
    return this.catalog.listCategories();
  }

  @Public()
  @Get('products')
  @ApiOkResponse({ type: ProductPageResponse })
  listProducts(@Query() query: ProductListQueryDto): Promise<Page<ProductSummaryDto>> {
    return this.catalog.listProducts(query);
  }

  @Public()
  @Get('products/:id')
  @ApiOkResponse({ type: ProductDetailResponse })
  @ApiNotFoundResponse({ description: 'PRODUCT_NOT_FOUND' })
  getProduct(@Param('id', new IdParamPipe()) id: number): Promise<ProductDetailDto> {
    return this.catalog.getProduct(id);
  }

  @Public()
  @Post('skus/lookup')
  @HttpCode(200)
  @ApiOkResponse({ type: [SkuLookupItemResponse] })
  lookupSkus(@Body() body: SkuLookupRequestDto): Promise<SkuLookupItemDto[]> {
    return this.catalog.lookupSkus(body.skuIds);
  }
}
