import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let h5Dir: string;
let consoleDir: string;
beforeAll(async () => {
  consoleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidepool-console-'));
  fs.writeFileSync(path.join(consoleDir, 'index.html'), '<!doctype html><html><body>tidepool console</body></html>');
  fs.mkdirSync(path.join(consoleDir, 'assets'));
  fs.writeFileSync(path.join(consoleDir, 'assets', 'index-abc123.js'), 'console.log(2)');
  h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidepool-h5-'));
  fs.writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><html><body>tidepool h5</body></html>');
  fs.mkdirSync(path.join(h5Dir, 'js'));
  fs.writeFileSync(path.join(h5Dir, 'js', 'app.js'), 'console.log(1)');
  t = await createTestApp({ h5Dir, consoleDir });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(h5Dir, { recursive: true, force: true });
  fs.rmSync(consoleDir, { recursive: true, force: true });
});

describe('the operator console at /console/', () => {
  it('serves its index without caching and its hashed assets for a year', async () => {
    const index = await t.inject({ method: 'GET', url: '/console/', headers: { accept: 'text/html' } });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('tidepool console');
    const asset = await t.inject({ method: 'GET', url: '/console/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a reload of a console route with the console, not the storefront', async () => {
    const res = await t.inject({ method: 'GET', url: '/console/orders/12', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('tidepool console');
    const shop = await t.inject({ method: 'GET', url: '/pages/category/index', headers: { accept: 'text/html' } });
    expect(shop.body).toContain('tidepool h5');
  });

  it('keeps a missing console asset a 404', async () => {
    const res = await t.inject({ method: 'GET', url: '/console/assets/missing.js' });
    expect(res.statusCode).toBe(404);
  });
});

describe('health and documentation', () => {
  it('GET /api/health answers ok when the database answers', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', rateLimits: 'memory' });
  });

  it('publishes the OpenAPI document and its UI', async () => {
    const json = await t.inject({ method: 'GET', url: '/api/docs-json' });
    expect(json.statusCode).toBe(200);
    const doc = json.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/catalog/categories',
        '/api/catalog/products',
        '/api/catalog/products/{id}',
        '/api/catalog/skus/lookup',
      ]),
    );
    const ui = await t.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });
});

describe('errors', () => {
  it('answers an unknown API route with a JSON 404', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/nothing-here', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'ROUTE_NOT_FOUND', message: '接口不存在' });
  });

  it('answers a wrong method on a known path with a JSON 404 and changes nothing', async () => {
    const res = await t.inject({ method: 'DELETE', url: '/api/catalog/products/1' });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ code: string }>().code).toBe('ROUTE_NOT_FOUND');
    expect((await t.inject({ method: 'GET', url: '/api/catalog/products/1' })).statusCode).toBe(200);
  });

  it('never leaks a raw database error', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    await dataSource.query('ALTER TABLE categories RENAME TO categories_hidden');
    try {
      const res = await t.inject({ method: 'GET', url: '/api/catalog/categories' });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ code: 'INTERNAL_ERROR', message: '系统开小差了，请稍后再试' });
      expect(res.body).not.toMatch(/categories|SQL|no such table|doesn't exist/i);
    } finally {
      await dataSource.query('ALTER TABLE categories_hidden RENAME TO categories');
    }
  });
});

describe('static files and the H5 app', () => {
  it('serves the demo images itself', async () => {
    const res = await t.inject({ method: 'GET', url: '/static/demo/products/plush-bear-1.svg' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.body).toContain('<svg');
  });

  it('serves the H5 build at / and its assets', async () => {
    const root = await t.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('tidepool h5');
    const js = await t.inject({ method: 'GET', url: '/js/app.js' });
    expect(js.statusCode).toBe(200);
  });

  it('answers browser navigations to app routes with index.html, but not API or asset misses', async () => {
    const page = await t.inject({ method: 'GET', url: '/pages/category/index', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('tidepool h5');
    const missingAsset = await t.inject({ method: 'GET', url: '/static/nope.png', headers: { accept: 'text/html' } });
    expect(missingAsset.statusCode).toBe(404);
    const script = await t.inject({ method: 'GET', url: '/js/missing.js', headers: { accept: '*/*' } });
    expect(script.statusCode).toBe(404);
  });
});

describe('when the database goes away', () => {
  it('health reports it and requests fail with 503, not 500', async () => {
    const other = await createTestApp();
    try {
      await other.app.get<DataSource>(getDataSourceToken()).destroy();
      const health = await other.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: 'down', code: 'DATABASE_UNAVAILABLE' });
      const list = await other.inject({ method: 'GET', url: '/api/catalog/products' });
      expect(list.statusCode).toBe(503);
      expect(list.json()).toEqual({ code: 'DATABASE_UNAVAILABLE', message: '服务繁忙，请稍后再试' });
    } finally {
      await other.db.drop();
    }
  });
});
