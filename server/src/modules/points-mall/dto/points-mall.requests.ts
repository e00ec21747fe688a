import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AdjustGiftStockRequest,
  type AdminGiftListQuery,
  type AdminRedemptionListQuery,
  REDEMPTION_STATUSES,
  type RedemptionStatus,
  type ShipRedemptionRequest,
  TRACKING_NO_PATTERN,
  CLIENT_REQUEST_ID_PATTERN,
  type CreateGiftRequest,
  type CreateRedemptionRequest,
  GIFT_FULFILMENTS,
  type GiftFulfilment,
  type GiftPickupRequest,
  type UpdateGiftRequest,
} from '@tidepool/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  NotEquals,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { ShippingAddressDto } from '../../../common/http/shipping-address.dto';

const MAX_INT = 2_147_483_647;
/** Points prices and stock stay far inside INT UNSIGNED and JavaScript's safe integers. */
const MAX_POINTS_PRICE = 10_000_000;
const MAX_STOCK = 1_000_000;
/** A served asset (no `..`) or an https URL. */
const IMAGE_URL = /^(\/static\/(?!.*\.\.)[A-Za-z0-9/_.-]+|https:\/\/[^\s]+)$/;

export class CreateRedemptionDto implements CreateRedemptionRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  giftId: number;

  @ApiProperty({ description: 'Made once per attempt, reused on its retries', example: 'r-1732500000000-a1b2c3' })
  @IsString()
  @Matches(CLIENT_REQUEST_ID_PATTERN)
  clientRequestId: string;

  @ApiProperty({ enum: GIFT_FULFILMENTS })
  @IsIn(GIFT_FULFILMENTS)
  fulfilment: GiftFulfilment;

  @ApiPropertyOptional({ type: ShippingAddressDto, description: 'Required for SHIP' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ShippingAddressDto)
  address?: ShippingAddressDto;
}

export class GiftPickupDto implements GiftPickupRequest {
  @ApiProperty({ description: 'The 10-character pickup code (case, spaces and dashes ignored)' })
  @IsString()
  @Length(1, 32)
  pickupCode: string;
}

export class UpdateGiftDto implements UpdateGiftRequest {
  @ApiProperty()
  @IsString()
  @Length(1, 64)
  name: string;

  @ApiProperty()
  @IsString()
  @Length(0, 500)
  description: string;

  @ApiProperty({ example: '/static/demo/gifts/tote-bag.svg' })
  @IsString()
  @Length(1, 255)
  @Matches(IMAGE_URL, { message: 'imageUrl must be a /static/ path or an https URL' })
  imageUrl: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_POINTS_PRICE)
  pointsPrice: number;

  @ApiProperty({ enum: GIFT_FULFILMENTS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(GIFT_FULFILMENTS.length)
  @ArrayUnique()
  @IsIn(GIFT_FULFILMENTS, { each: true })
  fulfilments: GiftFulfilment[];

  @ApiProperty()
  @IsBoolean()
  active: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(-100_000)
  @Max(100_000)
  sort?: number;
}

export class CreateGiftDto extends UpdateGiftDto implements CreateGiftRequest {
  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  stock: number;
}

export class AdjustGiftStockDto implements AdjustGiftStockRequest {
  @ApiProperty({ description: 'Units to add (positive) or remove (negative)' })
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_STOCK)
  @Max(MAX_STOCK)
  delta: number;
}

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AdminGiftListQueryDto extends PageQueryDto implements AdminGiftListQuery {
  @ApiPropertyOptional({ maxLength: 32, description: 'Part of the gift name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 32)
  keyword?: string;

  @ApiPropertyOptional({ description: 'true: on the shelf; false: off it' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class AdminRedemptionListQueryDto extends PageQueryDto implements AdminRedemptionListQuery {
  @ApiPropertyOptional({ enum: REDEMPTION_STATUSES })
  @IsOptional()
  @IsIn(REDEMPTION_STATUSES)
  status?: RedemptionStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  giftId?: number;

  @ApiPropertyOptional({ enum: GIFT_FULFILMENTS })
  @IsOptional()
  @IsIn(GIFT_FULFILMENTS)
  fulfilment?: GiftFulfilment;

  @ApiPropertyOptional({ description: "The member's full mobile number (11 digits), matched exactly" })
  @IsOptional()
  @Transform(trim)
  @Matches(/^1\d{10}$/, { message: 'phone must be an 11-digit mobile number' })
  phone?: string;

  @ApiPropertyOptional({ description: 'Created at or after (ISO)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Created before (ISO)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class ShipRedemptionDto implements ShipRedemptionRequest {
  @ApiProperty({ description: '快递公司, e.g. 顺丰速运', minLength: 1, maxLength: 20 })
  @IsString()
  @Length(1, 20)
  @Matches(/\S/, { message: 'carrier must not be blank' })
  carrier: string;

  @ApiProperty({ description: '运单号: 6–40 letters, digits or dashes', example: 'SF1234567890' })
  @IsString()
  @Matches(TRACKING_NO_PATTERN, { message: 'trackingNo must be 6-40 letters, digits or dashes' })
  trackingNo: string;
}
