import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  AdminProductDto,
  AdminProductSummaryDto,
  AdminSkuDto,
  CategoryDto,
  Page,
  StockAdjustmentResponse,
} from '@tidepool/shared';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { CatalogAdminService } from './catalog-admin.service';
import {
  AdminProductListQueryDto,
  CategoryCreateDto,
  CategoryUpdateDto,
  ProductCreateDto,
  ProductUpdateDto,
  SkuCreateDto,
  SkuUpdateDto,
  StockAdjustmentDto,
} from './dto/admin-catalog.requests';

/** The operator's catalogue: every product whatever its shelf status, and the writes the storefront never makes. */
@ApiTags('admin')
@Roles('operator')
@Controller('admin/catalog')
export class CatalogAdminController {
  constructor(private readonly admin: CatalogAdminService) {}

  @Get('categories')
  @ApiOkResponse({ description: 'CategoryDto[]' })
  listCategories(): Promise<CategoryDto[]> {
    return this.admin.listCategories();
  }

  @Post('categories')
  @ApiOkResponse({ description: 'CategoryDto (201)' })
  createCategory(@Body() body: CategoryCreateDto): Promise<CategoryDto> {
    return this.admin.createCategory(body);
  }

  @Patch('categories/:id')
  @ApiOkResponse({ description: 'CategoryDto' })
  @ApiNotFoundResponse({ description: 'CATEGORY_NOT_FOUND' })
  updateCategory(@Param('id', new IdParamPipe()) id: number, @Body() body: CategoryUpdateDto): Promise<CategoryDto> {
    return this.admin.updateCategory(id, body);
  }

  @Get('products')
  @ApiOkResponse({ description: 'Page<AdminProductSummaryDto>, every status' })
  listProducts(@Query() query: AdminProductListQueryDto): Promise<Page<AdminProductSummaryDto>> {
    return this.admin.listProducts(query);
  }

  @Get('products/:id')
  @ApiOkResponse({ description: 'AdminProductDto' })
  @ApiNotFoundResponse({ description: 'PRODUCT_NOT_FOUND' })
  getProduct(@Param('id', new IdParamPipe()) id: number): Promise<AdminProductDto> {
    return this.admin.getProduct(id);
  }

  @Post('products')
  @ApiOkResponse({ description: 'AdminProductDto (201)' })
  @ApiNotFoundResponse({ description: 'CATEGORY_NOT_FOUND' })
  @ApiConflictResponse({ description: 'SKU_CODE_TAKEN' })
  createProduct(@Body() body: ProductCreateDto): Promise<AdminProductDto> {
    return this.admin.createProduct(body);
  }

  @Patch('products/:id')
  @ApiOkResponse({ description: 'AdminProductDto; status ON_SALE/OFF_SALE puts it on or off the shelf' })
  @ApiNotFoundResponse({ description: 'PRODUCT_NOT_FOUND, CATEGORY_NOT_FOUND' })
  updateProduct(@Param('id', new IdParamPipe()) id: number, @Body() body: ProductUpdateDto): Promise<AdminProductDto> {
    return this.admin.updateProduct(id, body);
  }

  @Post('products/:id/skus')
  @ApiOkResponse({ description: 'AdminSkuDto (201)' })
  @ApiNotFoundResponse({ description: 'PRODUCT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'SKU_CODE_TAKEN, SKU_SPECS_TAKEN' })
  addSku(@Param('id', new IdParamPipe()) productId: number, @Body() body: SkuCreateDto): Promise<AdminSkuDto> {
    return this.admin.addSku(productId, body);
  }

  @Patch('skus/:id')
  @ApiOkResponse({ description: 'AdminSkuDto (stock is changed by stock-adjustments only)' })
  @ApiNotFoundResponse({ description: 'SKU_NOT_FOUND' })
  @ApiConflictResponse({ description: 'SKU_CODE_TAKEN, SKU_SPECS_TAKEN' })
  updateSku(@Param('id', new IdParamPipe()) id: number, @Body() body: SkuUpdateDto): Promise<AdminSkuDto> {
    return this.admin.updateSku(id, body);
  }

  @Post('skus/:id/stock-adjustments')
  @HttpCode(200)
  @ApiOkResponse({ description: 'StockAdjustmentResponse: the stock right after this adjustment' })
  @ApiNotFoundResponse({ description: 'SKU_NOT_FOUND' })
  @ApiConflictResponse({ description: 'STOCK_OUT_OF_RANGE: the stock would drop below 0 or exceed the maximum' })
  adjustStock(
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: StockAdjustmentDto,
  ): Promise<StockAdjustmentResponse> {
    return this.admin.adjustStock(id, body.delta);
  }
}
