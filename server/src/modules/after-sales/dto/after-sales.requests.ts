import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AFTER_SALE_PHOTO_RULES,
  AFTER_SALE_REASON_CODES,
  AFTER_SALE_STATES,
  AFTER_SALE_TEXT_LIMITS,
  AFTER_SALE_TYPES,
  type AdminAfterSaleListQuery,
  type AfterSaleLineRequest,
  type AfterSaleReasonCode,
  type AfterSaleState,
  type AfterSaleType,
  type ApplyAfterSaleRequest,
  type RejectAfterSaleRequest,
  type SubmitReturnParcelRequest,
} from '@tidepool/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

const MAX_ID = 2_147_483_647;

export class AfterSaleLineDto implements AfterSaleLineRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  lineId: number;

  @ApiProperty({ minimum: 1, maximum: 99 })
  @IsInt()
  @Min(1)
  @Max(99)
  quantity: number;
}

export class ApplyAfterSaleDto implements ApplyAfterSaleRequest {
  @ApiProperty({ description: 'Client-made id; a retried submit with it answers the same after-sales' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  clientRequestId: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  orderId: number;

  @ApiProperty({ enum: AFTER_SALE_TYPES })
  @IsIn(AFTER_SALE_TYPES)
  type: AfterSaleType;

  @ApiProperty({ enum: AFTER_SALE_REASON_CODES })
  @IsIn(AFTER_SALE_REASON_CODES)
  reasonCode: AfterSaleReasonCode;

  @ApiPropertyOptional({ maxLength: AFTER_SALE_TEXT_LIMITS.reasonText })
  @IsOptional()
  @IsString()
  @Length(0, AFTER_SALE_TEXT_LIMITS.reasonText)
  reasonText?: string;

  @ApiPropertyOptional({ type: [Number], maxItems: AFTER_SALE_PHOTO_RULES.maxPerApplication })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AFTER_SALE_PHOTO_RULES.maxPerApplication)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  photoIds?: number[];

  @ApiProperty({ type: [AfterSaleLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AfterSaleLineDto)
  lines: AfterSaleLineDto[];
}

export class SubmitReturnParcelDto implements SubmitReturnParcelRequest {
  @ApiProperty({ maxLength: AFTER_SALE_TEXT_LIMITS.carrier })
  @IsString()
  @Length(1, AFTER_SALE_TEXT_LIMITS.carrier)
  carrier: string;

  @ApiProperty({ maxLength: AFTER_SALE_TEXT_LIMITS.trackingNo })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{4,40}$/)
  trackingNo: string;
}

export class RejectAfterSaleDto implements RejectAfterSaleRequest {
  @ApiProperty({ maxLength: AFTER_SALE_TEXT_LIMITS.rejectReason })
  @IsString()
  @Length(1, AFTER_SALE_TEXT_LIMITS.rejectReason)
  @Matches(/\S/)
  reason: string;
}

export class AfterSaleListQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  orderId?: number;
}

export class AdminAfterSaleListQueryDto
  extends PageQueryDto
  implements Omit<AdminAfterSaleListQuery, 'page' | 'pageSize'>
{
  @ApiPropertyOptional({ enum: AFTER_SALE_STATES })
  @IsOptional()
  @IsIn(AFTER_SALE_STATES)
  state?: AfterSaleState;

  @ApiPropertyOptional({ enum: AFTER_SALE_TYPES })
  @IsOptional()
  @IsIn(AFTER_SALE_TYPES)
  type?: AfterSaleType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,32}$/)
  orderNo?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  memberId?: number;

  @ApiPropertyOptional({ description: 'createdAt ≥ from (ISO instant)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'createdAt < to (ISO instant)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
