import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DropAdminView, Page } from '@tidepool/shared';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { DropsAdminService } from './drops-admin.service';
import { CreateDropDto } from './dto/drops.requests';

@ApiTags('admin')
@Roles('operator')
@Controller('admin/drops')
export class AdminDropsController {
  constructor(private readonly drops: DropsAdminService) {}

  @Post()
  @ApiOkResponse({ description: 'DropAdminView; 400 VALIDATION_FAILED naming the field' })
  create(@Body() body: CreateDropDto): Promise<DropAdminView> {
    return this.drops.create(body);
  }

  @Get()
  @ApiOkResponse({ description: 'Page<DropAdminView>, latest opening first, with sold / reserved / left per item' })
  list(@Query() query: PageQueryDto): Promise<Page<DropAdminView>> {
    return this.drops.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'DropAdminView; 404 DROP_NOT_FOUND' })
  get(@Param('id', new IdParamPipe()) id: number): Promise<DropAdminView> {
    return this.drops.get(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ description: 'DropAdminView (CANCELLED); 409 DROP_NOT_CANCELLABLE once anyone may buy' })
  cancel(@Param('id', new IdParamPipe()) id: number): Promise<DropAdminView> {
    return this.drops.cancel(id);
  }
}
