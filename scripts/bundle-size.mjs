// Measures the WeChat main package (everything in miniapp/dist/weapp outside the subpackage roots) and the H5
// build's JavaScript. Exits non-zero when the main package is over its budget of 400 KB (WeChat's own cap is 2 MB;
// the budget keeps the first open fast: the main package is what every visitor downloads before the home page).
// The operator console's first load (the entry script and what index.html preloads) is measured gzipped, with a
// budget of 700 KB: ProLayout and antd are most of it, and every page beyond it is a lazily loaded chunk.
// Usage: node scripts/bundle-size.mjs [--weapp] [--h5] [--console]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './lib.mjs';

export const MAIN_PACKAGE_BUDGET = 400 * 1024;
export const MAIN_PACKAGE_CAP = 2 * 1024 * 1024;
export const WEAPP_DIR = join(ROOT, 'miniapp', 'dist', 'weapp');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Bytes of the weapp main package and of the subpackages (dot files and source maps are not uploaded). */
export function measureWeapp(dir = WEAPP_DIR) {
  if (!existsSync(join(dir, 'app.json'))) throw new Error('no weapp build: run pnpm build:weapp first');
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8'));
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/?$/, '/'));
  let main = 0;
  let sub = 0;
  for (const file of files(dir)) {
    const rel = relative(dir, file).split(sep).join('/');
    if (rel.startsWith('.') || rel.endsWith('.map')) continue;
    const size = statSync(file).size;
    if (roots.some((root) => rel.startsWith(root))) sub += size;
    else main += size;
  }
  return { main, sub, subpackages: roots.length };
}

/** One line about the main package; `ok` is false when it is over the budget. */
export function weappReport(dir = WEAPP_DIR) {
  const { main, sub, subpackages } = measureWeapp(dir);
  const ok = main <= MAIN_PACKAGE_BUDGET;
  const line =
    `weapp main package: ${kb(main)} (budget ${kb(MAIN_PACKAGE_BUDGET)}, WeChat's cap ${kb(MAIN_PACKAGE_CAP)}); ` +
    `subpackages: ${kb(sub)} in ${subpackages}`;
  return { ok, line, over: ok ? '' : `weapp main package is over its budget by ${kb(main - MAIN_PACKAGE_BUDGET)}` };
}

export const CONSOLE_DIR = join(ROOT, 'server', 'console', 'dist');
export const CONSOLE_FIRST_LOAD_BUDGET = 700 * 1024;

/** The console's first load (entry + modulepreloads, raw and gzipped) and all of its JavaScript. */
export function measureConsole(dir = CONSOLE_DIR) {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) throw new Error('no console build: run pnpm --filter @tidepool/console build first');
  const html = readFileSync(indexFile, 'utf8');
  const firstLoad = [...html.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+\.js)"/g)].map((m) => join(dir, m[1]));
  const sizeOf = (files) =>
    files.reduce(
      (sum, f) => {
        const bytes = readFileSync(f);
        return { raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes).length };
      },
      { raw: 0, gzip: 0 },
    );
  const all = files(join(dir, 'assets')).filter((f) => f.endsWith('.js'));
  return { firstLoad: sizeOf(firstLoad), firstLoadFiles: firstLoad.length, all: sizeOf(all), files: all.length };
}

export function consoleReport(dir = CONSOLE_DIR) {
  const m = measureConsole(dir);
  const ok = m.firstLoad.gzip <= CONSOLE_FIRST_LOAD_BUDGET;
  const line =
    `console first load: ${kb(m.firstLoad.gzip)} gzipped (${kb(m.firstLoad.raw)} raw, ${m.firstLoadFiles} files; ` +
    `budget ${kb(CONSOLE_FIRST_LOAD_BUDGET)} gzipped); all console JavaScript: ${kb(m.all.gzip)} gzipped ` +
    `(${kb(m.all.raw)} raw) in ${m.files} files`;
  return {
    ok,
    line,
    over: ok ? '' : `console first load is over its budget by ${kb(m.firstLoad.gzip - CONSOLE_FIRST_LOAD_BUDGET)}`,
  };
}

function main() {
  const args = new Set(process.argv.slice(2));
  const all = args.size === 0;
  let failed = false;
  if (all || args.has('--weapp')) {
    const report = weappReport();
    console.log(report.line);
    if (!report.ok) {
      console.error(report.over);
      failed = true;
    }
  }
  if (all || args.has('--h5')) {
    const dir = join(ROOT, 'miniapp', 'dist', 'h5');
    if (!existsSync(dir)) throw new Error('no H5 build: run pnpm build:h5 first');
    const js = files(dir).filter((f) => f.endsWith('.js'));
    const total = js.reduce((sum, f) => sum + statSync(f).size, 0);
    console.log(`H5 JavaScript: ${kb(total)} in ${js.length} files`);
  }
  if (all || args.has('--console')) {
    const report = consoleReport();
    console.log(report.line);
    if (!report.ok) {
      console.error(report.over);
      failed = true;
    }
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
