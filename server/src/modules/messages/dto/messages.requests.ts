import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MESSAGE_CONSENT_SOURCE_MAX,
  MESSAGE_SEND_STATUSES,
  MESSAGE_TEMPLATE_KEYS,
  type MessageSendStatus,
  type MessageTemplateKey,
  type ReportMessageConsentsRequest,
  type WithdrawMessageConsentsRequest,
} from '@tidepool/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

/** wx.requestSubscribeMessage takes at most 3 templates at a time. */
const MAX_TEMPLATES_PER_ASK = 3;

export class ReportMessageConsentsDto implements ReportMessageConsentsRequest {
  @ApiProperty({ type: [String], description: "Template ids answered 'accept': one consent each" })
  @IsArray()
  @ArrayMaxSize(MAX_TEMPLATES_PER_ASK)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  accepted: string[];

  @ApiPropertyOptional({ type: [String], description: "Template ids answered 'reject' or 'ban': recorded only" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TEMPLATES_PER_ASK)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  rejected?: string[];

  @ApiProperty({ example: 'packages/drop/pages/detail/index' })
  @IsString()
  @Length(1, MESSAGE_CONSENT_SOURCE_MAX)
  sourcePage: string;
}

export class WithdrawMessageConsentsDto implements WithdrawMessageConsentsRequest {
  @ApiProperty({ example: 'dev-drop-reminder' })
  @IsString()
  @Length(1, 64)
  templateId: string;
}

export class AdminMessageSendsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MESSAGE_SEND_STATUSES })
  @IsOptional()
  @IsIn(MESSAGE_SEND_STATUSES)
  status?: MessageSendStatus;

  @ApiPropertyOptional({ enum: MESSAGE_TEMPLATE_KEYS })
  @IsOptional()
  @IsIn(MESSAGE_TEMPLATE_KEYS)
  templateKey?: MessageTemplateKey;

  @ApiPropertyOptional({ description: 'Requested at or after this ISO instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Requested before this ISO instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'One member' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  memberId?: number;
}
