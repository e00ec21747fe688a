import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MessageConsentsResponse } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { ReportMessageConsentsDto, WithdrawMessageConsentsDto } from './dto/messages.requests';
import { MessageConsentsService } from './message-consents.service';

/** The member's own subscribe-message consents (个人信息与隐私): every route acts on the caller only. */
@ApiTags('messages')
@Roles('member', 'promoter')
@Controller('me/message-consents')
export class MessageConsentsController {
  constructor(private readonly consents: MessageConsentsService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record what wx.requestSubscribeMessage answered',
    description:
      'Each accepted template id grants one consent (one message the brand may send); rejected ids are recorded ' +
      'with nothing granted. 400 VALIDATION_FAILED names the field of an unknown template id.',
  })
  @ApiOkResponse({ description: 'MessageConsentsResponse' })
  report(
    @CurrentUser() principal: Principal,
    @Body() body: ReportMessageConsentsDto,
  ): Promise<MessageConsentsResponse> {
    return this.consents.report(principal.id, body);
  }

  @Get()
  @ApiOperation({
    summary: "The caller's consents per template",
    description: 'For each template the member ever granted: its Chinese name, how many sends are left, last grant.',
  })
  @ApiOkResponse({ description: 'MessageConsentsResponse' })
  list(@CurrentUser() principal: Principal): Promise<MessageConsentsResponse> {
    return this.consents.list(principal.id);
  }

  @Post('withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw the unspent consents of a template',
    description:
      'Drops every unspent consent of the template (recorded in the ledger); idempotent. WeChat keeps its own ' +
      'count, which the brand then never uses.',
  })
  @ApiOkResponse({ description: 'MessageConsentsResponse' })
  withdraw(
    @CurrentUser() principal: Principal,
    @Body() body: WithdrawMessageConsentsDto,
  ): Promise<MessageConsentsResponse> {
    return this.consents.withdraw(principal.id, body.templateId);
  }
}
