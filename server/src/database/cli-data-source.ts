import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/env';
import { resolveDataSourceOptions } from './data-source';

/** Used by the TypeORM CLI to generate MySQL migrations (needs DATABASE_URL). */
const config = loadConfig();
if (config.database.kind !== 'mysql') {
  throw new Error('Set DATABASE_URL=mysql://… to generate migrations: they are for MySQL only.');
}
export default resolveDataSourceOptions(config.database).then(
  (options) => new DataSource({ ...options, migrationsRun: false }),
);
