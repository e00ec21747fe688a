import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AdminCampaignDryRunResponse,
  AdminCampaignResults,
  AdminCampaignVersionView,
  AdminCampaignView,
  Page,
} from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { CampaignsAdminService } from './campaigns-admin.service';
import { AdminCampaignDryRunDto, AdminCampaignDto, AdminCampaignListQueryDto } from './dto/campaigns.requests';

/** 营销活动 in the operator console. Campaigns are brand-wide, so operators only (store managers 403). */
@ApiTags('admin')
@Roles('operator')
@Controller('admin/campaigns')
export class AdminCampaignsController {
  constructor(private readonly campaigns: CampaignsAdminService) {}

  @Get()
  @ApiOperation({
    summary: 'Campaigns, newest first, filtered and paged in SQL',
    description: 'Filter by status (DRAFT 草稿 / ACTIVE 进行中 / PAUSED 已暂停 / ENDED 已结束) and part of the name.',
  })
  @ApiOkResponse({ description: 'Page<AdminCampaignView>' })
  list(@Query() query: AdminCampaignListQueryDto): Promise<Page<AdminCampaignView>> {
    return this.campaigns.list(query);
  }

  @Post('dry-run')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replay a (draft) definition over the purchases of the last N days',
    description:
      'Paid online orders and till sales recorded in the last `days` days (default 1, at most 90) are replayed ' +
      'through the trigger, the holdout (when the campaign key is given) and the per-member limit. Answers how ' +
      'many purchases and members would have qualified and what the grants would have cost in fen, before any ' +
      'budget. Only ORDER_PAID triggers can be replayed. A broken definition is 400 VALIDATION_FAILED naming the field.',
  })
  @ApiOkResponse({ description: 'AdminCampaignDryRunResponse' })
  dryRun(@Body() body: AdminCampaignDryRunDto): Promise<AdminCampaignDryRunResponse> {
    return this.campaigns.dryRun(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One campaign with its current version', description: '404 CAMPAIGN_NOT_FOUND.' })
  @ApiOkResponse({ description: 'AdminCampaignView' })
  get(@Param('id', new IdParamPipe()) id: number): Promise<AdminCampaignView> {
    return this.campaigns.get(id);
  }

  @Post()
  @ApiOperation({
    summary: 'Create a campaign (a draft, version 1)',
    description:
      'A trigger (ORDER_PAID with a minimum, payment method, category items and golden window; SIGNED_UP; ' +
      'BIRTHDAY; STAGE_ENTERED), an action (ISSUE_COUPON from an active template with validity days, or ' +
      'GRANT_POINTS), limits (per member, budget in fen and in count, start and end) and a holdout share in basis ' +
      'points. A broken rule is 400 VALIDATION_FAILED naming each field (e.g. limits.budgetFen). Audited.',
  })
  @ApiOkResponse({ description: 'AdminCampaignView' })
  create(@CurrentUser() principal: Principal, @Body() body: AdminCampaignDto): Promise<AdminCampaignView> {
    return this.campaigns.create(principal, body);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Edit a campaign: adds a version',
    description:
      'The new version is evaluated from now on; grants already made keep naming the version that made them. ' +
      'An ended campaign cannot be edited (409 CAMPAIGN_STATUS_CONFLICT). Same rules as create. Audited.',
  })
  @ApiOkResponse({ description: 'AdminCampaignView' })
  update(
    @CurrentUser() principal: Principal,
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: AdminCampaignDto,
  ): Promise<AdminCampaignView> {
    return this.campaigns.update(principal, id, body);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Activate (上线) a draft or paused campaign',
    description: 'Checks the current version again (its template must still be active). 409 from ENDED. Audited.',
  })
  @ApiOkResponse({ description: 'AdminCampaignView (ACTIVE)' })
  activate(@CurrentUser() principal: Principal, @Param('id', new IdParamPipe()) id: number) {
    return this.campaigns.move(principal, id, 'activate');
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Pause (暂停) an active campaign',
    description: 'Its triggers are no longer evaluated until it is activated again. Audited.',
  })
  @ApiOkResponse({ description: 'AdminCampaignView (PAUSED)' })
  pause(@CurrentUser() principal: Principal, @Param('id', new IdParamPipe()) id: number) {
    return this.campaigns.move(principal, id, 'pause');
  }

  @Post(':id/end')
  @HttpCode(200)
  @ApiOperation({
    summary: 'End (结束) a campaign for good',
    description: 'Irreversible: an ended campaign is neither evaluated nor edited; its results stay. Audited.',
  })
  @ApiOkResponse({ description: 'AdminCampaignView (ENDED)' })
  end(@CurrentUser() principal: Principal, @Param('id', new IdParamPipe()) id: number) {
    return this.campaigns.move(principal, id, 'end');
  }

  @Get(':id/versions')
  @ApiOperation({ summary: "A campaign's versions, newest first", description: 'Each with its definition and author.' })
  @ApiOkResponse({ description: 'AdminCampaignVersionView[]' })
  versions(@Param('id', new IdParamPipe()) id: number): Promise<AdminCampaignVersionView[]> {
    return this.campaigns.versionsOf(id);
  }

  @Get(':id/results')
  @ApiOperation({
    summary: "A campaign's results",
    description:
      'Grants by outcome (granted, held out, over budget, over the member limit), coupons of it used so far and ' +
      'the cost in fen, in total and per version, counted in SQL.',
  })
  @ApiOkResponse({ description: 'AdminCampaignResults' })
  results(@Param('id', new IdParamPipe()) id: number): Promise<AdminCampaignResults> {
    return this.campaigns.results(id);
  }
}
