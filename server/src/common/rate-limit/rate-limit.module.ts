import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { Clock } from '../clock/clock.service';
import { MemoryRateLimitStore } from './memory-rate-limit.store';
import { RateLimitStore } from './rate-limit.store';
import { RedisRateLimitStore } from './redis-rate-limit.store';

/** The one `RateLimitStore` of the app: Redis when REDIS_URL is set, this process's memory otherwise. */
@Global()
@Module({
  providers: [
    {
      provide: RateLimitStore,
      inject: [APP_CONFIG, Clock],
      useFactory: ({ rateLimits }: Pick<AppConfig, 'rateLimits'>, clock: Clock): RateLimitStore =>
        rateLimits.store === 'redis'
          ? new RedisRateLimitStore(rateLimits.url, rateLimits.keyPrefix)
          : new MemoryRateLimitStore(clock),
    },
  ],
  exports: [RateLimitStore],
})
export class RateLimitModule {}
