import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  type AdminProductDto,
  type AdminProductSummaryDto,
  type AdminSkuDto,
  type CategoryDto,
  type Page,
  PRODUCT_IMAGE_RULES,
  type ProductImageUploadResponse,
  type StockAdjustmentResponse,
} from '@tidepool/shared';
import type { FastifyRequest } from 'fastify';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
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
import { ProductImagesService } from './product-images.service';

/**
 * The operator's catalogue: every product whatever its shelf status, and the writes the storefront never makes.
 * Operators only: store managers do not run the brand's catalogue. Every write records an audit entry.
 */
@ApiTags('admin')
@Roles('operator')
@Controller('admin/catalog')
export class CatalogAdminController {
  constructor(
    private readonly admin: CatalogAdminService,
    private readonly images: ProductImagesService,
  ) {}

  @Get('categories')
  @ApiOperation({
    summary: 'Every category, in display order',
    description: 'The categories the storefront groups products by, sorted by `sort` then id (no paging: a handful).',
  })
  @ApiOkResponse({ description: 'CategoryDto[]' })
  listCategories(): Promise<CategoryDto[]> {
    return this.admin.listCategories();
  }

  @Post('categories')
  @ApiOperation({
    summary: 'Creates a category',
    description: 'A name (1-32 characters), an optional icon URL and sort; audited as category.create.',
  })
  @ApiOkResponse({ description: 'CategoryDto (201)' })
  createCategory(@Body() body: CategoryCreateDto, @CurrentUser() principal: Principal): Promise<CategoryDto> {
    return this.admin.createCategory(principal, body);
  }

  @Patch('categories/:id')
  @ApiOperation({
    summary: 'Edits a category',
    description: 'Only the fields given change; audited as category.update with the category before and after.',
  })
  @ApiOkResponse({ description: 'CategoryDto' })
  @ApiNotFoundResponse({ description: 'CATEGORY_NOT_FOUND' })
  updateCategory(
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: CategoryUpdateDto,
    @CurrentUser() principal: Principal,
  ): Promise<CategoryDto> {
    return this.admin.updateCategory(principal, id, body);
  }

