import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_OBJECT_TYPES, type AuditListQuery, type AuditObjectType } from '@tidepool/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

const MAX_ID = 2_147_483_647;

export class AuditListQueryDto extends PageQueryDto implements AuditListQuery {
  @ApiPropertyOptional({ enum: AUDIT_OBJECT_TYPES, description: 'Only entries about this kind of object' })
  @IsOptional()
  @IsIn(AUDIT_OBJECT_TYPES)
  objectType?: AuditObjectType;

  @ApiPropertyOptional({ description: 'Only entries about this object (with objectType)' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  objectId?: string;

  @ApiPropertyOptional({ description: 'Only writes by this staff account' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  actorId?: number;

  @ApiPropertyOptional({ description: 'Only this action, e.g. product.update' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,24}(\.[a-z_]{1,24}){1,2}$/)
  action?: string;

  @ApiPropertyOptional({ description: 'Entries at or after this ISO instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Entries before this ISO instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
