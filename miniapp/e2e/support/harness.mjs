/* global AbortSignal */
// What every browser suite needs and nothing suite-specific: the environment the runner (scripts/test.mjs) passes,
// a list of named checks that keep going after a failure and end in "N passed, M failed" with the exit code, JSON
// calls to the server, a signed-up member for the H5 build to log in as, and Debian's Chromium.
//   BASE_URL: the server serving the H5 build and the API. ARTIFACTS_DIR: screenshots (default <repo>/artifacts).
//   CHROMIUM_PATH: default /usr/bin/chromium. E2E_TIMEOUT_MS: how long a wait for the page may take.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PRIVACY_TERMS_VERSION } from '@tidepool/shared';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const BASE_URL = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
export const ARTIFACTS_DIR = resolve(process.env.ARTIFACTS_DIR ?? join(REPO_ROOT, 'artifacts'));
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const WAIT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 20_000);

/** Stops a suite started without a server (exit 2, as a usage error), and makes the screenshot folder. */
export function requireServer(suite) {
  if (!BASE_URL) {
    console.error(`${suite} e2e: set BASE_URL to the server that serves the H5 build and the API`);
    process.exit(2);
  }
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * The suite's checks. `check` runs one and records it; a failure prints the message with the page errors and failed
 * requests seen so far and calls `onFailure(n)` (a screenshot, say). `finish` prints the summary and exits.
 */
export function createRun({ onFailure } = {}) {
  const results = [];
  const pageErrors = [];
  const failedRequests = [];

  async function check(name, fn) {
    const started = Date.now();
    try {
      await fn();
      results.push({ name, ok: true });
      console.log(`✔ ${name} (${Date.now() - started}ms)`);
    } catch (err) {
      results.push({ name, ok: false });
      console.log(`✘ ${name}\n    ${String(err?.message ?? err).replaceAll('\n', '\n    ')}`);
      if (failedRequests.length > 0) console.log(`    failed requests so far: ${failedRequests.join(', ')}`);
      if (pageErrors.length > 0) console.log(`    page errors so far: ${pageErrors.join(' | ')}`);
      if (onFailure) await Promise.resolve(onFailure(results.length)).catch(() => undefined);
    }
  }

  /** A failure outside any check (the browser died, a setup call failed). */
  function fail(name, err) {
    results.push({ name, ok: false });
    console.log(`✘ ${name}\n    ${String(err?.stack ?? err)}`);
  }

  /** Passes only when at least one check ran and none failed. */
  function finish(summary) {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    if (summary) console.log(`\n${summary}`);
    console.log(`${summary ? '' : '\n'}${passed} passed, ${failed} failed`);
    process.exit(failed === 0 && passed > 0 ? 0 : 1);
  }

  return { results, pageErrors, failedRequests, check, fail, finish };
}

/** JSON over HTTP from the test itself: `{ ok, status, data }` whatever the status. */
export async function apiRaw(path, { method = 'GET', body, token } = {}) {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  return { ok: res.ok, status: res.status, data: await res.json().catch(() => null) };
}

/** JSON over HTTP from the test itself (operator and cashier calls, member setup). Throws on >= 400. */
export async function api(path, options = {}) {
  const res = await apiRaw(path, options);
  if (!res.ok) {
    throw new Error(`${options.method ?? 'GET'} ${path} answered ${res.status}: ${JSON.stringify(res.data)}`);
  }
  return res.data;
}

/** A random device id; the H5 build logs in with `dev-<device id>` from storage. */
export function newDeviceId() {
  let device = '';
  while (device.length < 24) device += Math.random().toString(36).slice(2);
  return device.slice(0, 24);
}

/** A signed-up member and the device id the browser logs in as. */
export async function newMember(phone) {
  const device = newDeviceId();
  const { accessToken } = await api('/api/auth/wechat-login', { method: 'POST', body: { code: `dev-${device}` } });
  await api('/api/members/signup', {
    method: 'POST',
    token: accessToken,
    body: { phoneCode: `dev-phone-${phone}`, consentVersion: PRIVACY_TERMS_VERSION },
  });
  return { device, token: accessToken };
}

/** Debian's Chromium, headless, with the flags this closed network needs (no background connections). */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
}

/** Clicks a Taro H5 modal's button (Taro.showModal). */
export async function confirmModal(target, text) {
  const button = target.locator('.taro-modal__foot').getByText(text, { exact: true });
  await button.waitFor();
  await button.click();
}

/** The trimmed text of a locator's first match. */
export const textOf = async (locator) => ((await locator.first().textContent()) ?? '').trim();
