/** The headers every answer carries (421s, 401s and 404s included), and the origin rule for requests that cost a read. */

/**
 * The built page loads only its own scripts, styles, worker and images: no inline script, no eval. React Flow
 * positions nodes through CSSOM (element.style), which a CSP does not restrict, so styles need no 'unsafe-inline'.
 * PNG export draws an SVG through a blob: image; data: covers small inline icons.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // The topology names every resource of an account: no shared cache may keep it.
  'Cache-Control': 'no-store',
};

/** A header only same-origin script can send: from another origin it needs a CORS preflight, which is never granted. */
export const REFRESH_HEADER = 'X-Fleetmap';

export interface RequestOrigin {
  origin: string | undefined;
  secFetchSite: string | undefined;
  contentType: string | undefined;
  customHeader: string | undefined;
}

/**
 * Sec-Fetch-Site values of a request the API answers: its own page, and an address typed into the bar or opened
 * from a bookmark ('none'). Another site, even a sibling subdomain ('same-site', which SameSite cookies do not
 * stop), is refused.
 */
const OWN_SITE = new Set(['same-origin', 'none']);

/**
 * Whether a request to /api/* comes from another site, in every auth mode: the topology names every resource of
 * an account, and a page elsewhere must neither read it nor hold an event stream open with a viewer's cookie. A
 * browser names the requesting site in Sec-Fetch-Site and Origin; a script such as curl sends neither.
 */
export function crossSiteRefusal(request: Pick<RequestOrigin, 'origin' | 'secFetchSite'>, allowedHosts: ReadonlySet<string>): string | undefined {
  if (request.secFetchSite !== undefined && !OWN_SITE.has(request.secFetchSite)) {
    return `A request from another site (Sec-Fetch-Site: ${request.secFetchSite}) is refused: only Fleetmap's own page may use its API.`;
  }
  if (request.origin !== undefined) {
    const authority = originAuthority(request.origin);
    if (authority === undefined || !allowedHosts.has(authority)) {
      return `A request from another site (${request.origin}) is refused: only Fleetmap's own page may use its API.`;
    }
  }
  return undefined;
}

/**
 * Whether a request that starts a read comes from Fleetmap's own page (or a script such as curl): the cross-site
 * rule, and stricter, only the page itself (not an address typed into the bar). A request must also carry the
 * X-Fleetmap header or a JSON content type, which a page elsewhere cannot send without a preflight: that covers
 * browsers that send neither Origin nor Sec-Fetch-Site.
 */
export function refreshRefusal(request: RequestOrigin, allowedHosts: ReadonlySet<string>): string | undefined {
  if (request.secFetchSite !== undefined && request.secFetchSite !== 'same-origin') {
    return `A refresh from another site (Sec-Fetch-Site: ${request.secFetchSite}) is refused: only Fleetmap's own page may start a read.`;
  }
  if (crossSiteRefusal(request, allowedHosts))
    return `A refresh from ${request.origin ?? 'another site'} is refused: only Fleetmap's own page may start a read.`;
  const json = /^application\/json\s*(?:;|$)/i.test(request.contentType ?? '');
  if (!json && request.customHeader === undefined) {
    return `A refresh needs the header "${REFRESH_HEADER}: 1" (or a JSON body), e.g. curl -X POST -H '${REFRESH_HEADER}: 1' <fleetmap>/api/refresh.`;
  }
  return undefined;
}

/** host[:port] of an Origin header as it would appear in Host (default ports dropped), or undefined for "null". */
function originAuthority(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** Seconds a client is told to wait before asking again when the server stops first (a restarted container is usually back by then). */
export const RETRY_AFTER_S = 5;
