import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ADMIN_ORDER_EXPORT_MAX_ROWS,
  type AdminOrderDetail,
  type AdminOrderRow,
  type AdminOrderStoreOption,
  type Page,
} from '@tidepool/shared';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { type Principal, storeScopeOf } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { AdminCancelOrderDto, AdminOrderListQueryDto } from './dto/admin-orders.requests';
import { ShipOrderDto } from './dto/orders.requests';
import { OrdersAdminService } from './orders-admin.service';

const SCOPE_NOTE =
  'A store manager sees and acts on the orders of their own store only (an order belongs to its pickup store; ' +
  'shipped orders belong to the brand): any other order is 404 ORDER_NOT_FOUND.';

@ApiTags('admin')
@Roles('operator', 'store_manager')
@Controller('admin/orders')
export class AdminOrdersController {
  constructor(private readonly orders: OrdersAdminService) {}

  @Get()
  @ApiOperation({
    summary: 'Orders, newest first, filtered by state, fulfilment, store, time, order number and member phone',
    description:
      'Every filter is applied in SQL. `phone` is the full 11-digit number; rows show it masked (138****1234). ' +
      '`from`/`to` are UTC instants (the console sends the brand-zone day boundaries). Each row carries the ' +
      'store, channel (mall or weekly drop), amount paid and item count. ' +
      SCOPE_NOTE,
  })
  @ApiOkResponse({ description: 'Page<AdminOrderRow>; 400 VALIDATION_FAILED naming the bad filter' })
  list(@Query() query: AdminOrderListQueryDto, @CurrentUser() principal: Principal): Promise<Page<AdminOrderRow>> {
    return this.orders.list(query, storeScopeOf(principal));
  }

  @Get('export.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: `The filtered orders as CSV (at most ${ADMIN_ORDER_EXPORT_MAX_ROWS.toLocaleString('en')} rows)`,
    description:
      'The list filters (pagination ignored), newest first, streamed in SQL batches. UTF-8 with a BOM so Excel ' +
      'reads the Chinese headers; amounts in yuan with two decimals; times in the brand time zone; phone masked. ' +
      `At most ${ADMIN_ORDER_EXPORT_MAX_ROWS} rows: narrow the dates for more. ` +
      'Sent as an attachment named orders-YYYYMMDD.csv. ' +
      SCOPE_NOTE,
  })
  @ApiOkResponse({ description: 'text/csv attachment' })
  exportCsv(
    @Query() query: AdminOrderListQueryDto,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): StreamableFile {
    const scope = storeScopeOf(principal);
    const name = this.orders.exportFileName();
    void reply.header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${name}`);
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    return new StreamableFile(Readable.from(this.orders.exportCsv(filters, scope), { objectMode: false }));
  }

  @Get('stores')
  @ApiOperation({
    summary: 'The stores the order list can be filtered by',
    description: 'Every store for an operator; a store manager gets their own store only.',
  })
  @ApiOkResponse({ description: 'AdminOrderStoreOption[]' })
  stores(@CurrentUser() principal: Principal): Promise<AdminOrderStoreOption[]> {
    return this.orders.storeOptions(storeScopeOf(principal));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One order: lines with their price breakdown, payment, refunds, shipment or pickup, and its timeline',
    description:
      'Lines show the original price, the line and order-level discounts, what was paid and what was refunded; ' +
      'the rule versions the order was priced with are kept on it. Payment and refunds carry the WeChat Pay ' +
      'transaction_id, out_refund_no and refund_id, and each refund its WeChat status. The timeline merges the ' +
      'order’s own moves, its refunds and its after-sales. `actions` lists what the console may do now. ' +
      SCOPE_NOTE,
  })
  @ApiOkResponse({ description: 'AdminOrderDetail; 404 ORDER_NOT_FOUND' })
  detail(@Param('id', new IdParamPipe()) id: number, @CurrentUser() principal: Principal): Promise<AdminOrderDetail> {
    return this.orders.detail(id, storeScopeOf(principal));
  }

  @Post(':id/ship')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ship a paid order: record the carrier and tracking number (PAID → FULFILLED)',
    description:
      'The member sees the carrier and tracking number on the order and may confirm receipt; the order completes ' +
      'by itself ORDER_AUTO_CONFIRM_DAYS after shipping. The same carrier and number again answer the order ' +
      'unchanged; another shipment is 409 ORDER_ALREADY_SHIPPED. Pickup orders are handed over instead ' +
      '(…/pickup-handover). Audited as order.ship. ' +
      SCOPE_NOTE,
  })
  @ApiOkResponse({ description: 'AdminOrderDetail (FULFILLED, with shipment); 409 ORDER_STATE_CONFLICT unless PAID' })
  ship(
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: ShipOrderDto,
    @CurrentUser() principal: Principal,
  ): Promise<AdminOrderDetail> {
    return this.orders.ship(principal, id, body, storeScopeOf(principal));
  }

  /** Handed over outside the system (no tracking number); shipped orders use `ship`. */
  @Post(':id/fulfil')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark a paid order fulfilled without a tracking number (PAID → FULFILLED)',
    description:
      'For goods handed over outside the system; the member then confirms receipt (or it completes by itself). ' +
      'Shipped orders should use …/ship, pickup orders …/pickup-handover. Audited as order.fulfil. ' +
      SCOPE_NOTE,
  })
  @ApiOkResponse({ description: 'AdminOrderDetail (FULFILLED); 409 ORDER_STATE_CONFLICT unless PAID' })
  fulfil(@Param('id', new IdParamPipe()) id: number, @CurrentUser() principal: Principal): Promise<AdminOrderDetail> {
    return this.orders.fulfil(principal, id, storeScopeOf(principal));
  }

  @Post(':id/pickup-handover')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Hand a paid pickup order over to the member from the console (PAID → COMPLETED)',
    description:
      'The same move as a cashier entering the pickup code: the order is fulfilled and completed at once and ' +
      '`order.completed` is published; the staff account that did it is kept on the order. Refused while a ' +
      'refund of it is under way. Audited as order.hand_over. ' +
      SCOPE_NOTE,
  })
  @ApiOkResponse({
    description: 'AdminOrderDetail (COMPLETED); 409 ORDER_STATE_CONFLICT unless a PAID pickup order',
  })
  handOver(@Param('id', new IdParamPipe()) id: number, @CurrentUser() principal: Principal): Promise<AdminOrderDetail> {
    return this.orders.handOver(principal, id, storeScopeOf(principal));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel an unpaid order with a reason (PENDING_PAYMENT → CANCELLED)',
    description:
      'The same release as the member’s cancel and the payment timeout: the WeChat Pay order is closed first, ' +
      'then the stock (or drop units) and coupons go back once, in the transaction that cancels. A paid order ' +
      'cannot be cancelled here (its lines are refunded through after-sales). Audited as order.cancel. ' +
      SCOPE_NOTE,
  })
  @ApiOkResponse({ description: 'AdminOrderDetail (CANCELLED); 409 ORDER_STATE_CONFLICT unless PENDING_PAYMENT' })
  cancel(
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: AdminCancelOrderDto,
    @CurrentUser() principal: Principal,
  ): Promise<AdminOrderDetail> {
    return this.orders.cancel(principal, id, body.reason, storeScopeOf(principal));
  }
}
