import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ProductListQuery } from '@tidepool/shared';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

export class ProductListQueryDto extends PageQueryDto implements ProductListQuery {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  categoryId?: number;

  @ApiPropertyOptional({ maxLength: 32, description: 'Matches product names and subtitles' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(32)
  keyword?: string;
}
