import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CheckoutQuoteResponse, OrderPaymentResponse, OrderSummaryView, OrderView, Page } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { CheckoutService } from './checkout.service';
import { CheckoutQuoteDto, CreateOrderDto, OrderListQueryDto, RequestRefundDto } from './dto/orders.requests';
import { OrderFulfilmentService } from './order-fulfilment.service';
import { OrderPaymentsService } from './order-payments.service';
import { OrderRefundsService } from './order-refunds.service';
import { OrdersService } from './orders.service';

/** A member's checkout and orders; every route acts on the caller's own orders only. */
@ApiTags('orders')
@Roles('member', 'promoter')
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly orders: OrdersService,
    private readonly payments: OrderPaymentsService,
    private readonly refunds: OrderRefundsService,
    private readonly fulfilment: OrderFulfilmentService,
  ) {}

  @Post('quote')
  @HttpCode(200)
  @ApiOkResponse({ description: 'CheckoutQuoteResponse: line-by-line breakdown, coupons usable or why not' })
  async quote(@CurrentUser() principal: Principal, @Body() body: CheckoutQuoteDto): Promise<CheckoutQuoteResponse> {
    const priced = await this.checkout.price(principal.id, body.lines, body.couponIds);
    return {
      lines: priced.lines.map(({ sku, product, quantity }, i) => {
        const line = priced.result.lines[i];
        return {
          skuId: sku.id,
          productId: product.id,
          productName: product.name,
          specText: Object.values(sku.specs).join(' / '),
          imageUrl: product.coverUrl,
          unitPriceFen: sku.priceFen,
          quantity,
          originalFen: line.originalFen,
          itemDiscountFen: line.itemDiscountFen,
          orderDiscountFen: line.orderDiscountFen,
          paidFen: line.paidFen,
        };
      }),
      discounts: priced.result.discounts.map((d) => ({ key: d.key, label: d.label, amountFen: d.amountFen })),
      subtotalFen: priced.result.subtotalFen,
      totalDiscountFen: priced.result.totalDiscountFen,
      payableFen: priced.result.payableFen,
      couponIds: priced.couponIds,
      suggestedCouponIds: priced.suggestedCouponIds,
      coupons: priced.options,
      memberDay: priced.memberDay,
      pointsToEarn: priced.points,
    };
  }

  @Post()
  @HttpCode(200)
  @ApiOkResponse({
    description: 'OrderView; STOCK_INSUFFICIENT, PRICE_CHANGED, coupon codes; idempotent by clientOrderId',
  })
  create(@CurrentUser() principal: Principal, @Body() body: CreateOrderDto): Promise<OrderView> {
    return this.orders.create(principal.id, body);
  }

  @Get()
  @ApiOkResponse({ description: 'Page<OrderSummaryView>, newest first; ?state= filters (the list tabs)' })
  list(@CurrentUser() principal: Principal, @Query() query: OrderListQueryDto): Promise<Page<OrderSummaryView>> {
    return this.orders.list(principal.id, query);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'OrderView; 404 ORDER_NOT_FOUND for another member’s order' })
  detail(@CurrentUser() principal: Principal, @Param('id', new IdParamPipe()) id: number): Promise<OrderView> {
    return this.orders.detail(principal.id, id);
  }

  @Post(':id/pay')
  @HttpCode(200)
  @ApiOkResponse({ description: 'OrderPaymentResponse: requestPayment params (weapp) or the simulator pay page (H5)' })
  async pay(
    @CurrentUser() principal: Principal,
    @Param('id', new IdParamPipe()) id: number,
  ): Promise<OrderPaymentResponse> {
    return this.payments.pay(principal.id, await this.orders.ownOrder(principal.id, id));
  }

  @Post(':id/refunds')
  @HttpCode(200)
  @ApiOkResponse({ description: 'OrderView with the lines REFUNDING (REFUNDED once WeChat confirms)' })
  async refund(
    @CurrentUser() principal: Principal,
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: RequestRefundDto,
  ): Promise<OrderView> {
    await this.refunds.request(principal.id, id, body.lineIds);
    return this.orders.detail(principal.id, id);
  }

  @Post(':id/confirm-receipt')
  @HttpCode(200)
  @ApiOkResponse({ description: 'OrderView (COMPLETED); repeats answer the order; 409 unless shipped' })
  confirmReceipt(@CurrentUser() principal: Principal, @Param('id', new IdParamPipe()) id: number): Promise<OrderView> {
    return this.fulfilment.confirmReceipt(principal.id, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ description: 'OrderView (CANCELLED); stock and coupons released' })
  cancel(@CurrentUser() principal: Principal, @Param('id', new IdParamPipe()) id: number): Promise<OrderView> {
    return this.orders.cancelByMember(principal.id, id);
  }
}
