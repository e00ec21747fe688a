import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CheckoutLineInput,
  type CheckoutQuoteRequest,
  type CreateOrderRequest,
  type Fulfilment,
  ORDER_STATES,
  type OrderState,
  type OrderPickupRequest,
  type RequestRefundRequest,
  type ShipOrderRequest,
  TRACKING_NO_PATTERN,
} from '@tidepool/shared';
import { Type } from 'class-transformer';
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
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { ShippingAddressDto } from '../../../common/http/shipping-address.dto';

export class CheckoutLineDto implements CheckoutLineInput {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  skuId: number;

  @ApiProperty({ minimum: 1, maximum: 99 })
  @IsInt()
  @Min(1)
  @Max(99)
  quantity: number;
}

export class CheckoutQuoteDto implements CheckoutQuoteRequest {
  @ApiProperty({ type: [CheckoutLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CheckoutLineDto)
  lines: CheckoutLineDto[];

  @ApiPropertyOptional({ type: [Number], description: 'Omit to apply the best combination' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  couponIds?: number[];
}

/** How an order reaches the member: shipped to an address, or picked up at a store (checked by the service). */
export class FulfilmentDto {
  @ApiProperty({ enum: ['SHIP', 'PICKUP'] })
  @IsIn(['SHIP', 'PICKUP'])
  fulfilment: Fulfilment;

  @ApiPropertyOptional({ type: ShippingAddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ShippingAddressDto)
  address?: ShippingAddressDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  pickupStoreId?: number;
}

export class CreateOrderDto extends FulfilmentDto implements CreateOrderRequest {
  @ApiProperty({ description: 'Made once per checkout attempt and reused on retries' })
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  clientOrderId: string;

  @ApiProperty({ type: [CheckoutLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CheckoutLineDto)
  lines: CheckoutLineDto[];

  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  couponIds: number[];

  @ApiProperty()
  @IsInt()
  @Min(0)
  expectedPayableFen: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 200)
  remark?: string;
}

export class OrderListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_STATES })
  @IsOptional()
  @IsIn(ORDER_STATES)
  state?: OrderState;
}

export class RequestRefundDto implements RequestRefundRequest {
  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(1, { each: true })
  lineIds: number[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 200)
  reason?: string;
}

export class ShipOrderDto implements ShipOrderRequest {
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

export class OrderPickupDto implements OrderPickupRequest {
  @ApiProperty({ description: 'The order’s 12-digit pickup code (spaces and dashes ignored)' })
  @IsString()
  @Length(1, 32)
  pickupCode: string;
}
