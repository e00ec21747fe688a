import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AdminCancelOrderRequest,
  type AdminOrderListQuery,
  type Fulfilment,
  ORDER_STATES,
  type OrderState,
} from '@tidepool/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

const MAX_ID = 2_147_483_647;

/** The filters of the console's order list and its CSV export (pagination is ignored by the export). */
export class AdminOrderListQueryDto extends PageQueryDto implements AdminOrderListQuery {
  @ApiPropertyOptional({ enum: ORDER_STATES })
  @IsOptional()
  @IsIn(ORDER_STATES)
  state?: OrderState;

  @ApiPropertyOptional({ enum: ['SHIP', 'PICKUP'], description: 'SHIP = 快递配送, PICKUP = 到店自提' })
  @IsOptional()
  @IsIn(['SHIP', 'PICKUP'])
  fulfilment?: Fulfilment;

  @ApiPropertyOptional({ description: 'Orders of this (pickup) store; ignored for a store manager (always theirs)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  storeId?: number;

  @ApiPropertyOptional({ description: 'Created at or after this UTC ISO instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Created before this UTC ISO instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'The exact order number' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9]{1,32}$/, { message: 'orderNo must be 1-32 letters or digits' })
  orderNo?: string;

  @ApiPropertyOptional({ description: "The member's full 11-digit phone number (answers mask it)" })
  @IsOptional()
  @IsString()
  @Matches(/^1\d{10}$/, { message: 'phone must be an 11-digit mobile number' })
  phone?: string;
}

export class AdminCancelOrderDto implements AdminCancelOrderRequest {
  @ApiProperty({ description: 'Why the order is cancelled (kept on the order and in the audit trail)', maxLength: 60 })
  @IsString()
  @Length(1, 60)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}
