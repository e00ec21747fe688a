import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUPON_WALLET_STATUSES, type CouponClaimSettingsRequest, type CouponWalletStatus } from '@tidepool/shared';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';

export class CouponWalletQueryDto {
  @ApiPropertyOptional({ enum: COUPON_WALLET_STATUSES })
  @IsOptional()
  @IsIn(COUPON_WALLET_STATUSES)
  status?: CouponWalletStatus;
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
