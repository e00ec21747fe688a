import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { SettlementRunResult } from '@tidepool/shared';
import { Public } from '../../common/auth/public.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { DevTransferGateway } from '../payments';
import { TransferGateway } from '../payments';
import { CommissionsService } from './commissions.service';
import { DevTransferModeDto } from './dto/distribution.requests';
import { WithdrawalsService } from './withdrawals.service';

/**
 * Development only (404 when NODE_ENV=production): run the settlement job without an operator, and make the
 * development transfer gateway fail, for the demo and the mini program's e2e against a running server.
 */
@ApiTags('dev')
@Controller('dev')
export class DevDistributionController {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly withdrawals: WithdrawalsService,
    private readonly transfer: TransferGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('jobs/commission-settlement/run')
  @HttpCode(200)
  @ApiOkResponse({ description: 'SettlementRunResult' })
  async settle(): Promise<SettlementRunResult> {
    this.refuseInProduction();
    const result = await this.commissions.settleDue();
    await this.withdrawals.sweep();
    return result;
  }

  @Public()
  @Post('distribution/transfers/mode')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ mode }' })
  mode(@Body() body: DevTransferModeDto): { mode: string } {
    this.refuseInProduction();
    if (!(this.transfer instanceof DevTransferGateway)) throw new DomainException('ROUTE_NOT_FOUND');
    this.transfer.mode = body.mode;
    return { mode: body.mode };
  }

  private refuseInProduction(): void {
    if (this.config.nodeEnv === 'production') throw new DomainException('ROUTE_NOT_FOUND');
  }
}
