import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AdminCouponTemplateListQuery,
  type AdminCouponTemplateRequest,
  type AdminIssueCouponsRequest,
  COUPON_TEMPLATE_STATUSES,
  type CouponScope,
  type CouponTemplateStatus,
  MAINLAND_MOBILE_PATTERN,
  TIER_CODES,
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
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

/** Create or edit a template from the console; the cross-field rules are `couponTemplateProblems` (shared). */
export class AdminCouponTemplateDto implements AdminCouponTemplateRequest {
  @ApiPropertyOptional({ example: 'SPRING_50_10', description: 'Generated when missing; an existing code is updated' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,31}$/, { message: '编码须为大写字母开头的 2-32 位大写字母、数字或下划线' })
  code?: string;

  @ApiProperty({ example: '满50减10' })
  @IsString()
  @Matches(/^\S.{0,63}$/u, { message: '名称须为 1-64 个字' })
  name: string;

  @ApiProperty({ enum: ['AMOUNT_OFF', 'PERCENT'], description: 'AMOUNT_OFF = 减 X 元, PERCENT = 打 N 折' })
  @IsIn(['AMOUNT_OFF', 'PERCENT'], { message: '请选择优惠类型' })
  kind: 'AMOUNT_OFF' | 'PERCENT';

  @ApiPropertyOptional({ nullable: true, description: 'AMOUNT_OFF: fen off' })
  @ValidateIf((o: AdminCouponTemplateDto) => o.kind === 'AMOUNT_OFF')
  @IsInt({ message: '请填写优惠金额' })
  @Min(1, { message: '优惠金额至少 0.01 元' })
  @Max(100_000_00, { message: '优惠金额不能超过 10 万元' })
  amountOffFen?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'PERCENT: share paid in basis points, 100..9900 (8800 = 88折)' })
  @ValidateIf((o: AdminCouponTemplateDto) => o.kind === 'PERCENT')
  @IsInt({ message: '请填写折扣' })
  @Min(100, { message: '折扣须在 1% 到 99% 之间' })
  @Max(9900, { message: '折扣须在 1% 到 99% 之间' })
  payRateBp?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'PERCENT: the most it takes off (fen); null = no cap' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: '优惠上限至少 0.01 元' })
  maxDiscountFen?: number | null;

  @ApiProperty({ description: '0 = 无门槛' })
  @IsInt({ message: '请填写使用门槛' })
  @Min(0, { message: '使用门槛不能为负' })
  @Max(100_000_00, { message: '使用门槛不能超过 10 万元' })
  thresholdFen: number;

  @ApiProperty({ example: { kind: 'ALL' }, description: 'ALL, or CATEGORIES / PRODUCTS with ids' })
  @IsObject()
  scope: CouponScope;

  @ApiProperty({ enum: ['EXCLUSIVE', 'STACKABLE'] })
  @IsIn(['EXCLUSIVE', 'STACKABLE'])
  stacking: 'EXCLUSIVE' | 'STACKABLE';

  @ApiPropertyOptional({ nullable: true, description: 'Days valid after issue (when no fixed dates)' })
  @IsOptional()
  @IsInt({ message: '有效天数须为整数' })
  @Min(1, { message: '有效天数至少 1 天' })
  @Max(3650, { message: '有效天数最多 3650 天' })
  validDays?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'Fixed validity start (UTC ISO instant)' })
  @IsOptional()
  @IsISO8601({}, { message: '开始时间格式有误' })
  validFrom?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Fixed validity end (UTC ISO instant), after validFrom' })
  @IsOptional()
  @IsISO8601({}, { message: '结束时间格式有误' })
  validUntil?: string | null;

  @ApiPropertyOptional({ description: 'Shown in the coupon centre (领券中心)' })
  @IsOptional()
  @IsBoolean()
  claimable?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(1, { message: '每人限领至少 1 张' })
  @Max(100, { message: '每人限领最多 100 张' })
  claimPerMember?: number;

  @ApiPropertyOptional({ nullable: true, description: 'Total stock (claims and issues); null = no limit' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: '总库存至少 1 张' })
  @Max(10_000_000, { message: '总库存最多 1000 万张' })
  claimTotal?: number | null;
}

export class AdminCouponTemplateListQueryDto extends PageQueryDto implements AdminCouponTemplateListQuery {
  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  name?: string;

  @ApiPropertyOptional({ enum: ['AMOUNT_OFF', 'PERCENT'] })
  @IsOptional()
  @IsIn(['AMOUNT_OFF', 'PERCENT'])
  kind?: 'AMOUNT_OFF' | 'PERCENT';

  @ApiPropertyOptional({ enum: COUPON_TEMPLATE_STATUSES })
  @IsOptional()
  @IsIn(COUPON_TEMPLATE_STATUSES)
  status?: CouponTemplateStatus;
}

/** Exactly one target; the service refuses none or several (naming `memberIds`). */
export class AdminIssueCouponsDto implements AdminIssueCouponsRequest {
  @ApiProperty({ example: 'winback-2026-11', description: 'Names the batch: the same batch again issues nobody twice' })
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: '批次号须为 1-40 位字母、数字、- 或 _' })
  batch: string;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Type(() => Number)
  @IsInt({ each: true })
  @Min(1, { each: true })
  memberIds?: number[];

  @ApiPropertyOptional({ type: [String], description: 'Full mainland mobiles; unknown ones are reported back' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: '请至少填写一个手机号' })
  @ArrayMaxSize(1000, { message: '一次最多 1000 个手机号' })
  @Matches(MAINLAND_MOBILE_PATTERN, { each: true, message: '手机号格式有误' })
  phones?: string[];

  @ApiPropertyOptional({ enum: TIER_CODES, description: 'Every signed-up member of this tier' })
  @IsOptional()
  @IsIn(TIER_CODES)
  tier?: TierCode;
}
