import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEntryView, Page } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { storeScopeOf, type Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { AuditLog } from './audit-log.service';
import { AuditListQueryDto } from './dto/audit.requests';

@ApiTags('admin')
@Roles('operator', 'store_manager')
@Controller('admin/audit')
export class AdminAuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @ApiOperation({
    summary: 'The audit trail of operator writes, newest first',
    description:
      'Every console write records who did it, when, the action, and the object before and after. Filter by ' +
      'object (objectType + objectId: what a detail page shows), by operator, by action or by time. A store ' +
      'manager sees only entries about objects of their own store.',
  })
  @ApiOkResponse({ description: 'Page<AuditEntryView>' })
  list(@Query() query: AuditListQueryDto, @CurrentUser() principal: Principal): Promise<Page<AuditEntryView>> {
    return this.audit.list(query, storeScopeOf(principal));
  }
}
