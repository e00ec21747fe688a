import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AdminGrowthAdjustmentRequest,
  type AdminPointsAdjustmentRequest,
  type AdminProcessDeletionRequest,
  MAINLAND_MOBILE_MESSAGE,
  MAINLAND_MOBILE_PATTERN,
  MEMBER_DELETION_REQUEST_STATUSES,
  type MemberDeletionRequestStatus,
} from '@tidepool/shared';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, NotEquals } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

export class AdminMemberSearchQueryDto {
  @ApiProperty({ example: '13800138000', description: 'The full mainland mobile' })
  @Matches(MAINLAND_MOBILE_PATTERN, { message: MAINLAND_MOBILE_MESSAGE })
  phone: string;
}

export class AdminPointsAdjustmentDto implements AdminPointsAdjustmentRequest {
  @ApiProperty({ description: 'Signed, non-zero points; a deduction may not go below zero' })
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  @NotEquals(0)
  points: number;

  @ApiProperty({ description: 'Why (shown to the member in 我的积分 and kept in the audit trail)' })
  @IsString()
  @Length(2, 60)
  reason: string;

  @ApiProperty({ description: 'Idempotency key of this adjustment' })
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  requestId: string;
}

export class AdminGrowthAdjustmentDto implements AdminGrowthAdjustmentRequest {
  @ApiProperty({ description: 'Signed, non-zero growth; a deduction may not go below zero' })
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  @NotEquals(0)
  growth: number;

  @ApiProperty({ description: 'Why (shown in the growth ledger and kept in the audit trail)' })
  @IsString()
  @Length(2, 60)
  reason: string;

  @ApiProperty({ description: 'Idempotency key of this adjustment' })
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  requestId: string;
}

export class AdminDeletionRequestQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MEMBER_DELETION_REQUEST_STATUSES, default: 'PENDING' })
  @IsOptional()
  @IsIn(MEMBER_DELETION_REQUEST_STATUSES)
  status: MemberDeletionRequestStatus = 'PENDING';
}

export class AdminProcessDeletionRequestDto implements AdminProcessDeletionRequest {
  @ApiProperty({ description: 'The member id of the request, retyped by the operator as the confirmation' })
  @IsInt()
  @Min(1)
  confirmMemberId: number;
}
