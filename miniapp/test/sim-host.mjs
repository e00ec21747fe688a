// The mini program host for miniprogram-simulate, shared by the *.sim.test.mjs files: loads the COMPILED weapp
// output (dist/weapp, from `pnpm build:weapp`): Taro's runtime (taro.js/vendors.js/common.js/app.js), base.wxml
// templates compiled by the official wcc compiler, `comp` and `custom-wrapper`, with a stubbed global
// `wx.request` answering from the test's fixtures.
//
// miniprogram-simulate only knows custom components, so this supplies the rest of the mini program host:
// App/getApp (the Taro app is launched by hand) and a Page shim that registers the page as a component whose
// attached/ready lifetimes drive onLoad → onShow → onReady.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

const require = createRequire(import.meta.url);
export const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'weapp');

if (!existsSync(join(DIST, 'app.js')) || !existsSync(join(DIST, 'pages/index/index.js'))) {
  throw new Error(`No compiled weapp output in ${DIST}: run \`pnpm build:weapp\` first.`);
}

/** Every call the app made through wx.request, in order. */
export const requests = [];

let simulate;
let appOptions;
let currentRoute = '';
let currentQuery = {};
let pageStack = [];

/**
 * Boots the app. `answer(url, options)` returns `{ statusCode, data }` for each wx.request; `wxOverrides` patches
 * other wx APIs (login, storage…) before Taro captures the `wx` object.
 */
export function installHost(answer, wxOverrides = {}) {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  globalThis.window = dom.window;
  globalThis.document = dom.window.document;
  for (const key of [
    'Element',
    'Node',
    'HTMLElement',
    'Event',
    'CustomEvent',
    'MouseEvent',
    'requestAnimationFrame',
    'cancelAnimationFrame',
  ]) {
    globalThis[key] = dom.window[key];
  }

  // Defines global Component/Behavior and a mock `wx`.
  simulate = require('miniprogram-simulate');
  applyOnlyChangedProperties();
  replayComponentDefinitions();

  // Taro captures the `wx` object when its runtime loads, so patch this very object before loading app.js.
  globalThis.wx.request = (options) => {
    requests.push({
      url: options.url,
      method: options.method ?? 'GET',
      header: { ...options.header },
      data: options.data,
    });
    const timer = setTimeout(() => {
      const res = {
        ...answer(options.url, options),
        header: { 'content-type': 'application/json' },
        errMsg: 'request:ok',
      };
      options.success?.(res);
      options.complete?.(res);
    }, 5);
    return { abort: () => clearTimeout(timer), onHeadersReceived() {}, offHeadersReceived() {} };
  };
  Object.assign(globalThis.wx, wxOverrides);

  globalThis.App = (options) => {
    appOptions = options;
  };
  globalThis.getApp = () => appOptions;
  globalThis.getCurrentPages = () => pageStack;
  globalThis.Page = (options) => {
    const methods = {};
    for (const [key, value] of Object.entries(options)) {
      if (typeof value === 'function') methods[key] = value;
    }
    globalThis.Component({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached() {
          this.route = currentRoute;
          this.__route__ = currentRoute;
          this.options = currentQuery;
          pageStack.at(-1)?.onHide();
          pageStack = [...pageStack, this];
          this.onLoad({ ...currentQuery });
          this.onShow();
        },
        ready() {
          this.onReady();
        },
      },
    });
  };

  require(join(DIST, 'app.js'));
  assert.ok(appOptions, 'app.js did not call App()');
  appOptions.onLaunch.call(appOptions, { path: 'pages/index/index', query: {}, scene: 1001 });
  appOptions.onShow.call(appOptions, { path: 'pages/index/index', query: {}, scene: 1001 });
}

/**
 * j-component re-applies EVERY attribute of a child component as soon as one of them changed, so a page update
 * elsewhere pushes the page's (stale) copy of `i` into Taro's custom-wrapper and wipes the wrapper's own
 * setData. WeChat only passes properties whose bound data changed; make the simulator do the same.
 */
