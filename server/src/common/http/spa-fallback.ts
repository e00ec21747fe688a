import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SpaFallback } from '../errors/api-exception.filter';

/**
 * The H5 app uses browser-style routes (/pages/category/index), so a reload or a shared link to such a path must
 * get index.html. Only browser navigations qualify: API and static paths keep their JSON 404.
 */
export function createSpaFallback(h5Dir: string): SpaFallback | undefined {
  const indexFile = path.join(h5Dir, 'index.html');
  if (!fs.existsSync(indexFile)) return undefined;
  const indexHtml = fs.readFileSync(indexFile, 'utf8');
  return (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const url = request.url;
    if (url.startsWith('/api/') || url === '/api' || url.startsWith('/static/')) return false;
    if (!(request.headers.accept ?? '').includes('text/html')) return false;
    void reply.status(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    return true;
  };
}
