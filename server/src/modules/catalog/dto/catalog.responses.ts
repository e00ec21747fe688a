import { ApiProperty } from '@nestjs/swagger';
import type {
  CategoryDto,
  Fen,
  Page,
  ProductDetailDto,
  ProductSummaryDto,
  SkuDto,
  SkuLookupItemDto,
} from '@tidepool/shared';

// Classes only so the OpenAPI document describes the shapes; the shared interfaces are the contract.

export class CategoryResponse implements CategoryDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() iconUrl: string;
  @ApiProperty() sort: number;
}

export class ProductSummaryResponse implements ProductSummaryDto {
  @ApiProperty() id: number;
  @ApiProperty() categoryId: number;
  @ApiProperty() name: string;
  @ApiProperty() subtitle: string;
  @ApiProperty() coverUrl: string;
  @ApiProperty({ description: 'Lowest SKU price in fen' }) priceFen: Fen;
  @ApiProperty({ type: Number, nullable: true, description: 'Strike-through price in fen' })
  originalPriceFen: Fen | null;
  @ApiProperty() sales: number;
  @ApiProperty({ type: [String], example: ['zone-2for79'] }) promotionTags: string[];
}

export class ProductPageResponse implements Page<ProductSummaryDto> {
  @ApiProperty({ type: [ProductSummaryResponse] }) items: ProductSummaryResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
  @ApiProperty() hasMore: boolean;
}

export class SkuResponse implements SkuDto {
  @ApiProperty() id: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) specs: Record<string, string>;
  @ApiProperty({ description: 'Price in fen' }) priceFen: Fen;
  @ApiProperty() stock: number;
}

export class ProductDetailResponse extends ProductSummaryResponse implements ProductDetailDto {
  @ApiProperty() categoryName: string;
  @ApiProperty({ type: [String] }) images: string[];
  @ApiProperty() description: string;
  @ApiProperty({ type: [SkuResponse] }) skus: SkuResponse[];
}

export class SkuLookupItemResponse implements SkuLookupItemDto {
  @ApiProperty() skuId: number;
  @ApiProperty() productId: number;
  @ApiProperty() categoryId: number;
  @ApiProperty() productName: string;
  @ApiProperty() coverUrl: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) specs: Record<string, string>;
  @ApiProperty({ description: 'Price in fen' }) priceFen: Fen;
  @ApiProperty() stock: number;
  @ApiProperty({ description: 'False when the product is off sale' }) onSale: boolean;
  @ApiProperty({ type: [String], description: 'Item-promotion tags, e.g. zone-2for79' }) promotionTags: string[];
}
