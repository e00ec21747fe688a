import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ADDRESS_LIMITS, type AddressInput, MAINLAND_MOBILE_PATTERN } from '@tidepool/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** POST /api/addresses, PUT /api/addresses/:id: the whole address (a bad field answers 400 naming it). */
export class AddressInputDto implements AddressInput {
  @ApiProperty({ example: '张三', maxLength: ADDRESS_LIMITS.recipientNameMax })
  @Transform(trim)
  @IsString()
  @Length(1, ADDRESS_LIMITS.recipientNameMax, { message: 'recipientName must be 1-20 characters' })
  recipientName: string;

  @ApiProperty({ example: '13800138000', description: 'Mainland mobile number, 1[3-9] and 9 more digits' })
  @Transform(trim)
  @IsString()
  @Matches(MAINLAND_MOBILE_PATTERN, { message: 'phone must be a mainland mobile number (1[3-9]xxxxxxxxx)' })
  phone: string;

  @ApiProperty({ example: '上海市' })
  @Transform(trim)
  @IsString()
  @Length(1, ADDRESS_LIMITS.regionPartMax, { message: 'province is required' })
  province: string;

  @ApiProperty({ example: '上海市' })
  @Transform(trim)
  @IsString()
  @Length(1, ADDRESS_LIMITS.regionPartMax, { message: 'city is required' })
  city: string;

  @ApiProperty({ example: '静安区' })
  @Transform(trim)
  @IsString()
  @Length(1, ADDRESS_LIMITS.regionPartMax, { message: 'district is required' })
  district: string;

  @ApiProperty({
    example: '南京西路1266号 8楼',
    minLength: ADDRESS_LIMITS.detailMin,
    maxLength: ADDRESS_LIMITS.detailMax,
  })
  @Transform(trim)
  @IsString()
  @Length(ADDRESS_LIMITS.detailMin, ADDRESS_LIMITS.detailMax, { message: 'detail must be 2-120 characters' })
  detail: string;

  @ApiPropertyOptional({ description: 'Make it the default address' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}
