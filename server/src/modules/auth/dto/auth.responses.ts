import { ApiProperty } from '@nestjs/swagger';
import {
  ROLES,
  STAFF_ROLE_NAMES,
  type MeResponse,
  type Role,
  type StaffLoginResponse,
  type StaffRoleName,
  type WechatLoginResponse,
} from '@tidepool/shared';

export class WechatLoginResponseDto implements WechatLoginResponse {
  @ApiProperty({ description: 'Bearer token for the Authorization header' })
  accessToken: string;
}

export class StaffLoginResponseDto implements StaffLoginResponse {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ enum: STAFF_ROLE_NAMES })
  role: StaffRoleName;

  @ApiProperty({ type: Number, nullable: true })
  storeId: number | null;

  @ApiProperty()
  displayName: string;
}

export class MeResponseDto implements MeResponse {
  @ApiProperty()
  id: number;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ type: Number, nullable: true })
  storeId: number | null;

  @ApiProperty({ type: String, nullable: true })
  displayName: string | null;
}
