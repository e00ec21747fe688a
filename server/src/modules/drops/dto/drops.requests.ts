import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AdminDropListQuery,
  type CreateDropOrderRequest,
  type CreateDropRequest,
  type DropItemInput,
  type DropRecurrence,
  type DropReminderRequest,
  DROP_STATES,
  type DropState,
  MAX_WEEKLY_DURATION_MINUTES,
  type WeeklySlot,
  TIER_CODES,
  type TierCode,
} from '@tidepool/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { FulfilmentDto } from '../../orders';

export class CreateDropOrderDto extends FulfilmentDto implements CreateDropOrderRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  dropItemId: number;

  @ApiProperty({ minimum: 1, maximum: 99 })
  @IsInt()
  @Min(1)
  @Max(99)
  quantity: number;

  @ApiProperty({ description: 'Made once per buy attempt and reused on retries' })
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  clientOrderId: string;
}

export class DropReminderDto implements DropReminderRequest {
  @ApiProperty({ type: [String], description: 'Template ids the member accepted in wx.requestSubscribeMessage' })
  @IsArray()
  @ArrayMaxSize(3)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  templateIds: string[];
}

export class DropItemInputDto implements DropItemInput {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  skuId: number;

  @ApiProperty({ description: 'fen, above 0 and at most the list price' })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  dropPriceFen: number;

  @ApiProperty({ minimum: 1, maximum: 100000 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  cap: number;

  @ApiProperty({ minimum: 1, maximum: 99 })
  @IsInt()
  @Min(1)
  @Max(99)
  perMemberLimit: number;
}

export class WeeklySlotDto implements WeeklySlot {
  @ApiProperty({ minimum: 0, maximum: 6, description: '0 = Sunday … 6 = Saturday, in the brand zone' })
  @IsInt()
  @Min(0)
  @Max(6)
  weekday: number;

  @ApiProperty({ minimum: 0, maximum: 1439, description: 'Minutes after local midnight (12:00 = 720)' })
  @IsInt()
  @Min(0)
  @Max(1439)
  startMinute: number;

  @ApiProperty({ minimum: 1, maximum: MAX_WEEKLY_DURATION_MINUTES })
  @IsInt()
  @Min(1)
  @Max(MAX_WEEKLY_DURATION_MINUTES)
  durationMinutes: number;
}

export class CreateDropDto implements CreateDropRequest {
  @ApiProperty()
  @IsString()
  @Length(1, 64)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string;

  @ApiProperty({ enum: ['WEEKLY', 'ONCE'] })
  @IsIn(['WEEKLY', 'ONCE'])
  recurrence: DropRecurrence;

  @ApiPropertyOptional({ type: WeeklySlotDto, description: "WEEKLY only; without it the brand's default window" })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => WeeklySlotDto)
  weekly?: WeeklySlotDto;

  @ApiPropertyOptional({ description: 'ONCE only: ISO instant with offset' })
  @IsOptional()
  @IsISO8601({ strict: true })
  opensAt?: string;

  @ApiPropertyOptional({ description: 'ONCE only: ISO instant with offset' })
  @IsOptional()
  @IsISO8601({ strict: true })
  closesAt?: string;

  @ApiPropertyOptional({ description: 'Minutes of priority purchase per tier, e.g. {"GOLD":30}' })
  @IsOptional()
  @IsObject()
  earlyAccess?: Partial<Record<TierCode, number>>;

  @ApiPropertyOptional({ minimum: 60, maximum: 1800, default: 300 })
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(1800)
  reservationSeconds?: number;

  @ApiProperty({ type: [DropItemInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DropItemInputDto)
  items: DropItemInputDto[];
}

const escapeTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AdminDropListQueryDto extends PageQueryDto implements AdminDropListQuery {
  @ApiPropertyOptional({ enum: DROP_STATES, description: '未开始 / 进行中 / 已结束 / 已取消' })
  @IsOptional()
  @IsIn(DROP_STATES)
  state?: DropState;

  @ApiPropertyOptional({ description: 'Opening at or after this instant (ISO)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Opening before this instant (ISO)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ maxLength: 32 })
  @IsOptional()
  @Transform(escapeTrim)
  @IsString()
  @Length(0, 32)
  keyword?: string;
}

export class DropSkuOptionsQueryDto {
  @ApiPropertyOptional({ maxLength: 32, description: 'Product name or subtitle' })
  @IsOptional()
  @Transform(escapeTrim)
  @IsString()
  @Length(0, 32)
  keyword?: string;
}

/** Priority purchase must name real tiers and at most a day of minutes. */
export function invalidEarlyAccess(earlyAccess: Record<string, unknown>): string | null {
  for (const [tier, minutes] of Object.entries(earlyAccess)) {
    if (!(TIER_CODES as readonly string[]).includes(tier)) return `unknown tier ${tier}`;
    if (!Number.isInteger(minutes) || (minutes as number) < 0 || (minutes as number) > 1440) {
      return `minutes for ${tier} must be an integer 0..1440`;
    }
  }
  return null;
}
