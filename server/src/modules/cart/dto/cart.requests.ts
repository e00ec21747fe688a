import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CART_MAX_LINES,
  CART_MAX_QUANTITY,
  CART_MERGE_ID_PATTERN,
  type CartItemAddRequest,
  type CartItemPutRequest,
  type CartMergeItem,
  type CartMergeRequest,
  type CartSelectRequest,
} from '@tidepool/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const MAX_ID = 2_147_483_647;

export class CartItemPutDto implements CartItemPutRequest {
  @ApiProperty({ minimum: 0, maximum: CART_MAX_QUANTITY, description: '0 removes the line' })
  @IsInt()
  @Min(0)
  @Max(CART_MAX_QUANTITY)
  quantity: number;

  @ApiPropertyOptional({ description: 'Ticked for checkout; a new line is ticked unless told otherwise' })
  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @IsBoolean()
  selected?: boolean;
}

export class CartItemAddDto implements CartItemAddRequest {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  skuId: number;

  @ApiProperty({ minimum: 1, maximum: CART_MAX_QUANTITY })
  @IsInt()
  @Min(1)
  @Max(CART_MAX_QUANTITY)
  quantity: number;
}

export class CartSelectDto implements CartSelectRequest {
  @ApiProperty({ type: [Number], minItems: 1, maxItems: CART_MAX_LINES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CART_MAX_LINES)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  skuIds: number[];

  @ApiProperty()
  @IsBoolean()
  selected: boolean;
}

export class CartMergeItemDto implements CartMergeItem {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  skuId: number;

  @ApiProperty({ minimum: 1, maximum: CART_MAX_QUANTITY })
  @IsInt()
  @Min(1)
  @Max(CART_MAX_QUANTITY)
  quantity: number;
}

export class CartMergeDto implements CartMergeRequest {
  @ApiProperty({ description: 'Made once per guest cart; the same id on a retry', example: 'g-4f9c2a1b7d' })
  @IsString()
  @Matches(CART_MERGE_ID_PATTERN)
  mergeId: string;

  @ApiProperty({ type: [CartMergeItemDto], maxItems: CART_MAX_LINES })
  @IsArray()
  @ArrayMaxSize(CART_MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => CartMergeItemDto)
  items: CartMergeItemDto[];
}
