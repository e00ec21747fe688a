import { ApiProperty } from '@nestjs/swagger';
import { MAINLAND_MOBILE_MESSAGE, MAINLAND_MOBILE_PATTERN } from '@tidepool/shared';
import { Matches } from 'class-validator';

export class AdminMemberSearchQueryDto {
  @ApiProperty({ example: '13800138000', description: 'The full mainland mobile' })
  @Matches(MAINLAND_MOBILE_PATTERN, { message: MAINLAND_MOBILE_MESSAGE })
  phone: string;
}
