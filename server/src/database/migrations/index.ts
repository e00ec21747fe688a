import type { MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/** Every MySQL migration in order. `pnpm --filter @tidepool/server migration:generate <Name>` appends here. */
export const MIGRATIONS: MigrationClass[] = [];
