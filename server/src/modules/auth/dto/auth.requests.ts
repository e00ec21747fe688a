import { ApiProperty } from '@nestjs/swagger';
import type {
  StaffLoginRequest,
  StaffWechatBindRequest,
  StaffWechatLoginRequest,
  WechatLoginRequest,
} from '@tidepool/shared';
import { IsString, Length } from 'class-validator';

export class WechatLoginDto implements WechatLoginRequest {
  @ApiProperty({ description: 'The code from wx.login (single use, valid about 5 minutes)', example: 'dev-alice' })
  @IsString()
  @Length(1, 128)
  code: string;
}

export class StaffLoginDto implements StaffLoginRequest {
  @ApiProperty({ example: 'cashier.sh001' })
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty({ example: 'tidepool123' })
  @IsString()
  @Length(1, 128)
  password: string;
}

export class StaffWechatLoginDto implements StaffWechatLoginRequest {
  @ApiProperty({ description: 'The code from wx.login' })
  @IsString()
  @Length(1, 128)
  code: string;
}

export class StaffWechatBindDto extends StaffWechatLoginDto implements StaffWechatBindRequest {
  @ApiProperty({ description: 'The invite code an operator issued for this staff account' })
  @IsString()
  @Length(8, 64)
  inviteCode: string;
}
