import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ErrorCode } from '@tidepool/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../../../common/auth/public.decorator';
import { DomainException } from '../../../../common/errors/domain.exception';
import { rawBodyOf } from '../wechatpay-raw-body';
import { payErrorPage, payPage } from './pay-page';
import { SimError } from './simulator-api';
import { SimPayDto, SimPayResultDto } from './dto/sim-pay.requests';
import { WechatPaySimulator } from './wechatpay-simulator';

/** Where the simulator's WeChat Pay API lives under the app (`WECHATPAY_API_BASE` for a client pointed at it). */
export const SIMULATOR_ROUTE = '/api/dev/wechatpay';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The simulator over HTTP (registered only with WECHATPAY_GATEWAY=sim): WeChat Pay's APIv3 routes, which check
 * the merchant's signature themselves (hence @Public), and the H5 pay page standing in for `wx.requestPayment`.
 */
@ApiTags('dev: WeChat Pay simulator')
@Controller('dev/wechatpay')
export class WechatPaySimController {
  constructor(private readonly simulator: WechatPaySimulator) {}

  @Public()
  @Post('v3/pay/transactions/jsapi')
  @ApiExcludeEndpoint()
  jsapi(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.forward(request, reply);
  }

  @Public()
  @Get('v3/pay/transactions/out-trade-no/:outTradeNo')
  @ApiExcludeEndpoint()
  query(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.forward(request, reply);
  }

  @Public()
  @Post('v3/pay/transactions/out-trade-no/:outTradeNo/close')
  @ApiExcludeEndpoint()
  close(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.forward(request, reply);
  }

  @Public()
  @Post('v3/refund/domestic/refunds')
  @ApiExcludeEndpoint()
  refund(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.forward(request, reply);
  }

  @Public()
  @Get('v3/refund/domestic/refunds/:outRefundNo')
  @ApiExcludeEndpoint()
  queryRefund(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.forward(request, reply);
  }

  @Public()
  @Get('pay')
  @ApiProduces('text/html')
  @ApiQuery({ name: 'prepay_id', description: 'From jsapiPrepay (the `package` without `prepay_id=`)' })
  @ApiQuery({ name: 'return', required: false, description: 'Where to go after paying or cancelling' })
  @ApiOkResponse({ description: 'The pay page: order summary, 确认支付 and 取消' })
  page(
    @Query('prepay_id') prepayId: string | undefined,
    @Query('return') returnUrl: string | undefined,
    @Res() reply: FastifyReply,
  ): void {
    const back = safeReturnUrl(returnUrl);
    const order = prepayId ? this.simulator.orderByPrepayId(prepayId) : undefined;
    const html = (status: number, body: string) =>
      void reply.status(status).header('content-type', 'text/html; charset=utf-8').send(body);
    if (!order) return html(404, payErrorPage('支付单不存在或已失效', back));
    if (order.state === 'SUCCESS' || order.state === 'REFUND') return html(409, payErrorPage('该订单已支付', back));
    if (order.state === 'CLOSED' || order.state === 'REVOKED') return html(409, payErrorPage('支付单已关闭', back));
    html(200, payPage(order, back));
  }

  @Public()
  @Post('pay')
  @HttpCode(200)
  @ApiOkResponse({
    type: SimPayResultDto,
    description: '404 PAYMENT_ORDER_NOT_FOUND; 409 PAYMENT_ORDER_CLOSED, PAYMENT_ORDER_PAID',
  })
  async pay(@Body() body: SimPayDto): Promise<SimPayResultDto> {
    const back = safeReturnUrl(body.returnUrl);
    if (body.action === 'cancel') {
      if (!this.simulator.orderByPrepayId(body.prepayId)) throw new DomainException('PAYMENT_ORDER_NOT_FOUND');
      return { redirect: withResult(back, 'cancel') };
    }
    try {
      await this.simulator.pay(body.prepayId);
    } catch (error) {
      if (error instanceof SimError) throw new DomainException(errorCodeOf(error.code), error.message);
      throw error;
    }
    return { redirect: withResult(back, 'success') };
  }

  private forward(request: FastifyRequest, reply: FastifyReply): void {
    const at = request.url.indexOf('/v3/');
    const answer = this.simulator.handle({
      method: request.method,
      url: request.url.slice(at),
      headers: request.headers,
      body: rawBodyOf(request)?.toString('utf8') ?? '',
    });
    void reply
      .status(answer.status)
      .headers(answer.headers)
      .send(answer.status === 204 ? undefined : answer.body);
  }
}

function errorCodeOf(simCode: string): ErrorCode {
  switch (simCode) {
    case 'ORDERPAID':
      return 'PAYMENT_ORDER_PAID';
    case 'ORDER_CLOSED':
    case 'ORDER_EXPIRED':
      return 'PAYMENT_ORDER_CLOSED';
    case 'ORDER_NOT_EXIST':
      return 'PAYMENT_ORDER_NOT_FOUND';
    default:
      return 'PAYMENT_REJECTED';
  }
}

/** A path on this site, or a loopback URL (the H5 dev server); anything else goes home (no open redirect). */
export function safeReturnUrl(raw: string | undefined): string {
  if (!raw) return '/';
  if (raw.startsWith('/') && !raw.startsWith('//') && !raw.includes('\\')) return raw;
  try {
    const url = new URL(raw);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.has(url.hostname)) return url.toString();
  } catch {
    // not a URL
  }
  return '/';
}

function withResult(url: string, result: 'success' | 'cancel'): string {
  const [beforeHash = '', hash] = url.split('#', 2);
  const joined = `${beforeHash}${beforeHash.includes('?') ? '&' : '?'}pay_result=${result}`;
  return hash === undefined ? joined : `${joined}#${hash}`;
}
