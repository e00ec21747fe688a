import { ApiPropertyOptional } from '@nestjs/swagger';
import { SERVICE_PHONE_PATTERN, STOREFRONT_LIMITS, type StorefrontSettingsUpdate } from '@tidepool/shared';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, Length, Matches } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v)) : value;

/** PUT /api/admin/storefront/settings: only the fields given change. */
export class StorefrontSettingsUpdateDto implements StorefrontSettingsUpdate {
  @ApiPropertyOptional({
    type: [String],
    example: ['香薰蜡烛', '毛绒公仔'],
    maxItems: STOREFRONT_LIMITS.maxHotKeywords,
  })
  @IsOptional()
  @Transform(trimAll)
  @IsArray()
  @ArrayMaxSize(STOREFRONT_LIMITS.maxHotKeywords)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, STOREFRONT_LIMITS.hotKeywordMax, { each: true, message: 'each hot keyword must be 1-16 characters' })
  hotKeywords?: string[];

  @ApiPropertyOptional({ example: '400-820-1234' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(SERVICE_PHONE_PATTERN, { message: 'servicePhone must be a phone number (digits, dashes, spaces)' })
  servicePhone?: string;

  @ApiPropertyOptional({ example: '每天 09:00-21:00' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, STOREFRONT_LIMITS.serviceHoursMax)
  serviceHours?: string;
}
