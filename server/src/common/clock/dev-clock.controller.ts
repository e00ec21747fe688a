import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DevClockView } from '@tidepool/shared';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { Public } from '../auth/public.decorator';
import { DomainException } from '../errors/domain.exception';
import { Clock, SystemClock, TestClock } from './clock.service';

const MAX_ADVANCE_MS = 366 * 86_400_000;

export class DevClockAdvanceDto {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ADVANCE_MS)
  ms: number;
}

/**
 * Development only: read and move the server clock forward so a demo or a black-box e2e can pass a return window
 * (GET /api/dev/clock, POST /api/dev/clock/advance). Not registered in production, and 404 there regardless.
 */
@ApiTags('dev')
@Controller('dev/clock')
export class DevClockController {
  private base = 0;

  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'DevClockView' })
  view(): DevClockView {
    this.refuseInProduction();
    return this.current();
  }

  @Public()
  @Post('advance')
  @HttpCode(200)
  @ApiOkResponse({ description: 'DevClockView after the jump' })
  advance(@Body() body: DevClockAdvanceDto): DevClockView {
    this.refuseInProduction();
    if (this.clock instanceof SystemClock || this.clock instanceof TestClock) this.clock.advance(body.ms);
    else throw new DomainException('SERVICE_UNAVAILABLE', 'this clock cannot be moved');
    if (this.clock instanceof TestClock) this.base += body.ms;
    return this.current();
  }

  private current(): DevClockView {
    const offsetMs = this.clock instanceof SystemClock ? this.clock.offset : this.base;
    return { now: this.clock.now().toISOString(), offsetMs };
  }

  private refuseInProduction(): void {
    if (this.config.nodeEnv === 'production') throw new DomainException('ROUTE_NOT_FOUND');
  }
}
