import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll } from 'vitest';
import { TransactionsModule } from '../../src/common/database/transactions.module';
import { ClockModule } from '../../src/common/clock/clock.module';
import { Clock, type TestClock } from '../../src/common/clock/clock.service';
import { ConfigModule } from '../../src/config/config.module';
import { loadConfig } from '../../src/config/env';
import { DatabaseModule } from '../../src/database/database.module';
import { BrandModule } from '../../src/modules/brand/brand.module';
import { LoyaltyModule } from '../../src/modules/loyalty/loyalty.module';
import { LoyaltyService } from '../../src/modules/loyalty/loyalty.service';
import { createTestDatabase, type TestDatabase } from './test-app';

/**
 * The loyalty module alone on a test database, with the brand's rules and a test clock: the ledger specs use no
 * HTTP and no other module, so they boot in a fraction of the whole app's time.
 */
export interface LoyaltyHarness {
  moduleRef: TestingModule;
  loyalty: LoyaltyService;
  ds: DataSource;
  db: TestDatabase;
  /** Closes the module; drops the database unless it was passed in. */
  close(): Promise<void>;
}

export async function bootLoyalty(clock: TestClock, database?: TestDatabase): Promise<LoyaltyHarness> {
  const db = database ?? (await createTestDatabase());
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database: db.database };
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      ClockModule.forRoot(),
      DatabaseModule,
      TransactionsModule,
      BrandModule,
      LoyaltyModule,
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return {
    moduleRef,
    loyalty: moduleRef.get(LoyaltyService),
    ds: moduleRef.get(DataSource),
    db,
    close: async () => {
      await moduleRef.close();
      if (!database) await db.drop();
    },
  };
}

/** Boots the harness before the spec's tests and closes it after; its fields are set once the boot is done. */
export function useLoyalty(clock: TestClock): LoyaltyHarness {
  const harness = {} as LoyaltyHarness;
  beforeAll(async () => {
    Object.assign(harness, await bootLoyalty(clock));
  });
  afterAll(() => harness.close());
  return harness;
}
