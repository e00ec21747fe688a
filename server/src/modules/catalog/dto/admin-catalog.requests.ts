import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AdminProductListQuery,
  CATALOG_LIMITS,
  type CategoryCreateRequest,
  type CategoryUpdateRequest,
  PRODUCT_STATUSES,
  type ProductCreateRequest,
  type ProductSkuEdit,
  type ProductStatus,
  type ProductUpdateRequest,
  PROMOTION_TAG_PATTERN,
  type SkuCreateRequest,
  type SkuUpdateRequest,
  type StockAdjustmentRequest,
} from '@tidepool/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  NotEquals,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

const MAX_INT = 2_147_483_647;
/** A server-relative path (`/static/…`, not `//host`) or an https URL. */
const IMAGE_URL = /^(\/(?!\/)|https:\/\/)\S{1,250}$/;
const SKU_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Optional, but not nullable: an absent field is skipped, an explicit null is refused by the rules that follow. */
const IfGiven = () => ValidateIf((_o: object, value: unknown) => value !== undefined);

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const chars = (text: string) => [...text].length;

/** Spec values such as { "颜色": "粉色", "尺寸": "大号" }: at most 3 keys of 1-8 characters, values of 1-16. */
export function isSpecs(value: unknown): value is Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value as Record<string, unknown>);
  return (
    entries.length <= CATALOG_LIMITS.maxSpecKeys &&
    entries.every(
      ([key, v]) =>
        key === key.trim() &&
        chars(key) >= 1 &&
        chars(key) <= 8 &&
        typeof v === 'string' &&
        v === v.trim() &&
        chars(v) >= 1 &&
        chars(v) <= 16,
    )
  );
}

const IsSpecs = () =>
  ValidateBy({
    name: 'isSpecs',
    validator: {
      validate: (value: unknown) => isSpecs(value),
      defaultMessage: () =>
        `specs must map at most ${CATALOG_LIMITS.maxSpecKeys} names (1-8 characters) to values (1-16 characters)`,
    },
  });

// --- categories ----------------------------------------------------------------------------------------------

export class CategoryCreateDto implements CategoryCreateRequest {
  @ApiProperty({ example: '香氛蜡烛', maxLength: 32 })
  @Transform(trim)
  @IsString()
  @Length(1, 32)
  name: string;

  @ApiPropertyOptional({ example: '/static/demo/categories/fragrance.svg' })
  @IfGiven()
  @IsString()
  @Matches(IMAGE_URL)
  iconUrl?: string;

  @ApiPropertyOptional({ description: 'Lower comes first' })
  @IfGiven()
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  sort?: number;
}

export class CategoryUpdateDto implements CategoryUpdateRequest {
  @ApiPropertyOptional({ maxLength: 32 })
  @IfGiven()
  @Transform(trim)
  @IsString()
  @Length(1, 32)
  name?: string;

  @ApiPropertyOptional()
  @IfGiven()
  @IsString()
  @Matches(IMAGE_URL)
  iconUrl?: string;

  @ApiPropertyOptional()
  @IfGiven()
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  sort?: number;
}

// --- SKUs -------------------------------------------------------------------------------------------------------

