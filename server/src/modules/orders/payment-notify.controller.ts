import { Controller, HttpCode, Logger, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/public.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { rawBodyOf } from '../payments';
import { NOTIFICATION_FAILURE_BODY, rejectionStatus, WechatPayNotificationVerifier } from '../payments';
import { OrderPaymentsService } from './order-payments.service';
import { OrderRefundsService } from './order-refunds.service';

/**
 * WeChat Pay's notification URLs. Public (WeChat calls them), but nothing happens unless the signature, the
 * timestamp, the key and the decryption all check out. 204 only once the effect is committed; any failure is
 * non-2xx so WeChat retries. The handlers send the reply themselves (`@Res()` without passthrough: Nest sending
 * the return value as well would answer twice).
 */
@ApiExcludeController()
@Public()
@Controller('payments/wechat')
export class PaymentNotifyController {
  private readonly logger = new Logger(PaymentNotifyController.name);

  constructor(
    private readonly verifier: WechatPayNotificationVerifier,
    private readonly payments: OrderPaymentsService,
    private readonly refunds: OrderRefundsService,
  ) {}

  @Post('notify')
  @HttpCode(204)
  async notify(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const verified = this.verifier.verify({ headers: request.headers, body: rawBodyOf(request) ?? '' });
    if (!verified.ok || verified.notification.kind !== 'transaction') {
      const reason = verified.ok ? 'UNSUPPORTED_EVENT' : verified.reason;
      this.logger.warn({ msg: 'payment notification refused', reason });
      return reply.status(rejectionStatus(reason)).send(NOTIFICATION_FAILURE_BODY);
    }
    try {
      await this.payments.applyPayment(verified.notification.transaction);
    } catch (error) {
      const status = error instanceof DomainException && error.status < 500 ? 400 : 500;
      this.logger.error({ msg: 'payment notification not applied', error: (error as Error).message });
      return reply.status(status).send(NOTIFICATION_FAILURE_BODY);
    }
    return reply.status(204).send();
  }

  @Post('refund-notify')
  @HttpCode(204)
  async refundNotify(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const verified = this.verifier.verify({ headers: request.headers, body: rawBodyOf(request) ?? '' });
    if (!verified.ok || verified.notification.kind !== 'refund') {
      const reason = verified.ok ? 'UNSUPPORTED_EVENT' : verified.reason;
      this.logger.warn({ msg: 'refund notification refused', reason });
      return reply.status(rejectionStatus(reason)).send(NOTIFICATION_FAILURE_BODY);
    }
    await this.refunds.settle(
      verified.notification.refund.outRefundNo,
      verified.notification.refund.status,
      verified.notification.refund.refundId,
    );
    return reply.status(204).send();
  }
}
