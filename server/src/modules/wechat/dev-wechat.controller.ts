import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { Public } from '../../common/auth/public.decorator';
import { DevWechatGateway, type SentSubscribeMessage } from './dev-wechat.gateway';
import { WechatGateway } from './wechat.gateway';

export class SubscribeMessagesQueryDto {
  @ApiPropertyOptional({ description: 'Only the messages to this openid' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  toOpenId?: string;
}

export class SentSubscribeMessageDto {
  @ApiProperty({ description: 'Running number in this process, higher is newer' })
  seq: number;

  @ApiProperty({ description: 'When the gateway was asked to send it (UTC, ISO 8601)' })
  sentAt: string;

  @ApiProperty()
  toOpenId: string;

  @ApiProperty()
  templateId: string;

  @ApiPropertyOptional()
  page?: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { thing1: '周三新品' } })
  data: Record<string, string>;

  @ApiPropertyOptional({ enum: ['developer', 'trial', 'formal'] })
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

/**
 * What the development WechatGateway would have sent, for demos and e2e tests (public: it stands in for the
 * member's WeChat inbox). Registered by WechatDevModule only outside production and with WECHAT_GATEWAY=dev, so
 * the route does not exist (404) anywhere a real member could be listed.
 */
@ApiTags('dev: WeChat')
@Controller('dev/wechat')
export class WechatDevController {
  private readonly gateway: DevWechatGateway;

  constructor(gateway: WechatGateway) {
    if (!(gateway instanceof DevWechatGateway)) throw new Error('WechatDevController needs the DevWechatGateway');
    this.gateway = gateway;
  }

  @Public()
  @Get('subscribe-messages')
  @ApiOkResponse({ type: [SentSubscribeMessageDto], description: 'Newest first, at most the last 500' })
  subscribeMessages(@Query() query: SubscribeMessagesQueryDto): SentSubscribeMessageDto[] {
    return this.gateway
      .sentSubscribeMessages()
      .filter((m) => query.toOpenId === undefined || m.toOpenId === query.toOpenId)
      .map(toDto);
  }
}

function toDto(m: SentSubscribeMessage): SentSubscribeMessageDto {
  return { ...m, sentAt: m.sentAt.toISOString() };
}
