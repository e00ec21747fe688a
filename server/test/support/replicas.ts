import { afterAll, beforeAll } from 'vitest';
import type { CreateAppOptions } from '../../src/app.factory';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './test-app';

/** Two application instances on one fresh database (the second without the demo seed), as two replicas run. */
export interface Replicas {
  a: TestApp;
  b: TestApp;
  db: TestDatabase;
}

/** Boots two replicas before the spec's tests and closes them (and drops their database) after. */
export function twoReplicas(options: CreateAppOptions = {}): Replicas {
  const replicas = {} as Replicas;
  beforeAll(async () => {
    replicas.db = await createTestDatabase();
    replicas.a = await createTestApp({}, replicas.db, options);
    replicas.b = await createTestApp({ seedDemo: false }, replicas.db, options);
  });
  afterAll(async () => {
    await replicas.b.close();
    await replicas.a.close();
    await replicas.db.drop();
  });
  return replicas;
}
