import { ApiPropertyOptional } from '@nestjs/swagger';
import { PAGINATION, type Page } from '@tidepool/shared';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: PAGINATION.maxPage, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGINATION.maxPage)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: PAGINATION.maxPageSize, default: PAGINATION.defaultPageSize })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGINATION.maxPageSize)
  pageSize: number = PAGINATION.defaultPageSize;

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}

export function toPage<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize, hasMore: query.offset + items.length < total };
}
