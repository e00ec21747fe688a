import { API_BASE } from './env';

const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Image URLs from the API (coverUrl, images, iconUrl) are server-relative ("/static/products/3.svg"). On H5 the
 * bundle is served by the API's origin, so they work as they are (base ''); on weapp they are resolved against
 * the API base. Absolute, protocol-relative and data: URLs pass through; an empty value stays empty.
 */
export function resolveAssetUrl(url: string | null | undefined, base: string = API_BASE): string {
  if (!url) return '';
  if (ABSOLUTE.test(url)) return url;
  const origin = base.replace(/\/+$/, '');
  if (!origin) return url;
  return url.startsWith('/') ? `${origin}${url}` : `${origin}/${url}`;
}
