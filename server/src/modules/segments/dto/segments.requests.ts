import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SegmentCountRequest, SegmentListQuery, SegmentRequest, SegmentRule } from '@tidepool/shared';
import { IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

const RULE_EXAMPLE = {
  combine: 'and',
  conditions: [
    { field: 'tier', op: 'in', value: ['GOLD'] },
    { field: 'lastPurchaseDaysAgo', op: 'between', value: { min: 30, max: 120 } },
  ],
};
const RULE_DESCRIPTION =
  'A group { combine: and|or, conditions: (condition|group)[] }, nested at most 3 levels, at most 30 conditions. ' +
  'Fields: tier, stage, relationship, homeStore (in/notIn), spend365Fen, orders365 (between {min,max}), ' +
  'lastPurchaseDaysAgo (between, never), firstPurchaseDaysAgo (between), birthMonth (in 1..12), ' +
  'channel (in/notIn ONLINE|DROP|TILL), promoter (any, none, is <promoter member id>). Checked by ' +
  'segmentRuleProblems (shared); a bad one is 400 SEGMENT_RULE_INVALID naming its path, e.g. rule.conditions[2].field.';

export class SegmentDto implements SegmentRequest {
  @ApiProperty({ example: '高价值沉睡客' })
  @IsString({ message: '请填写人群名称' })
  @Matches(/^\S.{0,63}$/u, { message: '名称须为 1-64 个字' })
  name: string;

  @ApiPropertyOptional({ example: '近一年消费 1000 元以上、30 天未购' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '说明不能超过 500 字' })
  description?: string;

  @ApiProperty({ example: RULE_EXAMPLE, description: RULE_DESCRIPTION })
  @IsObject({ message: '请填写人群条件' })
  rule: SegmentRule;
}

export class SegmentCountDto implements SegmentCountRequest {
  @ApiProperty({ example: RULE_EXAMPLE, description: RULE_DESCRIPTION })
  @IsObject({ message: '请填写人群条件' })
  rule: SegmentRule;
}

export class SegmentListQueryDto extends PageQueryDto implements SegmentListQuery {
  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  name?: string;
}
