import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MESSAGE_CONSENT_SOURCE_MAX,
  type ReportMessageConsentsRequest,
  type WithdrawMessageConsentsRequest,
} from '@tidepool/shared';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length } from 'class-validator';

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