export class SkuCreateDto implements SkuCreateRequest {
  @ApiProperty({ example: 'CANDLE-OCEAN-200G' })
  @IsString()
  @Matches(SKU_CODE)
  code: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { 规格: '200g' } })
  @IsSpecs()
  specs: Record<string, string>;

  @ApiProperty({ description: 'Price in fen', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(CATALOG_LIMITS.maxPriceFen)
  priceFen: number;

  @ApiProperty({ description: 'Opening stock', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(CATALOG_LIMITS.maxStock)
  stock: number;

  @ApiPropertyOptional()
  @IfGiven()
  @IsInt()
  @Min(0)
  @Max(1000)
  sort?: number;
}

export class SkuUpdateDto implements SkuUpdateRequest {
  @ApiPropertyOptional()
  @IfGiven()
  @IsString()
  @Matches(SKU_CODE)
  code?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IfGiven()
  @IsSpecs()
  specs?: Record<string, string>;

  @ApiPropertyOptional({ description: 'Price in fen' })
  @IfGiven()
  @IsInt()
  @Min(1)
  @Max(CATALOG_LIMITS.maxPriceFen)
  priceFen?: number;

  @ApiPropertyOptional()
  @IfGiven()
  @IsInt()
  @Min(0)
  @Max(1000)
  sort?: number;
}

export class StockAdjustmentDto implements StockAdjustmentRequest {
  @ApiProperty({ description: 'Units to add; negative to take away; never 0', example: -3 })
  @IsInt()
  @NotEquals(0)
  @Min(-CATALOG_LIMITS.maxStock)
  @Max(CATALOG_LIMITS.maxStock)
  delta: number;

  @ApiProperty({ description: 'Why the stock changed (盘点, 报损, 到货…); kept on the audit entry', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  reason: string;
}

// --- products ---------------------------------------------------------------------------------------------------

// Each field's rules once; the create DTO requires some of them, the update DTO none (PATCH: only what is given).
const ProductField = {
  categoryId: () => applyDecorators(IsInt(), Min(1), Max(MAX_INT)),
  name: () => applyDecorators(Transform(trim), IsString(), Length(1, 64)),
  subtitle: () => applyDecorators(Transform(trim), IsString(), Length(0, 128)),
  description: () => applyDecorators(IsString(), Length(0, 5000)),
  images: () =>
    applyDecorators(
      IsArray(),
      ArrayMinSize(1),
      ArrayMaxSize(CATALOG_LIMITS.maxImages),
      IsString({ each: true }),
      Matches(IMAGE_URL, { each: true }),
    ),
  status: () => IsIn(PRODUCT_STATUSES),
  promotionTags: () =>
    applyDecorators(
      IsArray(),
      ArrayMaxSize(CATALOG_LIMITS.maxPromotionTags),
      IsString({ each: true }),
      Matches(PROMOTION_TAG_PATTERN, { each: true }),
    ),
  /** Nullable (null removes the strike-through price): paired with IsOptional, not IfGiven. */
  originalPriceFen: () => applyDecorators(IsInt(), Min(1), Max(CATALOG_LIMITS.maxPriceFen)),
  sort: () => applyDecorators(IsInt(), Min(-1_000_000), Max(1_000_000)),
};

export class ProductCreateDto implements ProductCreateRequest {
  @ApiProperty({ minimum: 1 })
  @ProductField.categoryId()
  categoryId: number;

  @ApiProperty({ maxLength: 64 })
  @ProductField.name()
  name: string;

  @ApiPropertyOptional({ maxLength: 128 })
  @IfGiven()
  @ProductField.subtitle()
  subtitle?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IfGiven()
  @ProductField.description()
  description?: string;

  @ApiProperty({ type: [String], description: 'The first image is the cover', maxItems: CATALOG_LIMITS.maxImages })
  @ProductField.images()
  images: string[];

  @ApiPropertyOptional({ enum: PRODUCT_STATUSES, default: 'ON_SALE' })
  @IfGiven()
  @ProductField.status()
  status?: ProductStatus;

  @ApiPropertyOptional({ type: [String], example: ['zone-2for79'] })
  @IfGiven()
  @ProductField.promotionTags()
  promotionTags?: string[];

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Strike-through price in fen' })
  @IsOptional()
  @ProductField.originalPriceFen()
  originalPriceFen?: number | null;

  @ApiPropertyOptional({ description: 'Lower comes first' })
  @IfGiven()
  @ProductField.sort()
  sort?: number;

  @ApiProperty({ type: [SkuCreateDto], minItems: 1, maxItems: CATALOG_LIMITS.maxSkusPerProduct })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CATALOG_LIMITS.maxSkusPerProduct)
  @ValidateNested({ each: true })
  @Type(() => SkuCreateDto)
  skus: SkuCreateDto[];
}

export class ProductSkuEditDto implements ProductSkuEdit {
  @ApiPropertyOptional({ description: 'An existing SKU of this product; absent for a new one' })
  @IfGiven()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  id?: number;

  @ApiProperty({ example: 'CANDLE-OCEAN-200G' })
  @IsString()
  @Matches(SKU_CODE)
  code: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { 规格: '200g' } })
  @IsSpecs()
  specs: Record<string, string>;

  @ApiProperty({ description: 'Price in fen', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(CATALOG_LIMITS.maxPriceFen)
  priceFen: number;

  @ApiPropertyOptional({ description: 'Opening stock of a new SKU; ignored for an existing one', minimum: 0 })
  @IfGiven()
  @IsInt()
  @Min(0)
  @Max(CATALOG_LIMITS.maxStock)
  stock?: number;

  @ApiPropertyOptional()
  @IfGiven()
  @IsInt()
  @Min(0)
  @Max(1000)
  sort?: number;
}

export class ProductUpdateDto implements ProductUpdateRequest {
  @ApiPropertyOptional({
    description: 'The version the editor loaded; when given and no longer current the answer is 409 PRODUCT_STALE',
  })
  @IfGiven()
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  version?: number;

  @ApiPropertyOptional({
    type: [ProductSkuEditDto],
    description: 'SKUs to edit (with id) or add (without); SKUs not listed stay as they are',
    maxItems: CATALOG_LIMITS.maxSkusPerProduct,
  })
  @IfGiven()
  @IsArray()
  @ArrayMaxSize(CATALOG_LIMITS.maxSkusPerProduct)
  @ValidateNested({ each: true })
  @Type(() => ProductSkuEditDto)
  skus?: ProductSkuEditDto[];

  @ApiPropertyOptional({ minimum: 1 })
  @IfGiven()
  @ProductField.categoryId()
  categoryId?: number;

  @ApiPropertyOptional({ maxLength: 64 })
  @IfGiven()
  @ProductField.name()
  name?: string;

  @ApiPropertyOptional({ maxLength: 128 })
  @IfGiven()
  @ProductField.subtitle()
  subtitle?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IfGiven()
  @ProductField.description()
  description?: string;

  @ApiPropertyOptional({ type: [String], description: 'The first image is the cover' })
  @IfGiven()
  @ProductField.images()
  images?: string[];

  @ApiPropertyOptional({ enum: PRODUCT_STATUSES, description: '上架 ON_SALE / 下架 OFF_SALE' })
  @IfGiven()
  @ProductField.status()
  status?: ProductStatus;

  @ApiPropertyOptional({ type: [String], example: ['zone-2for79'] })
  @IfGiven()
  @ProductField.promotionTags()
  promotionTags?: string[];

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Strike-through price in fen; null removes it' })
  @IsOptional()
  @ProductField.originalPriceFen()
  originalPriceFen?: number | null;

  @ApiPropertyOptional({ description: 'Lower comes first' })
  @IfGiven()
  @ProductField.sort()
  sort?: number;
}

export class AdminProductListQueryDto extends PageQueryDto implements AdminProductListQuery {
  @ApiPropertyOptional({ enum: PRODUCT_STATUSES })
  @IsOptional()
  @IsIn(PRODUCT_STATUSES)
  status?: ProductStatus;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  categoryId?: number;

  @ApiPropertyOptional({ maxLength: 32, description: 'Matches names and subtitles, and SKU codes' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 32)
  keyword?: string;
}
