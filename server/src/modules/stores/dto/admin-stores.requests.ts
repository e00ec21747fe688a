import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUSINESS_TIME_PATTERN, isValidTimeZone, type AdminStoreQuery, type SaveStoreRequest } from '@tidepool/shared';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

// An IANA name (Area/Location); Intl alone would also take offsets such as "+08:00", which have no DST rules.
const IsIanaTimeZone = () =>
  ValidateBy({
    name: 'isIanaTimeZone',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(value) && isValidTimeZone(value),
      defaultMessage: () => 'timeZone must be an IANA time zone such as Asia/Shanghai',
    },
  });

export class AdminStoreQueryDto extends PageQueryDto implements AdminStoreQuery {
  @ApiPropertyOptional({ description: 'Part of the store name or code' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(64)
  q?: string;
}

export class SaveStoreDto implements SaveStoreRequest {
  @ApiProperty({ example: 'SH003', description: 'Letters, digits, - and _; unique' })
  @Transform(trim)
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{2,32}$/, { message: 'code must be 2-32 letters, digits, - or _' })
  code: string;

  @ApiProperty({ example: '徐家汇店', maxLength: 64 })
  @Transform(trim)
  @IsString()
  @Length(1, 64)
  name: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(255)
  address?: string;

  @ApiProperty({ example: 'Asia/Shanghai' })
  @IsIanaTimeZone()
  timeZone: string;

  @ApiPropertyOptional({ minimum: -90, maximum: 90, nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsNumber({ maxDecimalPlaces: 6, allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @ApiPropertyOptional({ minimum: -180, maximum: 180, nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsNumber({ maxDecimalPlaces: 6, allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @ApiPropertyOptional({ example: '10:00', nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @Matches(BUSINESS_TIME_PATTERN, { message: 'opensAt must be HH:MM' })
  opensAt?: string | null;

  @ApiPropertyOptional({ example: '22:00', nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @Matches(BUSINESS_TIME_PATTERN, { message: 'closesAt must be HH:MM' })
  closesAt?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  pickupEnabled?: boolean;
}
