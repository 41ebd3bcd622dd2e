import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { History } from './types';

/** An ISO 8601 time with its offset ("2026-11-29T14:05:00Z", "2026-11-29T15:05:00+01:00"), as epoch ms. */
const IsoTime = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO 8601 time with its offset, such as 2026-11-29T14:05:00Z' })
  .transform((s) => Date.parse(s));

const Window = z.object({ from: IsoTime.optional(), to: IsoTime.optional() });
const ChangesQuery = Window.extend({
  resource: z.string().min(1).max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});
const AtQuery = z.object({ at: IsoTime });

export interface HistoryRouteDeps {
  /** Undefined when the server keeps no history (--history off, or a snapshot) */
  history: History | undefined;
  /** How long history is kept (ms): the timeline starts this long ago */
  retainMs: number;
  /** The live read's time (epoch ms), when there is one */
  liveAt: () => number | undefined;
  clock: () => number;
}

/** "at: must be an ISO 8601 time…", each problem with the parameter it is about. */
function problems(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ');
}

const OFF = 'This Fleetmap keeps no history (it was started with --history off, or serves a snapshot).';

/**
 * The history API: GET /api/history (the timeline: capture times with their counts), GET /api/changes and the
 * estate as it was (GET /api/topology?at=, answered here when `at` is present). Every parameter is validated; a
 * malformed one is a 400 that names it.
 */
export function historyRoutes(app: Hono, deps: HistoryRouteDeps): { topologyAt: (c: Context) => Promise<Response> } {
  const windowOf = (w: z.infer<typeof Window>) => {
    const to = w.to ?? deps.clock();
    return { from: w.from ?? deps.clock() - deps.retainMs, to };
  };

  app.get('/api/history', async (c) => {
    const { history } = deps;
    if (!history) return c.json({ error: OFF }, 404);
    const q = Window.safeParse(c.req.query());
    if (!q.success) return c.json({ error: problems(q.error) }, 400);
    const { from, to } = windowOf(q.data);
    if (from > to) return c.json({ error: 'from: must not be after to' }, 400);
    const captures = await history.captures({ from, to });
    return c.json({ live: { at: deps.liveAt() ?? deps.clock() }, retainedFrom: deps.clock() - deps.retainMs, captures });
  });

  app.get('/api/changes', async (c) => {
    const { history } = deps;
    if (!history) return c.json({ error: OFF }, 404);
    const q = ChangesQuery.safeParse(c.req.query());
    if (!q.success) return c.json({ error: problems(q.error) }, 400);
    const { from, to } = windowOf(q.data);
    if (from > to) return c.json({ error: 'from: must not be after to' }, 400);
    const changes = await history.changes({
      from,
      to,
      ...(q.data.resource !== undefined ? { resource: q.data.resource } : {}),
      ...(q.data.limit !== undefined ? { limit: q.data.limit } : {}),
    });
    return c.json({ changes });
  });

  return {
    topologyAt: async (c) => {
      const { history } = deps;
      if (!history) return c.json({ error: OFF }, 404);
      const q = AtQuery.safeParse(c.req.query());
      if (!q.success) return c.json({ error: problems(q.error) }, 400);
      const topology = await history.estateAt(q.data.at);
      if (!topology) return c.json({ error: `Nothing was kept from before ${new Date(q.data.at).toISOString()}: history starts with its first capture.` }, 404);
      return c.json(topology);
    },
  };
}
