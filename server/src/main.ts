import cluster from 'node:cluster';
import { ConfigError, loadConfig } from './config/env';
import { createApp } from './app.factory';
import { superviseWorkers } from './workers';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  if (config.workers > 1 && cluster.isPrimary) {
    await superviseWorkers(config.workers, (line) => process.stdout.write(`${line}\n`));
    process.stdout.write(
      `\nTidepool is running on MySQL with ${config.workers} workers\n  storefront  http://127.0.0.1:${config.port}/\n  API docs    http://127.0.0.1:${config.port}/api/docs\n\n`,
    );
    return;
  }
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  if (cluster.isWorker) return; // the primary announces the address once
  const database = config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : 'MySQL';
  process.stdout.write(
    `\nTidepool is running on ${database}\n  storefront  http://127.0.0.1:${config.port}/\n  API docs    http://127.0.0.1:${config.port}/api/docs\n\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Tidepool failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
