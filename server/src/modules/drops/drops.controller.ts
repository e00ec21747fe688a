import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  DropListResponse,
  DropOrderSummaryView,
  DropReminderResponse,
  DropView,
  OrderView,
  Page,
} from '@tidepool/shared';
import { CurrentUser, OptionalUser } from '../../common/auth/current-user.decorator';
import { MEMBER_ROLES, type Principal } from '../../common/auth/principal';
import { Public } from '../../common/auth/public.decorator';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { DropRemindersService } from './drop-reminders.service';
import { DropsService } from './drops.service';
import { CreateDropOrderDto, DropReminderDto } from './dto/drops.requests';

/** 团购: public to browse (personalised with a member token), members to buy and be reminded. */
@ApiTags('drops')
@Controller('drops')
export class DropsController {
  constructor(
    private readonly drops: DropsService,
    private readonly reminders: DropRemindersService,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'DropListResponse: open now or opening within 7 days' })
  list(@OptionalUser() principal: Principal | null): Promise<DropListResponse> {
    return this.drops.list(memberOf(principal));
  }

  @Roles('member', 'promoter')
  @Get('orders/mine')
  @ApiOkResponse({ description: 'Page<DropOrderSummaryView>' })
  myOrders(@CurrentUser() principal: Principal, @Query() query: PageQueryDto): Promise<Page<DropOrderSummaryView>> {
    return this.drops.myOrders(principal.id, query);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ description: 'DropView; 404 DROP_NOT_FOUND' })
  get(@OptionalUser() principal: Principal | null, @Param('id', new IdParamPipe()) id: number): Promise<DropView> {
    return this.drops.get(id, memberOf(principal));
  }

  @Roles('member', 'promoter')
  @Post(':id/orders')
  @ApiOkResponse({
    description:
      'OrderView (PENDING_PAYMENT at the drop price); 409 DROP_NOT_OPEN (details: opensAt) / DROP_ENDED / DROP_SOLD_OUT / DROP_LIMIT_REACHED',
  })
  buy(
    @CurrentUser() principal: Principal,
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: CreateDropOrderDto,
  ): Promise<OrderView> {
    return this.drops.buy(principal.id, id, body);
  }

  @Roles('member', 'promoter')
  @Post(':id/reminder')
  @HttpCode(200)
  @ApiOkResponse({ description: 'DropReminderResponse; 400 VALIDATION_FAILED without the reminder template' })
  remind(
    @CurrentUser() principal: Principal,
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: DropReminderDto,
  ): Promise<DropReminderResponse> {
    return this.reminders.remind(principal.id, id, body.templateIds);
  }

  @Roles('member', 'promoter')
  @Delete(':id/reminder')
  @ApiOkResponse({ description: 'DropReminderResponse (reminded: false)' })
  forget(
    @CurrentUser() principal: Principal,
    @Param('id', new IdParamPipe()) id: number,
  ): Promise<DropReminderResponse> {
    return this.reminders.forget(principal.id, id);
  }
}

function memberOf(principal: Principal | null): number | null {
  return principal && MEMBER_ROLES.includes(principal.role) ? principal.id : null;
}
