/**
 * A code-split chunk (a page's JS or CSS) that could not be fetched: webpack's ChunkLoadError ("Loading chunk 12
 * failed"), mini-css-extract's CSS_CHUNK_LOAD_FAILED ("Loading CSS chunk 12 failed"), or a dynamic import the
 * browser could not fetch.
 */
export function isChunkLoadError(reason: unknown): boolean {
  if (!reason || typeof reason !== 'object') return false;
  const { name, code, message } = reason as { name?: unknown; code?: unknown; message?: unknown };
  if (name === 'ChunkLoadError' || code === 'CSS_CHUNK_LOAD_FAILED') return true;
  return (
    typeof message === 'string' &&
    /Loading (CSS )?chunk [\w-]+ failed|Failed to fetch dynamically imported module|error loading dynamically imported module/i.test(
      message,
    )
  );
}
