import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/env';
import { resolveDataSourceOptions } from '../database/data-source';
import { normalizeStaffUsername } from '../modules/staff';
import { type BrandSetupPlan, setUpBrand, validateBrandSetupPlan } from './setup-brand';

const USAGE = `usage: pnpm setup:brand --brand-code <code> --brand-name <name> --operator <username>
         --store "<code>|<name>|<address>|<IANA zone>" [--store …] [--password <password>]
The operator password comes from --password or SETUP_OPERATOR_PASSWORD (preferred: it stays out of shell history).
The database is DATABASE_URL (MySQL; migrations run first) or the embedded SQLite file under DATA_DIR.`;

/** `pnpm setup:brand`: creates a production brand, its stores and the first operator, idempotently. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'brand-code': { type: 'string' },
      'brand-name': { type: 'string' },
      store: { type: 'string', multiple: true },
      operator: { type: 'string' },
      'operator-name': { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // The demo brand never joins a real one: this command always runs with the seed off.
  const config = loadConfig({ ...process.env, SEED_DEMO: 'false' });
  const plan: BrandSetupPlan = {
    brand: { code: values['brand-code'] ?? '', name: values['brand-name'] ?? '' },
    // A store given without a zone is in the brand's (BRAND_TIME_ZONE).
    stores: (values.store ?? []).map((raw) => parseStore(raw, config.brand.timeZone)),
    operator: {
      username: normalizeStaffUsername(values.operator ?? ''),
      password: values.password ?? process.env.SETUP_OPERATOR_PASSWORD ?? '',
      displayName: values['operator-name'] ?? '品牌运营',
    },
  };
  const problems = validateBrandSetupPlan(plan);
  if (problems.length > 0) throw new Error(`Invalid setup:\n  - ${problems.join('\n  - ')}`);
  const dataSource = new DataSource(await resolveDataSourceOptions(config.database));
  await dataSource.initialize();
  try {
    const result = await setUpBrand(dataSource, plan);
    process.stdout.write(
      [
        `brand ${plan.brand.code}: ${result.brandCreated ? 'created' : 'already there'}`,
        `stores created: ${result.storesCreated.join(', ') || 'none'}; updated: ${result.storesUpdated.join(', ') || 'none'}`,
        `operator ${plan.operator.username}: ${result.operatorCreated ? 'created' : 'already there (password unchanged)'}`,
      ].join('\n') + '\n',
    );
  } finally {
    await dataSource.destroy();
  }
}

function parseStore(raw: string, brandZone: string): BrandSetupPlan['stores'][number] {
  const [code = '', name = '', address = '', timeZone = brandZone] = raw.split('|').map((part) => part.trim());
  return { code, name, address, timeZone };
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n${error instanceof ConfigError ? '' : `\n${USAGE}\n`}`);
  process.exit(error instanceof ConfigError ? 78 : 1);
});