  @Post('images')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Uploads a product image',
    description:
      `The image itself is the raw request body (Content-Type image/jpeg, image/png or image/webp, at most ` +
      `${PRODUCT_IMAGE_RULES.maxBytes / 1024 / 1024} MB). Its type is checked by its own bytes: anything else ` +
      'is IMAGE_INVALID (400); a larger one IMAGE_TOO_LARGE (413) and nothing is stored. Stored by content hash, ' +
      'so the same image uploaded twice answers the same URL; the URL is public and cached as immutable. ' +
      'Audited as product_image.upload.',
  })
  @ApiConsumes(...PRODUCT_IMAGE_RULES.mimeTypes)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ description: 'ProductImageUploadResponse (201): { url }' })
  uploadImage(
    @Req() request: FastifyRequest,
    @CurrentUser() principal: Principal,
  ): Promise<ProductImageUploadResponse> {
    return this.images.upload(principal, request.body);
  }

  @Get('products')
  @ApiOperation({
    summary: 'Pages the products, any shelf status',
    description:
      'Filters by status, category and a keyword that matches names, subtitles and SKU codes, all in SQL; each ' +
      'row carries its price range, SKU count, total stock and version.',
  })
  @ApiOkResponse({ description: 'Page<AdminProductSummaryDto>, every status' })
  listProducts(@Query() query: AdminProductListQueryDto): Promise<Page<AdminProductSummaryDto>> {
    return this.admin.listProducts(query);
  }

  @Get('products/:id')
  @ApiOperation({
    summary: 'One product with its SKUs',
    description: 'Everything the edit form shows, including `version`, which the form sends back with its edit.',
  })
  @ApiOkResponse({ description: 'AdminProductDto' })
  @ApiNotFoundResponse({ description: 'PRODUCT_NOT_FOUND' })
  getProduct(@Param('id', new IdParamPipe()) id: number): Promise<AdminProductDto> {
    return this.admin.getProduct(id);
  }

  @Post('products')
  @ApiOperation({
    summary: 'Creates a product with its SKUs',
    description:
      'Title, category, images (the first is the cover), description and at least one SKU (spec combination, ' +
      'price in fen, opening stock, code unique across the brand). On the shelf unless status says OFF_SALE. ' +
      'Audited as product.create.',
  })
  @ApiOkResponse({ description: 'AdminProductDto (201)' })
  @ApiNotFoundResponse({ description: 'CATEGORY_NOT_FOUND' })
  @ApiConflictResponse({ description: 'SKU_CODE_TAKEN' })
  createProduct(@Body() body: ProductCreateDto, @CurrentUser() principal: Principal): Promise<AdminProductDto> {
    return this.admin.createProduct(principal, body);
  }

  @Patch('products/:id')
  @ApiOperation({
    summary: 'Edits a product and its SKUs, or puts it on or off the shelf',
    description:
      'Only the fields given change. `skus` edits the listed SKUs (with id) and adds new ones (without); stock is ' +
      'never set here. With `version` (the one the form loaded) an edit over someone else’s is refused with 409 ' +
      'PRODUCT_STALE and nothing changes. status ON_SALE/OFF_SALE alone is audited as product.publish / ' +
      'product.unpublish, anything else as product.update.',
  })
  @ApiOkResponse({ description: 'AdminProductDto' })
  @ApiNotFoundResponse({ description: 'PRODUCT_NOT_FOUND, CATEGORY_NOT_FOUND, SKU_NOT_FOUND' })
  @ApiConflictResponse({ description: 'PRODUCT_STALE, SKU_CODE_TAKEN, SKU_SPECS_TAKEN' })
  updateProduct(
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: ProductUpdateDto,
    @CurrentUser() principal: Principal,
  ): Promise<AdminProductDto> {
    return this.admin.updateProduct(principal, id, body);
  }

  @Post('products/:id/skus')
  @ApiOperation({
    summary: 'Adds a SKU to a product',
    description: 'A new spec combination with its price, code and opening stock; audited as sku.create.',
  })
  @ApiOkResponse({ description: 'AdminSkuDto (201)' })
  @ApiNotFoundResponse({ description: 'PRODUCT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'SKU_CODE_TAKEN, SKU_SPECS_TAKEN' })
  addSku(
    @Param('id', new IdParamPipe()) productId: number,
    @Body() body: SkuCreateDto,
    @CurrentUser() principal: Principal,
  ): Promise<AdminSkuDto> {
    return this.admin.addSku(principal, productId, body);
  }

  @Patch('skus/:id')
  @ApiOperation({
    summary: 'Edits a SKU',
    description: 'Code, specs, price or sort (stock changes by adjustment only); audited as sku.update.',
  })
  @ApiOkResponse({ description: 'AdminSkuDto (stock is changed by stock-adjustments only)' })
  @ApiNotFoundResponse({ description: 'SKU_NOT_FOUND' })
  @ApiConflictResponse({ description: 'SKU_CODE_TAKEN, SKU_SPECS_TAKEN' })
  updateSku(
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: SkuUpdateDto,
    @CurrentUser() principal: Principal,
  ): Promise<AdminSkuDto> {
    return this.admin.updateSku(principal, id, body);
  }

  @Post('skus/:id/stock-adjustments')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Adjusts a SKU’s stock by a delta, with a reason',
    description:
      'Adds `delta` units (negative takes away) in one conditional UPDATE, so concurrent sales are never ' +
      'overwritten; the stock stays within 0..max. The required reason is kept on the product.stock_adjust audit entry of its product.',
  })
  @ApiOkResponse({ description: 'StockAdjustmentResponse: the stock right after this adjustment' })
  @ApiNotFoundResponse({ description: 'SKU_NOT_FOUND' })
  @ApiConflictResponse({ description: 'STOCK_OUT_OF_RANGE: the stock would drop below 0 or exceed the maximum' })
  adjustStock(
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: StockAdjustmentDto,
    @CurrentUser() principal: Principal,
  ): Promise<StockAdjustmentResponse> {
    return this.admin.adjustStock(principal, id, body);
  }
}
