// The CI quality gate (scripts/wechat-quality.mjs, run by .ci/run): WeChat's checkCodeQuality on the weapp build
// passes every item with the repository's settings, and the gate fails the build when an item fails — here the
// two that failed before this gate existed (JS compression off in project.config.json, lazyCodeLoading missing).
//
// Run: pnpm build:weapp && node --test test/wechat-quality.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DIST } from './sim-host.mjs';

const ROOT = resolve(DIST, '..', '..', '..');
const gate = (...args) =>
  spawnSync('node', [join(ROOT, 'scripts', 'wechat-quality.mjs'), ...args], { encoding: 'utf8', timeout: 120_000 });

test('the weapp build passes every WeChat code-quality item, within the main-package budget', () => {
  const run = gate();
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /WeChat code quality: 11\/11 passed/);
  assert.doesNotMatch(run.stdout, /^FAIL/m);
  assert.match(run.stdout, /weapp main package: \d+\.\d KB \(budget 400\.0 KB/);
});

test('a failed item fails the gate: JS compression off and no lazyCodeLoading', () => {
  const project = mkdtempSync(join(tmpdir(), 'tidepool-quality-'));
  try {
    const config = JSON.parse(readFileSync(join(ROOT, 'project.config.json'), 'utf8'));
    config.setting.minified = false;
    writeFileSync(join(project, 'project.config.json'), JSON.stringify(config));
    const weapp = join(project, config.miniprogramRoot);
    cpSync(DIST, weapp, { recursive: true });
    const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8'));
    delete app.lazyCodeLoading;
    writeFileSync(join(weapp, 'app.json'), JSON.stringify(app));

    const run = gate('--project', project);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /^FAIL JS_COMPRESS_OPEN/m);
    assert.match(run.stdout, /^FAIL LAZYCODE_LOADING_OPEN/m);
    assert.match(run.stdout, /WeChat code quality: 9\/11 passed/);
    assert.match(run.stderr, /every item must pass/);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
