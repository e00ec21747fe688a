import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, SegmentCountResponse, SegmentMemberView, SegmentView } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { type Principal, storeScopeOf } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { SegmentCountDto, SegmentDto, SegmentListQueryDto } from './dto/segments.requests';
import { SegmentsService } from './segments.service';

/**
 * 人群 in the operator console. Segments are brand-wide objects: operators write them; store managers may read,
 * count and preview, and then only ever see members whose home store is their own.
 */
@ApiTags('admin')
@Roles('operator', 'store_manager')
@Controller('admin/segments')
export class AdminSegmentsController {
  constructor(private readonly segments: SegmentsService) {}

  @Get()
  @ApiOperation({
    summary: 'Saved segments, newest first, paged in SQL',
    description: 'Filter by part of the name. The rule of each segment is returned as saved.',
  })
  @ApiOkResponse({ description: 'Page<SegmentView>' })
  list(@Query() query: SegmentListQueryDto): Promise<Page<SegmentView>> {
    return this.segments.list(query);
  }

  @Post('count')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Live count of an unsaved rule',
    description:
      'Counts the members whose facts (member_facts) satisfy the rule right now; a store manager counts only ' +
      'members whose home store is theirs. A bad rule is 400 SEGMENT_RULE_INVALID naming each bad path.',
  })
  @ApiOkResponse({ description: 'SegmentCountResponse' })
  count(@CurrentUser() principal: Principal, @Body() body: SegmentCountDto): Promise<SegmentCountResponse> {
    return this.segments.count(storeScopeOf(principal), body.rule);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One segment' })
  @ApiOkResponse({ description: 'SegmentView; 404 SEGMENT_NOT_FOUND' })
  get(@Param('id', new IdParamPipe()) id: number): Promise<SegmentView> {
    return this.segments.get(id);
  }

  @Get(':id/members')
  @ApiOperation({
    summary: 'Preview a segment: its members, highest value first, paged in SQL',
    description:
      'Ordered by spend in 365 days (desc), then orders in 365 days (desc), then member id. Phones are masked. ' +
      'A store manager sees only members whose home store is theirs.',
  })
  @ApiOkResponse({ description: 'Page<SegmentMemberView>; 404 SEGMENT_NOT_FOUND' })
  members(
    @CurrentUser() principal: Principal,
    @Param('id', new IdParamPipe()) id: number,
    @Query() query: PageQueryDto,
  ): Promise<Page<SegmentMemberView>> {
    return this.segments.membersOf(storeScopeOf(principal), id, query);
  }

  @Post()
  @Roles('operator')
  @ApiOperation({
    summary: 'Save a segment',
    description: 'Name (1-64 characters), optional description, and a rule checked like /count. Audited.',
  })
  @ApiOkResponse({ description: 'SegmentView; 400 SEGMENT_RULE_INVALID naming the bad path' })
  create(@CurrentUser() principal: Principal, @Body() body: SegmentDto): Promise<SegmentView> {
    return this.segments.create(principal, body);
  }

  @Put(':id')
  @Roles('operator')
  @ApiOperation({
    summary: 'Edit a segment',
    description: 'Replaces name, description and rule; the audit entry keeps the rule before and after.',
  })
  @ApiOkResponse({ description: 'SegmentView; 404 SEGMENT_NOT_FOUND; 400 SEGMENT_RULE_INVALID' })
  update(
    @CurrentUser() principal: Principal,
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: SegmentDto,
  ): Promise<SegmentView> {
    return this.segments.update(principal, id, body);
  }

  @Delete(':id')
  @Roles('operator')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a segment',
    description: 'Removes the saved rule (members are untouched). The audit entry keeps the rule that was deleted.',
  })
  @ApiOkResponse({ description: '204; 404 SEGMENT_NOT_FOUND' })
  remove(@CurrentUser() principal: Principal, @Param('id', new IdParamPipe()) id: number): Promise<void> {
    return this.segments.remove(principal, id);
  }
}
