import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AdminCampaignDryRunRequest,
  type AdminCampaignRequest,
  CAMPAIGN_STATUSES,
  type CampaignDefinition,
  type CampaignStatus,
} from '@tidepool/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

const DEFINITION_EXAMPLE: CampaignDefinition = {
  trigger: { kind: 'ORDER_PAID', minPaidFen: 3500, paymentMethod: 'WECHAT_PAY', goldenWindowDays: 14 },
  action: { kind: 'ISSUE_COUPON', couponTemplateId: 3, validDays: 7 },
  limits: { perMember: null, budgetFen: null, budgetCount: 1000, startsAt: null, endsAt: null },
  holdoutBp: 0,
};

/** Create a campaign (a DRAFT) or edit one (a new version); the definition's rules are `campaignDefinitionProblems`. */
export class AdminCampaignDto implements AdminCampaignRequest {
  @ApiProperty({ example: '新客 14 天复购券' })
  @IsString()
  @Matches(/^\S.{0,63}$/u, { message: '名称须为 1-64 个字' })
  name: string;

  @ApiProperty({
    example: DEFINITION_EXAMPLE,
    description: 'trigger, action, limits and holdoutBp (shared CampaignDefinition)',
  })
  @IsObject({ message: '请填写活动规则' })
  definition: CampaignDefinition;
}

export class AdminCampaignListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES, { message: '状态无效' })
  status?: CampaignStatus;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  name?: string;
}

export class AdminCampaignDryRunDto implements AdminCampaignDryRunRequest {
  @ApiProperty({ example: DEFINITION_EXAMPLE })
  @IsObject({ message: '请填写活动规则' })
  definition: CampaignDefinition;

  @ApiPropertyOptional({ minimum: 1, maximum: 90, default: 1, description: 'Days of purchases to replay' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '天数须为整数' })
  @Min(1, { message: '天数须为 1–90' })
  @Max(90, { message: '天数须为 1–90' })
  days?: number;

  @ApiPropertyOptional({ description: "The campaign's key, for its holdout" })
  @IsOptional()
  @IsString()
  @MaxLength(48)
  key?: string;
}
