import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/public.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import type { SubscribeTemplatesConfig } from '../../config/env';

/** GET /api/wechat/subscribe-templates: the template ids the mini program asks the member to accept. */
export type SubscribeTemplatesResponse = SubscribeTemplatesConfig;

/**
 * The subscribe-message templates of this deployment (WECHAT_*_TEMPLATE_ID), so the mini program never hard-codes
 * one: it passes these to wx.requestSubscribeMessage, from a tap, before the action that will send the message.
 * Template ids are not secret (they travel in every request the page makes to WeChat). Field mappings:
 * docs/wechat-subscribe-messages.md.
 */
@ApiTags('wechat')
@Controller('wechat/subscribe-templates')
export class SubscribeTemplatesController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Get()
  @ApiOkResponse({
    schema: {
      example: {
        dropReminder: 'dev-drop-reminder',
        orderShipped: 'dev-order-shipped',
        refundResult: 'dev-refund-result',
        couponExpiring: 'dev-coupon-expiring',
      },
    },
  })
  templates(): SubscribeTemplatesResponse {
    const { dropReminder, orderShipped, refundResult, couponExpiring } = this.config.subscribeTemplates;
    return { dropReminder, orderShipped, refundResult, couponExpiring };
  }
}
