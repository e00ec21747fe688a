import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AdminMessageSendsResponse } from '@tidepool/shared';
import { Roles } from '../../common/auth/roles.decorator';
import { AdminMessageSendsQueryDto } from './dto/messages.requests';
import { MessagesAdminService } from './messages-admin.service';

/** 消息触达 in the operator console: what was sent to whom. Brand-wide, so operators only (store managers 403). */
@ApiTags('admin')
@Roles('operator')
@Controller('admin/messages')
export class AdminMessagesController {
  constructor(private readonly admin: MessagesAdminService) {}

  @Get('sends')
  @ApiOperation({
    summary: 'Subscribe-message sends, newest first, filtered and paged in SQL, with per-template counts',
    description:
      'Filter by status (DEFERRED 待发送 / SENT 已发送 / SKIPPED 未发送 / REFUSED 用户拒收 / FAILED 失败), template ' +
      'key, member and the request time (from inclusive, to exclusive, ISO instants). `counts` gives, per template ' +
      'and status, how many sends match the same filters. Phones are masked.',
  })
  @ApiOkResponse({ description: 'AdminMessageSendsResponse' })
  sends(@Query() query: AdminMessageSendsQueryDto): Promise<AdminMessageSendsResponse> {
    return this.admin.list(query);
  }
}
