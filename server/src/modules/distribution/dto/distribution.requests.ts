import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AdminPromoterQuery,
  type AdminWithdrawalQuery,
  CLIENT_REQUEST_ID_PATTERN,
  COMMISSION_STATUSES,
  type CommissionStatus,
  type CreateShareTokenRequest,
  type CreateWithdrawalRequest,
  type DevTransferModeRequest,
  PROMOTER_STATUSES,
  type PromoterApplyRequest,
  type PromoterStatus,
  type RecordVisitRequest,
  type RejectPromoterRequest,
  type RejectWithdrawalRequest,
  type SetProductDistributionRequest,
  SHARE_TARGET_TYPES,
  type ShareTargetType,
  VISITOR_ID_PATTERN,
  WITHDRAWAL_STATUSES,
  type WithdrawalStatus,
} from '@tidepool/shared';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

const MAX_INT = 2_147_483_647;
/** A served asset or an https URL. */
const IMAGE_URL = /^(\/static\/(?!.*\.\.)[A-Za-z0-9/_.-]+|https:\/\/[^\s]+)$/;

export class PromoterApplyDto implements PromoterApplyRequest {
  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  realName?: string;

  @ApiPropertyOptional({ maxLength: 32 })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  nickname?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  @Matches(IMAGE_URL)
  avatarUrl?: string;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  inviteToken?: string;
}

export class ShareTargetDto implements CreateShareTokenRequest {
  @ApiProperty({ enum: SHARE_TARGET_TYPES })
  @IsIn(SHARE_TARGET_TYPES)
  targetType: ShareTargetType;

  @ApiPropertyOptional({ description: 'Product or drop id; omit for STORE' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  targetId?: number;
}

export class RecordVisitDto implements RecordVisitRequest {
  @ApiProperty({ maxLength: 1024, description: 'Anything that is not a live token is treated as unreferred' })
  @IsString()
  @Length(0, 1024)
  token: string;

  @ApiPropertyOptional({ pattern: VISITOR_ID_PATTERN.source, description: "The phone's anonymous visitor id" })
  @IsOptional()
  @Matches(VISITOR_ID_PATTERN, { message: 'visitorId must be 8-32 letters, digits, - or _' })
  visitorId?: string;
}

export class CreateWithdrawalDto implements CreateWithdrawalRequest {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  amountFen: number;

  @ApiProperty({ description: 'Made once per attempt, reused on its retries' })
  @IsString()
  @Matches(CLIENT_REQUEST_ID_PATTERN)
  clientRequestId: string;
}

export class CommissionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COMMISSION_STATUSES })
  @IsOptional()
  @IsIn(COMMISSION_STATUSES)
  status?: CommissionStatus;
}

export class PromoterQueryDto extends PageQueryDto implements AdminPromoterQuery {
  @ApiPropertyOptional({ enum: PROMOTER_STATUSES })
  @IsOptional()
  @IsIn(PROMOTER_STATUSES)
  status?: PromoterStatus;

  @ApiPropertyOptional({ description: 'Part of the display or real name, or the promoter id' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(64)
  q?: string;
}

export class WithdrawalQueryDto extends PageQueryDto implements AdminWithdrawalQuery {
  @ApiPropertyOptional({ enum: WITHDRAWAL_STATUSES })
  @IsOptional()
  @IsIn(WITHDRAWAL_STATUSES)
  status?: WithdrawalStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  promoterId?: number;

  @ApiPropertyOptional({ description: 'Amount at least (fen)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  minFen?: number;

  @ApiPropertyOptional({ description: 'Amount at most (fen)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  maxFen?: number;

  @ApiPropertyOptional({ description: 'Requested at or after this ISO instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Requested before this ISO instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class RejectDto implements RejectPromoterRequest, RejectWithdrawalRequest {
  @ApiProperty({ maxLength: 200 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200)
  reason: string;
}

export class SetProductDistributionDto implements SetProductDistributionRequest {
  @ApiProperty()
  @IsBoolean()
  enabled: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 5000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5000)
  rateBp?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 5000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5000)
  secondRateBp?: number;
}

export class DevTransferModeDto implements DevTransferModeRequest {
  @ApiProperty({ enum: ['SUCCEED', 'FAIL'] })
  @IsIn(['SUCCEED', 'FAIL'])
  mode: 'SUCCEED' | 'FAIL';
}
