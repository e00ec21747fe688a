import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COUPON_WALLET_STATUSES,
  type CouponClaimSettingsRequest,
  type CouponScope,
  type CouponTemplateRequest,
  type CouponWalletStatus,
  type IssueCouponsRequest,
} from '@tidepool/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

export class CouponWalletQueryDto {
  @ApiPropertyOptional({ enum: COUPON_WALLET_STATUSES })
  @IsOptional()
  @IsIn(COUPON_WALLET_STATUSES)
  status?: CouponWalletStatus;
}

export class CouponTemplateDto implements CouponTemplateRequest {
  @ApiProperty({ example: 'SPRING_50_10' })
  @Matches(/^[A-Z][A-Z0-9_]{1,31}$/)
  code: string;

  @ApiProperty({ example: '满50减10' })
  @IsString()
  @Matches(/^.{1,64}$/u)
  name: string;

  @ApiProperty({ enum: ['AMOUNT_OFF', 'PERCENT'] })
  @IsIn(['AMOUNT_OFF', 'PERCENT'])
  kind: 'AMOUNT_OFF' | 'PERCENT';

  @ApiPropertyOptional()
  @ValidateIf((o: CouponTemplateDto) => o.kind === 'AMOUNT_OFF')
  @IsInt()
  @Min(1)
  @Max(100_000_00)
  amountOffFen?: number;

  @ApiPropertyOptional({ description: 'Basis points of the price paid: 8800 = 88折' })
  @ValidateIf((o: CouponTemplateDto) => o.kind === 'PERCENT')
  @IsInt()
  @Min(1)
  @Max(9999)
  payRateBp?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  maxDiscountFen?: number | null;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(100_000_00)
  thresholdFen: number;

  @ApiProperty({ example: { kind: 'ALL' } })
  @IsObject()
  scope: CouponScope;

  @ApiProperty({ enum: ['EXCLUSIVE', 'STACKABLE'] })
  @IsIn(['EXCLUSIVE', 'STACKABLE'])
  stacking: 'EXCLUSIVE' | 'STACKABLE';

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(3650)
  validDays: number;
}

export class IssueCouponsDto implements IssueCouponsRequest {
  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Type(() => Number)
  @IsInt({ each: true })
  @Min(1, { each: true })
  memberIds: number[];

  @ApiProperty({ example: 'winback-2026-11' })
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  batch: string;
}

export class CouponClaimSettingsDto implements CouponClaimSettingsRequest {
  @ApiProperty({ description: 'Shown in the coupon centre (领券中心)' })
  @IsBoolean()
  claimable: boolean;

  @ApiProperty({ minimum: 1, maximum: 100, example: 1 })
  @IsInt()
  @Min(1)
  @Max(100)
  perMemberLimit: number;

  @ApiProperty({ minimum: 1, maximum: 10_000_000, nullable: true, example: 500, description: 'null = no limit' })
  @ValidateIf((o: CouponClaimSettingsDto) => o.totalStock !== null)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  totalStock: number | null;
}
