import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LifecycleOverviewView, MemberFactsView } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { type Principal, storeScopeOf } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { GrowthAdminService } from './growth-admin.service';

/** 生命周期 in the operator console, and the growth facts on a member's profile. Read-only. */
@ApiTags('admin')
@Controller('admin')
export class AdminGrowthController {
  constructor(private readonly growth: GrowthAdminService) {}

  @Get('growth/lifecycle')
  @Roles('operator', 'store_manager')
  @ApiOperation({
    summary: 'Members per lifecycle stage and relationship level, and the flows between stages',
    description:
      'Counted in SQL over the member facts read model (kept current from purchases and checked nightly). A store ' +
      'manager sees the members whose home store (most till sales and pickups, else the signup store) is theirs. ' +
      'Flows are the from→to counts of recorded stage changes in the last 7 and 30 days (from null: first stage).',
  })
  @ApiOkResponse({ description: 'LifecycleOverviewView' })
  lifecycle(@CurrentUser() principal: Principal): Promise<LifecycleOverviewView> {
    return this.growth.lifecycle(storeScopeOf(principal));
  }

  @Get('members/:id/facts')
  @Roles('operator')
  @ApiOperation({
    summary: "One member's growth facts, lifecycle stage, relationship level and stage history",
    description:
      'The facts the growth rules judge (365-day orders and spend net of refunds, channel mix, typical gap, home ' +
      'store, promoter, tier, birth month) with the stage history, newest first. 404 MEMBER_NOT_FOUND for an ' +
      'unknown member, 404 MEMBER_FACTS_NOT_FOUND for one who never signed up.',
  })
  @ApiOkResponse({ description: 'MemberFactsView' })
  memberFacts(@Param('id', new IdParamPipe()) id: number): Promise<MemberFactsView> {
    return this.growth.memberFacts(id);
  }
}
