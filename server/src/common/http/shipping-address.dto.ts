import { ApiProperty } from '@nestjs/swagger';
import { MAINLAND_MOBILE_PATTERN, type ShippingAddress } from '@tidepool/shared';
import { IsString, Length, Matches } from 'class-validator';

/** A delivery address (points-mall shipments, online orders). */
export class ShippingAddressDto implements ShippingAddress {
  @ApiProperty({ example: '张三' })
  @IsString()
  @Length(1, 32)
  recipientName: string;

  @ApiProperty({ example: '13800138000' })
  @Matches(MAINLAND_MOBILE_PATTERN, { message: 'phone must be a mainland mobile number (1[3-9]xxxxxxxxx)' })
  phone: string;

  @ApiProperty({ example: '上海市 静安区' })
  @IsString()
  @Length(1, 64)
  region: string;

  @ApiProperty({ example: '南京西路1266号 8楼' })
  @IsString()
  @Length(1, 128)
  detail: string;
}
