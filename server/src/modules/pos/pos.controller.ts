import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page, TillQuoteResponse, TillTransactionView } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { TillPurchaseDto, TillQuoteDto } from './dto/pos.requests';
import { PosService } from './pos.service';

/** Till purchases in store mode: quote, confirm (idempotent by clientId), list, refund. Cashiers, own store. */
@ApiTags('store-mode')
@Roles('cashier')
@Controller('store-mode/purchases')
export class PosController {
  constructor(private readonly pos: PosService) {}

  @Post('quote')
  @HttpCode(200)
  @ApiOkResponse({ description: 'TillQuoteResponse: breakdown, payable, points and growth to earn' })
  quote(@CurrentUser() cashier: Principal, @Body() body: TillQuoteDto): Promise<TillQuoteResponse> {
    return this.pos.quote(cashier, body);
  }

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ description: 'TillTransactionView; the same clientId again returns the same sale' })
  purchase(@CurrentUser() cashier: Principal, @Body() body: TillPurchaseDto): Promise<TillTransactionView> {
    return this.pos.purchase(cashier, body);
  }

  @Get()
  @ApiOkResponse({ description: 'Page<TillTransactionView> of this store, newest first' })
  list(@CurrentUser() cashier: Principal, @Query() query: PageQueryDto): Promise<Page<TillTransactionView>> {
    return this.pos.list(cashier, query);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'TillTransactionView' })
  get(@CurrentUser() cashier: Principal, @Param('id', new IdParamPipe()) id: number): Promise<TillTransactionView> {
    return this.pos.get(cashier, id);
  }

  @Post(':id/refund')
  @HttpCode(200)
  @ApiOkResponse({ description: 'TillTransactionView; 409 TILL_TXN_ALREADY_REFUNDED; 404 TILL_TXN_NOT_FOUND' })
  refund(@CurrentUser() cashier: Principal, @Param('id', new IdParamPipe()) id: number): Promise<TillTransactionView> {
    return this.pos.refund(cashier, id);
  }
}
