import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CREATABLE_STAFF_ROLES,
  STAFF_ROLE_NAMES,
  type AdminStaffQuery,
  type CreatableStaffRole,
  type CreateStaffRequest,
  type ResetStaffPasswordRequest,
  type StaffRoleName,
} from '@tidepool/shared';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { normalizeStaffUsername } from '../../staff';

const MAX_ID = 2_147_483_647;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AdminStaffQueryDto extends PageQueryDto implements AdminStaffQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  storeId?: number;

  @ApiPropertyOptional({ enum: STAFF_ROLE_NAMES })
  @IsOptional()
  @IsIn(STAFF_ROLE_NAMES)
  role?: StaffRoleName;

  @ApiPropertyOptional({ description: 'Part of the username or display name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(64)
  q?: string;

  @ApiPropertyOptional({ enum: ['active', 'disabled'] })
  @IsOptional()
  @IsIn(['active', 'disabled'])
  status?: 'active' | 'disabled';
}

export class CreateStaffDto implements CreateStaffRequest {
  @ApiProperty({ example: 'cashier.sh003', description: 'Stored trimmed and lower-cased' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeStaffUsername(value) : value))
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    message: 'username must be 3-64 letters, digits, dots, - or _, starting with a letter or digit',
  })
  username: string;

  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @Length(8, 128, { message: 'password must be at least 8 characters' })
  password: string;

  @ApiProperty({ enum: CREATABLE_STAFF_ROLES })
  @IsIn(CREATABLE_STAFF_ROLES)
  role: CreatableStaffRole;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  storeId: number;

  @ApiProperty({ example: '徐家汇店收银员', maxLength: 64 })
  @Transform(trim)
  @IsString()
  @Length(1, 64)
  displayName: string;
}

export class ResetStaffPasswordDto implements ResetStaffPasswordRequest {
  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @Length(8, 128, { message: 'password must be at least 8 characters' })
  password: string;
}
