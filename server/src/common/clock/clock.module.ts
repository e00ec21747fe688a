import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock.service';
import { DevClockController } from './dev-clock.controller';

@Global()
@Module({})
export class ClockModule {
  /** The system clock (honouring TIDEPOOL_NOW), or the given one (tests that move time). */
  static forRoot(clock?: Clock): DynamicModule {
    return {
      module: ClockModule,
      // Development only: the controller answers 404 when NODE_ENV=production.
      controllers: [DevClockController],
      providers: [clock ? { provide: Clock, useValue: clock } : { provide: Clock, useClass: SystemClock }],
      exports: [Clock],
    };
  }
}
