import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AdjustGiftStockRequest,
  CLIENT_REQUEST_ID_PATTERN,
  type CreateGiftRequest,
  type CreateRedemptionRequest,
  GIFT_FULFILMENTS,
  type GiftFulfilment,
  type GiftPickupRequest,
  type UpdateGiftRequest,
} from '@tidepool/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
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
