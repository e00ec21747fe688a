import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Every route must declare who may call it. Walks the OpenAPI document: each operation is either `x-public`
 * (@Public) or lists `x-roles` (@Roles), and each non-public one refuses a caller without a token. Adding a
 * route without a declaration, or one that answers anonymous callers without being marked public, fails here.
 */
interface Operation {
  'x-public'?: boolean;
  'x-roles'?: string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

let t: TestApp;
let operations: { method: (typeof METHODS)[number]; path: string; op: Operation }[];
beforeAll(async () => {
  t = await createTestApp();
  const doc = (await t.inject({ method: 'GET', url: '/api/docs-json' })).json<{
    paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  }>();
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method]! })),
  );
});
afterAll(() => t.close());

describe('route audit', () => {
  it('finds the routes (sanity check of the walk itself)', () => {
    const keys = operations.map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(keys).toEqual(expect.arrayContaining(['GET /api/health', 'POST /api/auth/wechat-login', 'GET /api/me']));
  });

  it('every route is either public or lists the roles that may call it', () => {
    const undeclared = operations
      .filter(({ op }) => op['x-public'] !== true && !(op['x-roles'] && op['x-roles'].length > 0))
      .map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(undeclared).toEqual([]);
  });

  it('every non-public route answers 401 UNAUTHENTICATED without a token', async () => {
    const protectedOps = operations.filter(({ op }) => op['x-public'] !== true);
    expect(protectedOps.length).toBeGreaterThan(0);
    const leaks: string[] = [];
    for (const { method, path } of protectedOps) {
      const url = path.replace(/\{[^}]+\}/g, '1');
      const res = await t.inject({
        method: method.toUpperCase() as 'GET',
        url,
        ...(method === 'get' || method === 'delete' ? {} : { payload: {} }),
      });
      const body = String(res.headers['content-type'] ?? '').includes('json') ? res.json<{ code?: string }>() : {};
      if (res.statusCode !== 401 || body.code !== 'UNAUTHENTICATED') {
        leaks.push(`${method.toUpperCase()} ${path} answered ${res.statusCode} ${body.code ?? ''}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
