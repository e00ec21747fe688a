import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ERROR_CODES, type HealthDownResponse, type HealthResponse } from '@tidepool/shared';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/public.decorator';
import { RateLimitStore } from '../../common/rate-limit/rate-limit.store';

const DATABASE_PING_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rateLimits: RateLimitStore,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({
    description: 'The API and its database answer; `rateLimits` says where the rate-limit counters live',
    schema: { example: { status: 'ok', rateLimits: 'redis: up' } },
  })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse | HealthDownResponse> {
    // A Redis outage is reported, not failed on: the API still serves (logins wait, reads go through).
    const [databaseUp, rateLimits] = await Promise.all([this.databaseAnswers(), this.rateLimits.status()]);
    if (databaseUp) return { status: 'ok', rateLimits };
    void reply.status(503);
    return {
      status: 'down',
      code: 'DATABASE_UNAVAILABLE',
      message: ERROR_CODES.DATABASE_UNAVAILABLE.message,
      rateLimits,
    };
  }

  private async databaseAnswers(): Promise<boolean> {
    if (!this.dataSource.isInitialized) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), DATABASE_PING_TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.dataSource.query('SELECT 1').then(() => true), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
