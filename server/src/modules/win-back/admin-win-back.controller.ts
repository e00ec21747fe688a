import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WinBackProgrammeView, WinBackReportResponse } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { WinBackProgrammeDto } from './dto/win-back.requests';
import { WinBackService } from './win-back.service';

/** 流失挽回 in the operator console: the programme's settings and its results. Brand-wide, so operators only. */
@ApiTags('admin')
@Roles('operator')
@Controller('admin/win-back')
export class AdminWinBackController {
  constructor(private readonly winBack: WinBackService) {}

  @Get('programme')
  @ApiOperation({
    summary: 'The win-back programme settings',
    description: 'Disabled with no templates until an operator saves it; the holdout defaults to the growth rules.',
  })
  @ApiOkResponse({ description: 'WinBackProgrammeView' })
  programme(): Promise<WinBackProgrammeView> {
    return this.winBack.programme();
  }

  @Put('programme')
  @ApiOperation({
    summary: 'Save the win-back programme',
    description:
      'Wave 1 and wave 2 coupon templates (codes; both required to enable, and must exist: 404 ' +
      'COUPON_TEMPLATE_NOT_FOUND), the days after wave 1 that wave 2 goes out (1..90), and the held-out share ' +
      '(basis points 0..5000). Applies from the next daily run. Audited.',
  })
  @ApiOkResponse({ description: 'WinBackProgrammeView; 400 VALIDATION_FAILED naming the field' })
  save(@CurrentUser() principal: Principal, @Body() body: WinBackProgrammeDto): Promise<WinBackProgrammeView> {
    return this.winBack.saveProgramme(principal, body);
  }

  @Get('report')
  @ApiOperation({
    summary: 'Win-back results per wave: treated against held out',
    description:
      'For each wave, the members whose outcome is known (bought within winBackMeasureDays of the wave, or the ' +
      'window has ended): n and returned of treated and held-out members, their rates, the difference and its ' +
      '95% confidence interval (shared winBackRate, Wald). Members still inside the window without a purchase ' +
      'are counted as pending and left out.',
  })
  @ApiOkResponse({ description: 'WinBackReportResponse' })
  report(): Promise<WinBackReportResponse> {
    return this.winBack.report();
  }
}
