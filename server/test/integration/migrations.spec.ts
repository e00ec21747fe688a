import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { resolveDataSourceOptions } from '../../src/database/data-source';
import { MIGRATIONS } from '../../src/database/migrations';
import { createTestApp, createTestDatabase, usingMysql } from '../support/test-app';

describe('database schema', () => {
  it('has at least the initial MySQL migration committed', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    const names = MIGRATIONS.map((m) => new m().name ?? m.name);
    expect(new Set(names).size).toBe(names.length);
  });

  // The MySQL schema comes only from migrations: after running them, the entities must need no change.
  // This runs when `pnpm test` is pointed at MySQL (DATABASE_URL), as CI's second pass does.
  it.runIf(usingMysql)('MySQL: the committed migrations produce exactly the entities’ schema (no drift)', async () => {
    const db = await createTestDatabase();
    try {
      if (db.database.kind !== 'mysql') throw new Error('expected MySQL');
      const ds = new DataSource({ ...(await resolveDataSourceOptions(db.database)), migrationsRun: false });
      await ds.initialize();
      try {
        const applied = await ds.runMigrations();
        expect(applied).toHaveLength(MIGRATIONS.length);
        const pending = await ds.driver.createSchemaBuilder().log();
        expect(pending.upQueries.map((q) => q.query)).toEqual([]);
        // And down() undoes up() completely.
        for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
        const tables = await ds.query(`SHOW TABLES`);
        expect(tables.map((row: Record<string, string>) => Object.values(row)[0])).toEqual(['migrations']);
      } finally {
        await ds.destroy();
      }
    } finally {
      await db.drop();
    }
  });

  it.runIf(usingMysql)('MySQL: the app runs its migrations on boot and stores times in UTC', async () => {
    const t = await createTestApp();
    try {
      const ds = t.app.get<DataSource>(getDataSourceToken());
      const rows: { name: string }[] = await ds.query('SELECT name FROM migrations ORDER BY id');
      expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => new m().name));
      const [{ tz }] = await ds.query<{ tz: string }[]>('SELECT @@session.time_zone AS tz');
      expect(tz).toBe('+00:00');
    } finally {
      await t.close();
    }
  });

  it.runIf(!usingMysql)('SQLite: the embedded database synchronizes from the entities', async () => {
    const t = await createTestApp();
    try {
      const ds = t.app.get<DataSource>(getDataSourceToken());
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
