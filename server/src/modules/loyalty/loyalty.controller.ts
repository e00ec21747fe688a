import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type Page,
  type PointsBalanceResponse,
  type PointsHistoryEntry,
  tierBenefits,
  tierProgress,
  type TierResponse,
} from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { LoyaltyService } from './loyalty.service';
import { BrandSettings } from '../brand';

/** The member's own points and tier (积分, 会员等级). Every route reads the caller's ledger only. */
@ApiTags('loyalty')
@Roles('member', 'promoter')
@Controller('loyalty/me')
export class LoyaltyController {
  constructor(
    private readonly loyalty: LoyaltyService,
    private readonly brand: BrandSettings,
  ) {}

  @Get('points')
  @ApiOkResponse({ description: 'PointsBalanceResponse' })
  async points(@CurrentUser() member: Principal): Promise<PointsBalanceResponse> {
    const summary = await this.loyalty.summary(member.id);
    return {
      available: summary.points,
      debt: summary.debt,
      expiringSoon: summary.expiringSoon
        ? { points: summary.expiringSoon.points, at: summary.expiringSoon.at.toISOString() }
        : null,
    };
  }

  @Get('points/history')
  @ApiOkResponse({ description: 'Page<PointsHistoryEntry>, newest first' })
  async history(@CurrentUser() member: Principal, @Query() query: PageQueryDto): Promise<Page<PointsHistoryEntry>> {
    const page = await this.loyalty.history(member.id, { page: query.page, pageSize: query.pageSize });
    return {
      ...page,
      items: page.items.map((entry) => ({
        id: entry.id,
        kind: entry.kind,
        points: entry.points,
        reason: entry.reason,
        availableAfter: entry.availableAfter,
        createdAt: entry.createdAt.toISOString(),
      })),
    };
  }

  @Get('tier')
  @ApiOkResponse({ description: 'TierResponse' })
  async tier(@CurrentUser() member: Principal): Promise<TierResponse> {
    const { growth } = await this.loyalty.summary(member.id);
    const { tierTable, points, memberDay, perks } = this.brand.rules();
    const progress = tierProgress(growth, tierTable);
    return {
      growth,
      tier: { code: progress.current.code, name: progress.current.name },
      nextTier: progress.next
        ? { code: progress.next.code, name: progress.next.name, minGrowth: progress.next.minGrowth }
        : null,
      growthToNextTier: progress.growthToNext,
      progressPermille: progress.permille,
      benefits: tierBenefits(tierTable, points, memberDay, perks),
    };
  }
}
