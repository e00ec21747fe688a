// Small helpers shared by the root scripts (start, test). Plain Node, no dependencies.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function log(message) {
  process.stdout.write(`\x1b[36m[tidepool]\x1b[0m ${message}\n`);
}

/** Runs a command, streaming its output; rejects on a non-zero exit. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`)),
    );
  });
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/**
 * Builds `output` with `build` unless it is newer than every input (a stamp file records the inputs' newest
 * change), so a second `pnpm start` does not wait for a webpack build it already has. FORCE_BUILD=1 rebuilds.
 */
export async function buildIfStale(name, inputs, output, build) {
  const stamp = join(output, '.tidepool-build-stamp');
  const newest = Math.max(...inputs.map((p) => newestMtime(join(ROOT, p))));
  const fresh = existsSync(stamp) && Number(readFileSync(stamp, 'utf8')) >= newest && !process.env.FORCE_BUILD;
  if (fresh) {
    log(`${name}: up to date`);
    return;
  }
  const started = Date.now();
  log(`${name}: building…`);
  await build();
  writeFileSync(stamp, String(newest));
  log(`${name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** What the operator console's build (server/console/dist) is made from. */
export const CONSOLE_INPUTS = [
  'server/console/src',
  'server/console/index.html',
  'server/console/vite.config.ts',
  'server/console/package.json',
  'shared/src',
];

export const H5_INPUTS = [
  'miniapp/src',
  'miniapp/config',
  'miniapp/package.json',
  'miniapp/babel.config.js',
  'shared/src',
];