function applyOnlyChangedProperties() {
  const requireFromSimulate = createRequire(require.resolve('miniprogram-simulate'));
  const render = requireFromSimulate('j-component/src/render/render');
  const original = render.updateAttrs;
  const applied = new WeakMap();
  render.updateAttrs = function updateChangedAttrs(node, attrs) {
    // First update after creation: compare with the attributes the node was created with.
    // Values are compared by content: the template hands over fresh copies of unchanged data on every render.
    const key = (value) => (value !== null && typeof value === 'object' ? JSON.stringify(value) : value);
    const previous = applied.get(node) ?? new Map((node._vt?.attrs ?? []).map((a) => [a.name, key(a.value)]));
    applied.set(node, new Map(attrs.map((a) => [a.name, key(a.value)])));
    const changed = attrs.filter((a) => !previous.has(a.name) || previous.get(a.name) !== key(a.value));
    if (changed.length > 0) original.call(this, node, changed);
  };
}

/**
 * Each simulate.load() registers the page and its usingComponents under fresh ids by running their .js files
 * again. Taro's compiled files are webpack chunks, whose modules run once per process, so the second time
 * nothing calls Component() and `custom-wrapper`/`comp` (or a page) would be unknown. Remember the definition
 * each file registered and replay it.
 */
function replayComponentDefinitions() {
  const requireFromSimulate = createRequire(require.resolve('miniprogram-simulate'));
  const utils = requireFromSimulate('./src/utils');
  const definitions = new Map();
  let loading = null;
  const registerComponent = globalThis.Component;
  globalThis.Component = (options) => {
    if (loading) definitions.set(loading, options);
    registerComponent(options);
  };
  const runJs = utils.runJs;
  utils.runJs = (filePath) => {
    if (definitions.has(filePath)) {
      registerComponent(definitions.get(filePath));
      return;
    }
    loading = filePath;
    try {
      runJs(filePath);
    } finally {
      loading = null;
    }
  };
}

/** Loads and attaches a compiled page (a fresh instance each time); `close()` unloads it like navigateBack. */
export function openPage(route, query = {}) {
  currentRoute = route;
  currentQuery = query;
  const id = simulate.load(join(DIST, route), 'page', { rootPath: DIST });
  const comp = simulate.render(id);
  comp.attach(globalThis.document.createElement('parent-wrapper'));
  const page = pageStack.at(-1);
  const close = () => {
    page.onUnload();
    comp.detach();
    pageStack = pageStack.filter((p) => p !== page);
    pageStack.at(-1)?.onShow();
  };
  return { comp, page, close };
}

export const textOf = (comp) => comp.dom.textContent ?? '';

export async function waitFor(predicate, what, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await simulate.sleep(20);
  }
}

/** Nodes of the rendered tree (j-component JSON) whose class list contains `className`. */
export function byClass(comp, className) {
  const out = [];
  const walk = (node) => {
    if (!node || typeof node !== 'object') return;
    const cls = node.attrs?.find((a) => a.name === 'class')?.value ?? '';
    if (cls.split(/\s+/).includes(className)) out.push(node);
    (node.children ?? []).forEach(walk);
  };
  walk(comp.toJSON());
  return out;
}

export const nodeText = (node) =>
  typeof node === 'string'
    ? node
    : (node.children ?? []).map((c) => (typeof c === 'string' ? c : nodeText(c))).join('');
export const attr = (node, name) => node.attrs?.find((a) => a.name === name)?.value;

/** Taps the element whose text is exactly `text` (Taro binds `eh` to bindtap). */
export function tapText(comp, text) {
  const el = [...comp.dom.querySelectorAll('*')].find(
    (n) => n.textContent?.trim() === text && n.getAttribute('data-sid'),
  );
  assert.ok(el, `no element with text "${text}"`);
  const target = comp.querySelector(`#${el.getAttribute('data-sid')}`);
  assert.ok(target, `cannot select #${el.getAttribute('data-sid')}`);
  target.dispatchEvent('tap');
}
