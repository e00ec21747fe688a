import { describe, expect, it } from 'vitest';
import { resolveAssetUrl } from './asset-url';

describe('resolveAssetUrl', () => {
  it('leaves server-relative paths alone on H5 (same origin, empty base)', () => {
    expect(resolveAssetUrl('/static/products/3.svg', '')).toBe('/static/products/3.svg');
  });

  it('resolves server-relative paths against the API base on weapp', () => {
    expect(resolveAssetUrl('/static/products/3.svg', 'http://127.0.0.1:3000')).toBe(
      'http://127.0.0.1:3000/static/products/3.svg',
    );
    expect(resolveAssetUrl('/static/a.svg', 'https://api.example.com/')).toBe('https://api.example.com/static/a.svg');
    expect(resolveAssetUrl('static/a.svg', 'https://api.example.com')).toBe('https://api.example.com/static/a.svg');
  });

  it('passes absolute, protocol-relative and data URLs through', () => {
    const base = 'http://127.0.0.1:3000';
    expect(resolveAssetUrl('https://cdn.example.com/a.png', base)).toBe('https://cdn.example.com/a.png');
    expect(resolveAssetUrl('//cdn.example.com/a.png', base)).toBe('//cdn.example.com/a.png');
    expect(resolveAssetUrl('data:image/png;base64,AAAA', base)).toBe('data:image/png;base64,AAAA');
  });

  it('returns an empty string for empty input', () => {
    expect(resolveAssetUrl('', 'http://x')).toBe('');
    expect(resolveAssetUrl(null, 'http://x')).toBe('');
    expect(resolveAssetUrl(undefined)).toBe('');
  });
});
