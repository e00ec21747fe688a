// Measures the WeChat main package (everything in miniapp/dist/weapp outside the subpackage roots, which WeChat
// caps at 2 MB) and the H5 build's JavaScript. Exits non-zero when the main package is over the cap.
// Usage: node scripts/bundle-size.mjs [--weapp] [--h5]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ROOT } from './lib.mjs';

const MAIN_PACKAGE_CAP = 2 * 1024 * 1024;
const args = new Set(process.argv.slice(2));
const all = args.size === 0;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let failed = false;

if (all || args.has('--weapp')) {
  const dir = join(ROOT, 'miniapp', 'dist', 'weapp');
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
  console.log(
    `weapp main package: ${kb(main)} (cap ${kb(MAIN_PACKAGE_CAP)}); subpackages: ${kb(sub)} in ${roots.length}`,
  );
  if (main > MAIN_PACKAGE_CAP) {
    console.error(`weapp main package is over WeChat's 2 MB cap by ${kb(main - MAIN_PACKAGE_CAP)}`);
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

process.exit(failed ? 1 : 0);
