import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ServerTimeResponse } from '@tidepool/shared';
import { Public } from '../../common/auth/public.decorator';
import { Clock } from '../../common/clock/clock.service';

import { BrandSettings } from '../brand';

/**
 * The server's "now" (honouring TIDEPOOL_NOW). Countdowns in the mini program compare it with the device clock
 * and correct for the skew, so a phone set five minutes fast cannot see a drop open early. The zone is the one
 * the mini program shows every date and time in (not the phone's).
 */
@ApiTags('health')
@Controller('time')
export class TimeController {
  constructor(
    private readonly clock: Clock,
    private readonly brand: BrandSettings,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ schema: { example: { now: '2026-11-25T02:00:00.000Z', timeZone: 'Asia/Shanghai' } } })
  now(): ServerTimeResponse {
    return { now: this.clock.now().toISOString(), timeZone: this.brand.timeZone() };
  }
}
