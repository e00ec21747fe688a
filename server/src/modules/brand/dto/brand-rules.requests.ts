import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  TIER_CODES,
  type BrandRulesDraft,
  type BrandRulesPreviewRequest,
  type CreateBrandRuleVersionRequest,
  type DistributionMoneyRules,
  MAX_COMMISSION_PAIR_BP,
  type SignupGiftRule,
  type TierCode,
} from '@tidepool/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const MAX_FEN = 100_000_000;

export class TierDraftDto {
  @ApiProperty({ enum: TIER_CODES })
  @IsIn(TIER_CODES)
  code: TierCode;

  @ApiProperty({ example: '银卡' })
  @IsString()
  @MaxLength(16)
  name: string;

  @ApiProperty({ description: 'Lowest growth value of the tier; the first tier starts at 0' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  minGrowth: number;

  @ApiProperty({ description: 'Points per yuan paid, in tenths (15 = 1.5 points per yuan)' })
  @IsInt()
  @Min(0)
  @Max(1000)
  pointsPerYuanTenths: number;

  @ApiProperty({ description: 'Member-day discount of this tier, fen; at most the member-day threshold' })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  memberDayDiscountFen: number;
}

export class MemberDayDraftDto {
  @ApiProperty({ description: '0 = Sunday … 6 = Saturday' })
  @IsInt()
  @Min(0)
  @Max(6)
  weekday: number;

  @ApiProperty({ description: 'Spend at least this (fen) for the tier discount' })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  thresholdFen: number;
}

export class DistributionMoneyRulesDto implements DistributionMoneyRules {
  @ApiProperty({ description: 'Direct commission, basis points (1000 = 10%); direct + indirect ≤ 5000' })
  @IsInt()
  @Min(0)
  @Max(MAX_COMMISSION_PAIR_BP)
  directRateBp: number;

  @ApiProperty({ description: 'Indirect (inviter’s) commission, basis points' })
  @IsInt()
  @Min(0)
  @Max(MAX_COMMISSION_PAIR_BP)
  indirectRateBp: number;

  @ApiProperty({ description: 'Smallest withdrawal, fen' })
  @IsInt()
  @Min(100)
  @Max(MAX_FEN)
  withdrawMinFen: number;

  @ApiProperty({ description: 'Per promoter per brand-zone day, fen' })
  @IsInt()
  @Min(100)
  @Max(1_000_000_000)
  withdrawDailyLimitFen: number;

  @ApiProperty({ description: 'Above this (fen) a withdrawal waits for review' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  withdrawReviewThresholdFen: number;
}

export class SignupGiftRuleDto implements SignupGiftRule {
  @ApiProperty()
  @IsBoolean()
  enabled: boolean;

  @ApiProperty({ description: 'Shown on the voucher, e.g. 免费购物袋' })
  @IsString()
  @MaxLength(64)
  title: string;

  @ApiProperty()
  @IsString()
  @MaxLength(255)
  description: string;

  @ApiProperty({ description: 'Days the voucher stays valid after signup' })
  @IsInt()
  @Min(1)
  @Max(3650)
  validDays: number;
}

export class BrandRulesDraftDto implements BrandRulesDraft {
  @ApiProperty({ type: [TierDraftDto], description: 'One row per tier, in increasing minGrowth' })
  @IsArray()
  @ArrayMinSize(TIER_CODES.length)
  @ArrayMaxSize(TIER_CODES.length)
  @ValidateNested({ each: true })
  @Type(() => TierDraftDto)
  tiers: TierDraftDto[];

  @ApiProperty({ type: MemberDayDraftDto })
  @ValidateNested()
  @Type(() => MemberDayDraftDto)
  memberDay: MemberDayDraftDto;

  @ApiProperty({ description: 'Points multiplier on the member’s birthday' })
  @IsInt()
  @Min(1)
  @Max(10)
  birthdayMultiplier: number;

  @ApiProperty({ description: 'The birthday coupon, fen' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  birthdayCouponFen: number;

  @ApiProperty({ description: 'Days after completion an after-sale may be opened; commissions settle after it' })
  @IsInt()
  @Min(0)
  @Max(90)
  returnWindowDays: number;

  @ApiProperty({ description: 'Days after shipping an order completes by itself' })
  @IsInt()
  @Min(1)
  @Max(90)
  orderAutoConfirmDays: number;

  @ApiProperty({ description: 'Days a promoter’s link protects the binding' })
  @IsInt()
  @Min(1)
  @Max(365)
  protectionDays: number;

  @ApiProperty({ description: 'Days an attributed order protects the binding after payment' })
  @IsInt()
  @Min(1)
  @Max(365)
  orderProtectionDays: number;

  @ApiPropertyOptional({
    type: DistributionMoneyRulesDto,
    description: 'Commission rates and withdrawal limits; omitted, the version in force’s apply',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DistributionMoneyRulesDto)
  distribution?: DistributionMoneyRulesDto;

  @ApiPropertyOptional({
    type: SignupGiftRuleDto,
    description: 'The store signup gift; omitted, the version in force’s applies',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SignupGiftRuleDto)
  signupGift?: SignupGiftRuleDto;
}

export class CreateBrandRuleVersionDto implements CreateBrandRuleVersionRequest {
  @ApiProperty({ description: 'UTC ISO instant from which the version applies; at least a minute ahead' })
  @IsISO8601({ strict: true })
  effectiveFrom: string;

  @ApiPropertyOptional({ description: 'Why the rules change (shown in the version list)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;

  @ApiProperty({ type: BrandRulesDraftDto })
  @ValidateNested()
  @Type(() => BrandRulesDraftDto)
  draft: BrandRulesDraftDto;
}

export class BrandRulesPreviewDto implements BrandRulesPreviewRequest {
  @ApiProperty({ type: BrandRulesDraftDto })
  @ValidateNested()
  @Type(() => BrandRulesDraftDto)
  draft: BrandRulesDraftDto;

  @ApiProperty({ description: 'The sample basket, fen' })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen: number;

  @ApiProperty({ enum: TIER_CODES })
  @IsIn(TIER_CODES)
  tier: TierCode;

  @ApiProperty({ description: 'Price it on the member day' })
  @IsBoolean()
  memberDay: boolean;
}
