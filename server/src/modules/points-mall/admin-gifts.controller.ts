import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AdminGiftView, Page } from '@tidepool/shared';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { AdjustGiftStockDto, CreateGiftDto, UpdateGiftDto } from './dto/points-mall.requests';
import { GiftsService } from './gifts.service';

/** The operator's gift catalogue: create, edit, and move stock by adjustment. */
@ApiTags('admin')
@Roles('operator')
@Controller('admin/points-mall/gifts')
export class AdminGiftsController {
  constructor(private readonly gifts: GiftsService) {}

  @Get()
  @ApiOkResponse({ description: 'Page<AdminGiftView>: every gift, active or not' })
  list(@Query() query: PageQueryDto): Promise<Page<AdminGiftView>> {
    return this.gifts.adminList(query);
  }

  @Post()
  @ApiCreatedResponse({ description: 'AdminGiftView' })
  create(@Body() body: CreateGiftDto): Promise<AdminGiftView> {
    return this.gifts.create(body);
  }

  @Put(':id')
  @ApiOkResponse({ description: 'AdminGiftView; 404 GIFT_NOT_FOUND' })
  update(@Param('id', new IdParamPipe()) id: number, @Body() body: UpdateGiftDto): Promise<AdminGiftView> {
    return this.gifts.update(id, body);
  }

  @Post(':id/stock')
  @HttpCode(200)
  @ApiOkResponse({ description: 'AdminGiftView; 409 GIFT_OUT_OF_STOCK when removing more than is left' })
  adjustStock(@Param('id', new IdParamPipe()) id: number, @Body() body: AdjustGiftStockDto): Promise<AdminGiftView> {
    return this.gifts.adjustStock(id, body.delta);
  }
}
