import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DropAdminView, DropSkuOption, Page } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { DropsAdminService } from './drops-admin.service';
import { AdminDropListQueryDto, CreateDropDto, DropSkuOptionsQueryDto } from './dto/drops.requests';

@ApiTags('admin')
@Roles('operator')
@Controller('admin/drops')
export class AdminDropsController {
  constructor(private readonly drops: DropsAdminService) {}

  @Post()
  @ApiOperation({
    summary: 'Schedule a drop',
    description:
      'ONCE with opensAt/closesAt, or WEEKLY with a weekday, start and duration in the brand zone. Drop price ' +
      'must be below the SKU price, limit at most the cap, and nobody may be able to buy yet. Audited (drop.create).',
  })
  @ApiOkResponse({ description: 'DropAdminView; 400 VALIDATION_FAILED naming the field' })
  create(@Body() body: CreateDropDto, @CurrentUser() principal: Principal): Promise<DropAdminView> {
    return this.drops.create(body, principal);
  }

  @Get()
  @ApiOperation({
    summary: 'List drops',
    description: 'Latest opening first; filter by state (UPCOMING/OPEN/ENDED/CANCELLED), opening range and title.',
  })
  @ApiOkResponse({ description: 'Page<DropAdminView>, with sold / reserved / left per item' })
  list(@Query() query: AdminDropListQueryDto): Promise<Page<DropAdminView>> {
    return this.drops.list(query);
  }

  @Get('sku-options')
  @ApiOperation({
    summary: 'SKUs to put in a drop',
    description: 'Searches the catalogue by product name or subtitle (10 products) and lists their SKUs with prices.',
  })
  @ApiOkResponse({ description: 'DropSkuOption[]' })
  skuOptions(@Query() query: DropSkuOptionsQueryDto): Promise<DropSkuOption[]> {
    return this.drops.skuOptions(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A drop with live figures',
    description: 'Per item sold / reserved / left read from the counters the rush updates; the console polls it.',
  })
  @ApiOkResponse({ description: 'DropAdminView; 404 DROP_NOT_FOUND' })
  get(@Param('id', new IdParamPipe()) id: number): Promise<DropAdminView> {
    return this.drops.get(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a drop before it opens',
    description: 'Only before the earliest tier may buy; a weekly series stops with it. Audited (drop.cancel).',
  })
  @ApiOkResponse({ description: 'DropAdminView (CANCELLED); 409 DROP_NOT_CANCELLABLE once anyone may buy' })
  cancel(@Param('id', new IdParamPipe()) id: number, @CurrentUser() principal: Principal): Promise<DropAdminView> {
    return this.drops.cancel(id, principal);
  }
}
