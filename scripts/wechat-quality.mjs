// WeChat's own code-quality check on the weapp build: miniprogram-ci's checkCodeQuality, the checks behind
// DevTools' 代码质量 panel (JS/WXML/WXSS compression, on-demand component injection, package and image sizes,
// files in the main package only subpackages use, unused components and code…), run offline on the project
// DevTools opens (project.config.json at the root, miniprogramRoot = miniapp/dist/weapp). Prints every item, the
// score (passed/total) and the main package beside its budget (scripts/bundle-size.mjs); exits non-zero when any
// item fails or the main package is over budget.
//
// checkCodeQuality reads no key and calls no server, but miniprogram-ci's Project wants a private key file: a
// throw-away RSA key is generated per run. The tourist appid (touristappid) is what the project config names.
// Usage: pnpm build:weapp && node scripts/wechat-quality.mjs [--project <dir with project.config.json>]
//        node scripts/wechat-quality.mjs --build   (builds the weapp first unless the build is newer than its
//        sources, as `pnpm test` does, so CI does not compile the same mini program twice)
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { weappReport } from './bundle-size.mjs';
import { buildIfStale, H5_INPUTS, ROOT, run } from './lib.mjs';

// miniprogram-ci is a devDependency of the mini program.
const ci = createRequire(join(ROOT, 'miniapp', 'package.json'))('miniprogram-ci');

/**
 * Everything in the repository but the mini program root, as miniprogram-ci ignore globs: the project is the
 * repository root, and without these its file scan walks every node_modules (and never finishes).
 */
export function ignoresOutside(root, miniprogramRoot) {
  const keep = miniprogramRoot.split('/').filter(Boolean);
  const ignores = [];
  let dir = '';
  for (const part of keep) {
    for (const entry of readdirSync(join(root, dir))) {
      if (entry === part || (dir === '' && entry === 'project.config.json')) continue;
      const path = dir ? posix.join(dir, entry) : entry;
      ignores.push(path, `${path}/**/*`);
    }
    dir = dir ? posix.join(dir, part) : part;
  }
  return ignores;
}

export async function checkQuality(projectPath = ROOT) {
  const config = JSON.parse(readFileSync(join(projectPath, 'project.config.json'), 'utf8'));
  const keyDir = mkdtempSync(join(tmpdir(), 'tidepool-mp-ci-'));
  try {
    const privateKeyPath = join(keyDir, `private.${config.appid}.key`);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }));
    const project = new ci.Project({
      appid: config.appid,
      type: 'miniProgram',
      projectPath,
      privateKeyPath,
      ignores: ignoresOutside(projectPath, config.miniprogramRoot),
    });
    return await ci.checkCodeQuality(project);
  } finally {
    rmSync(keyDir, { recursive: true, force: true });
  }
}

async function main() {
  const at = process.argv.indexOf('--project');
  const projectPath = at > 0 ? process.argv[at + 1] : ROOT;
  const config = JSON.parse(readFileSync(join(projectPath, 'project.config.json'), 'utf8'));
  const weappDir = join(projectPath, config.miniprogramRoot);
  if (process.argv.includes('--build'))
    await buildIfStale('weapp', H5_INPUTS, weappDir, async () => {
      await run('pnpm', ['--filter', '@tidepool/shared', 'build']);
      await run('pnpm', ['--filter', '@tidepool/miniapp', 'build:weapp']);
    });
  readFileSync(join(weappDir, 'app.json')); // no build: fail here, clearly
  const results = await checkQuality(projectPath);
  const passed = results.filter((r) => r.success);
  for (const r of results) {
    // An item's text describes the failure ("JS compression is not turned on"); print it for failures only.
    const detail =
      r.detail && !(Array.isArray(r.detail) && r.detail.length === 0) ? ` ${JSON.stringify(r.detail)}` : '';
    console.log(r.success ? `PASS ${r.name}` : `FAIL ${r.name}: ${r.text ?? ''}${detail} (${r.docURL ?? ''})`);
  }
  const appBytes = results.find((r) => r.name === 'PACKAGE_SIZE_LIMIT')?.detail?.__APP__;
  console.log(`WeChat code quality: ${passed.length}/${results.length} passed`);
  const size = weappReport(weappDir);
  console.log(`${size.line}${appBytes ? ` (miniprogram-ci counts ${(appBytes / 1024).toFixed(1)} KB)` : ''}`);
  let failed = false;
  if (results.length === 0 || passed.length !== results.length) {
    console.error('WeChat code quality: every item must pass');
    failed = true;
  }
  if (!size.ok) {
    console.error(size.over);
    failed = true;
  }
  // miniprogram-ci leaves a file watcher running: leave explicitly.
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
