import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';

/**
 * Compressed answers, negotiated by Accept-Encoding: a 100,000-task topology is tens of megabytes of JSON and under
 * two once compressed. Brotli when the browser takes it (every current one does over HTTP and HTTPS alike), else gzip.
 *
 * The whole body is compressed at once on libuv's thread pool, so the event loop keeps serving while it runs: the
 * answers that matter are made whole in memory anyway (c.json), and a Content-Length lets the page show progress.
 * An event stream is never touched (its Content-Type is not in the list): buffering it would hold every event back.
 */

export type Encoding = 'br' | 'gzip';

/** Below this a compressed answer is hardly smaller and costs a round of the thread pool. */
export const MIN_COMPRESSED_BYTES = 1024;

/**
 * Measured on a 2-core machine with the 100,000-task estate: brotli quality 4 and gzip level 6 each compress its
 * compact form in a few hundred milliseconds, and its plain JSON in well under a second; the default brotli quality
 * (11) takes over a minute for the same bytes.
 */
export const BROTLI_QUALITY = 4;
export const GZIP_LEVEL = 6;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const compressors: Record<Encoding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) => brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } }),
  gzip: (body) => gzipAsync(body, { level: GZIP_LEVEL }),
};

/** The preferred encoding: the highest q of br and gzip (either may come by `*`), brotli on a tie; none at q=0. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const weight = params.find((p) => /^q=/i.test(p));
    const value = weight === undefined ? 1 : Number(weight.slice(2));
    if (name) q.set(name.toLowerCase(), Number.isFinite(value) ? value : 0);
  }
  const of = (e: Encoding) => q.get(e) ?? q.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).reduce((a, b) => (of(b) > of(a) ? b : a));
  return of(best) > 0 ? best : undefined;
}

const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;
const VARIES = /(?:^|,)\s*(?:accept-encoding|\*)\s*(?:,|$)/i;

/** Compresses every compressible answer below it in the middleware chain. */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('content-type');
    if (!res.body || !type || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) return;
    // A cache must keep one copy per encoding, whether or not this request took one.
    const vary = res.headers.get('vary');
    if (!vary || !VARIES.test(vary)) res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    const declared = Number(res.headers.get('content-length') ?? Number.NaN);
    if (
      !encoding ||
      c.req.method === 'HEAD' ||
      res.status === 206 ||
      res.headers.has('content-encoding') ||
      NO_TRANSFORM.test(res.headers.get('cache-control') ?? '') ||
      declared < MIN_COMPRESSED_BYTES
    ) {
      return;
    }
    const body = Buffer.from(await res.arrayBuffer());
    res.headers.delete('content-length');
    if (body.byteLength < MIN_COMPRESSED_BYTES) {
      c.res = new Response(body, res);
      return;
    }
    const packed = await compressors[encoding](body);
    res.headers.set('Content-Encoding', encoding);
    const etag = res.headers.get('etag');
    // The same entity in another encoding is not byte-for-byte the same: a strong validator would claim it is.
    if (etag && !etag.startsWith('W/')) res.headers.set('ETag', `W/${etag}`);
    // A copy typed as the plain ArrayBuffer it is (zlib's Buffer type admits a shared one); a small fraction of the input.
    c.res = new Response(new Uint8Array(packed), res);
  };
}
