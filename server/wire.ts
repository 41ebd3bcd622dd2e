import type { Context } from 'hono';
import type { Topology } from '../src/topology/model';
import { COMPACT_MEDIA_TYPE, encode } from '../src/topology/wire/compact';

/** Whether Accept names the compact form with a q above 0. */
export function asksForCompact(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    return type === COMPACT_MEDIA_TYPE && !params.some((p) => /^q=0(?:\.0*)?$/.test(p));
  });
}

/**
 * A topology answer in the form the client asked for: the compact wire form when Accept names its media type (the
 * page does), else the plain JSON every other client (curl, scripts) reads. Both are the topology as the server
 * holds it, already redacted by its source; the compact form is made from that same object.
 */
export function topologyBody(c: Context, topology: Topology): Response {
  // A cache must keep one copy per form.
  c.header('Vary', 'Accept', { append: true });
  if (!asksForCompact(c.req.header('accept'))) return c.json(topology);
  return c.body(JSON.stringify(encode(topology)), 200, { 'Content-Type': COMPACT_MEDIA_TYPE });
}
