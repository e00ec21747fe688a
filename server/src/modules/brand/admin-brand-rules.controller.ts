import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BrandRulesOverview, BrandRulesPreviewResponse, BrandRuleVersionView } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { BrandRulesAdmin } from './brand-rules-admin.service';
import { BrandRulesPreviewDto, CreateBrandRuleVersionDto } from './dto/brand-rules.requests';

@ApiTags('admin')
@Roles('operator')
@Controller('admin/brand-rules')
export class AdminBrandRulesController {
  constructor(private readonly admin: BrandRulesAdmin) {}

  @Get()
  @ApiOperation({
    summary: 'The brand’s rules: the version in force and every version, newest first',
    description:
      'Each version is a whole rule set (tiers, point rates, member day, birthday perks, return window, ' +
      'auto-confirm and protection days) with the instant it takes effect. The configuration’s set is version 0. ' +
      'States: PENDING (scheduled), IN_FORCE, SUPERSEDED, CANCELLED.',
  })
  @ApiOkResponse({ description: 'BrandRulesOverview' })
  overview(): Promise<BrandRulesOverview> {
    return this.admin.overview();
  }

  @Post('versions')
  @ApiOperation({
    summary: 'Schedule a new version of the brand’s rules from a future instant',
    description:
      'Never retroactive: effectiveFrom must be at least a minute ahead (every server process loads it before it ' +
      'applies). Pricing, points and every other rule consumer read the version in force at the moment of the ' +
      'event, and orders keep recording the versions that priced them. 400 VALIDATION_FAILED names the field: a ' +
      'member-day discount above its threshold, a tier table that does not increase, a past effective time.',
  })
  @ApiOkResponse({ description: 'BrandRuleVersionView (PENDING)' })
  schedule(@CurrentUser() actor: Principal, @Body() body: CreateBrandRuleVersionDto): Promise<BrandRuleVersionView> {
    return this.admin.schedule(actor, body);
  }

  @Post('versions/:id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a scheduled version before it takes effect',
    description: '404 BRAND_RULES_VERSION_NOT_FOUND; 409 BRAND_RULES_ALREADY_IN_FORCE once its instant has passed.',
  })
  @ApiOkResponse({ description: 'BrandRuleVersionView (CANCELLED)' })
  cancel(@CurrentUser() actor: Principal, @Param('id', new IdParamPipe()) id: number): Promise<BrandRuleVersionView> {
    return this.admin.cancel(actor, id);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'What a sample basket pays, and earns, under the rules in force and under a draft',
    description: 'Priced by the same engine as the checkout and the till; nothing is saved.',
  })
  @ApiOkResponse({ description: 'BrandRulesPreviewResponse' })
  preview(@Body() body: BrandRulesPreviewDto): BrandRulesPreviewResponse {
    return this.admin.preview(body);
  }
}
