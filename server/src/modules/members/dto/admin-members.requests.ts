import { ApiProperty } from '@nestjs/swagger';
import { MAINLAND_MOBILE_MESSAGE, MAINLAND_MOBILE_PATTERN, type AdminPointsAdjustmentRequest } from '@tidepool/shared';
import { IsInt, IsString, Length, Matches, Max, Min, NotEquals } from 'class-validator';

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
