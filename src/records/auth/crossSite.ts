import type { IncomingHttpHeaders } from 'node:http';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a write that carries our session cookie was sent by a page of another site (CSRF).
 * Browsers say where a request comes from in `Sec-Fetch-Site` and `Origin`, which pages cannot forge;
 * checking them protects every write (the viewer's own STOW-RS included, which we cannot make send a
 * token) without a token to thread through the host's requests. SameSite alone is not enough: another
 * port of the same host counts as the same site. Requests with neither header come from programs,
 * which do not hold a victim's cookie.
 */
export function isCrossSiteWrite(method: string, headers: IncomingHttpHeaders): boolean {
  if (SAFE_METHODS.has(method)) return false;
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = headers.origin;
  if (!origin) return false;
  if (origin === 'null') return true;
  const host = (headers['x-forwarded-host'] as string | undefined)?.split(',')[0]?.trim() ?? headers.host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
