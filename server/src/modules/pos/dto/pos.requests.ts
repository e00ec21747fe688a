import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  TILL_PAYMENT_METHOD_CHOICES,
  type TillItem,
  type TillPaymentMethod,
  type TillPurchaseRequest,
  type TillQuoteRequest,
} from '@tidepool/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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

const MAX_TILL_FEN = 100_000_00; // ¥100,000: a till sale above that is a typo
/** What a cashier may record; UNSPECIFIED is only ever the absence of a choice. */
const CHOOSABLE_PAYMENT_METHODS = TILL_PAYMENT_METHOD_CHOICES.map((c) => c.method);

export class TillQuoteDto implements TillQuoteRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  scanId: number;

  @ApiProperty({ description: 'Till total before member discounts, integer fen' })
  @IsInt()
  @Min(1)
  @Max(MAX_TILL_FEN)
  amountFen: number;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  couponIds?: number[];
}

export class TillItemDto implements TillItem {
  @ApiProperty()
  @IsString()
  @Length(1, 64)
  name: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(999)
  quantity: number;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(MAX_TILL_FEN)
  amountFen: number;
}

export class TillPurchaseDto extends TillQuoteDto implements TillPurchaseRequest {
  @ApiProperty({ example: 'till-3f9a2c1e7b' })
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  clientId: string;

  @ApiPropertyOptional({ description: 'The payable the cashier confirmed (PRICE_CHANGED if it moved)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_TILL_FEN)
  expectedPayableFen?: number;

  @ApiPropertyOptional({
    enum: CHOOSABLE_PAYMENT_METHODS,
    description: 'How the shopper paid (微信支付 / 支付宝 / 现金 / 银行卡); absent is recorded as UNSPECIFIED',
  })
  @IsOptional()
  @IsIn(CHOOSABLE_PAYMENT_METHODS)
  paymentMethod?: TillPaymentMethod;

  @ApiPropertyOptional({ type: [TillItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TillItemDto)
  items?: TillItemDto[];
}
