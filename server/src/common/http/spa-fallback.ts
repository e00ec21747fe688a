import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SpaFallback } from '../errors/api-exception.filter';

/** Where a single-page app lives: its URL prefix and its build directory. */
export interface SpaRoot {
  prefix: string;
  dir: string;
}

/**
 * The H5 app and the console use browser-style routes (/pages/category/index, /console/orders/12), so a reload or
 * a shared link to such a path must get that app's index.html. Only browser navigations qualify: API and static
 * paths keep their JSON 404. Roots are tried in order, so the console's prefix goes before the storefront's `/`.
 */
export function createSpaFallback(roots: SpaRoot[]): SpaFallback | undefined {
  const apps = roots
    .map(({ prefix, dir }) => ({ prefix, indexFile: path.join(dir, 'index.html') }))
    .filter(({ indexFile }) => fs.existsSync(indexFile))
    .map(({ prefix, indexFile }) => ({ prefix, indexHtml: fs.readFileSync(indexFile, 'utf8') }));
  if (apps.length === 0) return undefined;
  return (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const url = request.url;
    if (url.startsWith('/api/') || url === '/api' || url.startsWith('/static/')) return false;
    if (!(request.headers.accept ?? '').includes('text/html')) return false;
    const app = apps.find(({ prefix }) => url === prefix.replace(/\/$/, '') || url.startsWith(prefix));
    if (!app) return false;
    void reply.status(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(app.indexHtml);
    return true;
  };
}
