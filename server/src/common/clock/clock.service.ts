import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';

/**
 * The only source of "now" for time-dependent code (member day, drops, expiry, jobs). With TIDEPOOL_NOW set it
 * starts at that instant and then runs at normal speed, so a demo or a black-box test can open on a Wednesday.
 * Tests that need to move time use `TestClock`.
 */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  private offsetMs: number;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'startAt'>) {
    super();
    this.offsetMs = config.startAt ? config.startAt.getTime() - Date.now() : 0;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Development only (POST /api/dev/clock/advance): jump forward, e.g. past a return window in the demo. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
    this.offsetMs += ms;
  }

  /** How far this clock is ahead of the machine's. */
  get offset(): number {
    return this.offsetMs;
  }
}

/** A clock that only moves when told to. */
export class TestClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(instant: Date): void {
    this.current = new Date(instant.getTime());
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
