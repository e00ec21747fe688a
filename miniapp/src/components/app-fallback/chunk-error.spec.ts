import { describe, expect, it } from 'vitest';
import { isChunkLoadError } from './chunk-error';

describe('isChunkLoadError', () => {
  it('recognises webpack and CSS chunk failures', () => {
    const js = Object.assign(new Error('Loading chunk 321 failed.\n(error: http://x/js/321.js)'), {
      name: 'ChunkLoadError',
    });
    expect(isChunkLoadError(js)).toBe(true);
    const css = Object.assign(new Error('Loading CSS chunk 12 failed.\n(/css/12.css)'), {
      code: 'CSS_CHUNK_LOAD_FAILED',
    });
    expect(isChunkLoadError(css)).toBe(true);
    expect(isChunkLoadError(new Error('Loading CSS chunk packages-product-pages-search-index failed.'))).toBe(true);
  });

  it('leaves other errors alone', () => {
    expect(isChunkLoadError(new Error('boom'))).toBe(false);
    expect(isChunkLoadError('Loading chunk 1 failed')).toBe(false);
    expect(isChunkLoadError(null)).toBe(false);
  });
});
