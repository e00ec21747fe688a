// Generates a MySQL migration from the difference between the entities and the committed migrations.
// Usage: pnpm --filter @tidepool/server migration:generate <PascalCaseName>
// Needs a MySQL/MariaDB server: DATABASE_URL's server, or mysql://root@127.0.0.1:3306 by default. It works in a
// scratch database, so nothing of yours is touched.
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: migration:generate <PascalCaseName>');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
execSync('pnpm build', { cwd: root, stdio: 'inherit' });

const require = createRequire(import.meta.url);
const { DataSource } = require('typeorm');
const { resolveDataSourceOptions } = require(join(root, 'dist/database/data-source.js'));

// The same scratch-database helper as the tests and benchmarks, always on MySQL: migrations are MySQL's.
const { createScratchDatabase } = require(join(root, 'dist/database/scratch-database.js'));
const scratch = await createScratchDatabase({
  mysqlUrl: process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/tidepool',
  prefix: 'tidepool_migration',
  poolSize: 2,
});
try {
  const options = await resolveDataSourceOptions(scratch.database);
  const ds = new DataSource({ ...options, migrationsRun: false });
  await ds.initialize();
  await ds.runMigrations();
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (sql.upQueries.length === 0) {
    console.log('entities and migrations agree: nothing to generate');
    // process.exit skips the finally below: drop the scratch database first.
    await scratch.drop();
    process.exit(0);
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const q = (query) => `    await queryRunner.query(\`${query.query.replace(/`/g, '\\`')}\`);`;
  const file = `${timestamp}-${name}`;
  writeFileSync(
    join(root, 'src/database/migrations', `${file}.ts`),
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map(q).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map(q).join('\n')}
  }
}
`,
  );
  const indexFile = join(root, 'src/database/migrations/index.ts');
  let index = readFileSync(indexFile, 'utf8');
  index = `import { ${className} } from './${file}';\n` + index;
  index = index.replace(/export const MIGRATIONS: MigrationClass\[\] = \[([^\]]*)\];/, (_, list) => {
    const items = list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return `export const MIGRATIONS: MigrationClass[] = [${[...items, className].join(', ')}];`;
  });
  writeFileSync(indexFile, index);
  console.log(`wrote src/database/migrations/${file}.ts (${sql.upQueries.length} statements) and registered it`);
} finally {
  await scratch.drop();
}
