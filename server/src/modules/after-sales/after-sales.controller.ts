import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AfterSaleOptionsResponse, AfterSalePhotoView, AfterSaleView, Page } from '@tidepool/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Public } from '../../common/auth/public.decorator';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { AfterSalePhotosService } from './after-sale-photos.service';
import { AfterSalesService } from './after-sales.service';
import { AfterSaleListQueryDto, ApplyAfterSaleDto, SubmitReturnParcelDto } from './dto/after-sales.requests';

/** A member's after-sales (售后); every route acts on the caller's own orders and after-sales only. */
@ApiTags('after-sales')
@Roles('member', 'promoter')
@Controller('after-sales')
export class AfterSalesController {
  constructor(
    private readonly afterSales: AfterSalesService,
    private readonly photos: AfterSalePhotosService,
  ) {}

  @Get('options')
  @ApiOperation({ summary: 'What may be applied for on an order: lines with units left, types, deadline' })
  @ApiOkResponse({ description: 'AfterSaleOptionsResponse; 404 ORDER_NOT_FOUND for another member’s order' })
  options(
    @CurrentUser() principal: Principal,
    @Query('orderId', new IdParamPipe('orderId')) orderId: number,
  ): Promise<AfterSaleOptionsResponse> {
    return this.afterSales.options(principal.id, orderId);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Apply for 仅退款 or 退货退款 of some units of one or more lines' })
  @ApiOkResponse({
    description:
      'AfterSaleView[] (PENDING_REVIEW), one per line; AFTER_SALE_QUANTITY_EXCEEDED, RETURN_WINDOW_CLOSED, ORDER_NOT_PAID, AFTER_SALE_TYPE_NOT_ALLOWED; idempotent by clientRequestId',
  })
  apply(@CurrentUser() principal: Principal, @Body() body: ApplyAfterSaleDto): Promise<AfterSaleView[]> {
    return this.afterSales.apply(principal.id, body);
  }

  @Get()
  @ApiOperation({ summary: 'The member’s after-sales, newest first' })
  @ApiOkResponse({ description: 'Page<AfterSaleView>' })
  list(@CurrentUser() principal: Principal, @Query() query: AfterSaleListQueryDto): Promise<Page<AfterSaleView>> {
    return this.afterSales.list(principal.id, query);
  }

  @Post('photos')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Upload one photo (field `file`; JPEG, PNG or WebP, ≤ 5 MB) for an application' })
  @ApiOkResponse({ description: 'AfterSalePhotoView; PHOTO_TYPE_UNSUPPORTED (415), PHOTO_TOO_LARGE (413)' })
  upload(@CurrentUser() principal: Principal, @Req() request: FastifyRequest): Promise<AfterSalePhotoView> {
    return this.photos.upload(principal.id, request.body, request.headers['content-type']);
  }

  @Get('photos/:id/content')
  @Public()
  @ApiOperation({ summary: 'A photo through the signed URL handed out with its after-sale' })
  async photo(
    @Param('id', new IdParamPipe()) id: number,
    @Query('exp') exp: string | undefined,
    @Query('sig') sig: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { mimeType, data } = await this.photos.open(id, exp ?? '', sig ?? '');
    await reply
      .header('content-type', mimeType)
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(data);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One after-sale with its timeline' })
  @ApiOkResponse({ description: 'AfterSaleView; 404 AFTER_SALE_NOT_FOUND for another member’s' })
  detail(@CurrentUser() principal: Principal, @Param('id', new IdParamPipe()) id: number): Promise<AfterSaleView> {
    return this.afterSales.detail(principal.id, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw an application still in review (the units become free again)' })
  @ApiOkResponse({ description: 'AfterSaleView (CANCELLED); AFTER_SALE_STATE_CONFLICT once reviewed' })
  cancel(@CurrentUser() principal: Principal, @Param('id', new IdParamPipe()) id: number): Promise<AfterSaleView> {
    return this.afterSales.cancel(principal.id, id);
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enter the return parcel’s carrier and tracking number (while 待退货)' })
  @ApiOkResponse({ description: 'AfterSaleView; AFTER_SALE_STATE_CONFLICT unless AWAITING_RETURN' })
  submitReturn(
    @CurrentUser() principal: Principal,
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: SubmitReturnParcelDto,
  ): Promise<AfterSaleView> {
    return this.afterSales.submitReturn(principal.id, id, body);
  }
}
