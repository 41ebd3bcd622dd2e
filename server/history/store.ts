import { SCHEMA_VERSION, type Resource, type Topology } from '../../src/topology/model';
import { diffTopology } from '../../src/topology/live/diff';
import type { ChangeEvent, TopologyPatch } from '../../src/topology/live/patch';
import { redactResource, redactTopology } from '../../src/topology/redact/redact';
import { migrate } from './migrations';
import { BodyRow, CapturePointRow, CaptureRow, EventRow, VersionRow, eventOf, parseRows, pointOf, redactEvent, topologyOf, versionOf } from './rows';
import type { CaptureSummary, History, Sql } from './types';

/*
 * The estate's history as a temporal table: a resource version holds from `valid_from` until `valid_to` (open while
 * current), so the estate at T is the versions with valid_from <= T < valid_to, and a capture writes only what
 * changed (its versions closed and opened, its change events, one captures row with the read's own fields).
 */

/** What one capture writes, its resources already redacted. */
interface Step {
  at: number;
  version: number;
  added: readonly Resource[];
  changed: readonly Resource[];
  removed: readonly string[];
  source: Topology['source'];
  errors: Topology['errors'];
  stats: Topology['stats'];
  events: readonly ChangeEvent[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The read's own fields through the redaction pass (a topology with no resources carries just them). */
function redactRead(step: Pick<Step, 'source' | 'errors' | 'stats'>): Pick<Step, 'source' | 'errors' | 'stats'> {
  const { source, errors, stats } = redactTopology({ schemaVersion: SCHEMA_VERSION, resources: {}, ...step });
  return { source, errors, stats };
}

async function lastCapture(sql: Sql, at?: number): Promise<CaptureRow | undefined> {
  const rows = await sql.query(
    at === undefined ? 'select * from captures order by at desc limit 1' : 'select * from captures where at <= $1 order by at desc limit 1',
    at === undefined ? [] : [at],
  );
  return parseRows('captures', CaptureRow, rows)[0];
}

async function write(tx: Sql, step: Step): Promise<CaptureSummary> {
  const last = await lastCapture(tx);
  if (last && step.at <= last.at) {
    throw new Error(`history: a capture at ${iso(step.at)} is not after the last one (${iso(last.at)}); captures are kept in time order`);
  }
  const account = step.source.accountId ?? '';
  const opened = [...step.added, ...step.changed];
  const touched = [...opened.map((r) => r.id), ...step.removed];
  if (touched.length) {
    await tx.query('update resource_versions set valid_to = $1 where valid_to is null and id in (select jsonb_array_elements_text($2::jsonb))', [
      step.at,
      JSON.stringify(touched),
    ]);
  }
  if (opened.length) {
    await tx.query(
      `insert into resource_versions (id, kind, account, region, valid_from, body)
       select r->>'id', r->>'kind', $1, $2, $3, r from jsonb_array_elements($4::jsonb) as r`,
      [account, step.source.region, step.at, JSON.stringify(opened)],
    );
  }
  let changes = 0;
  if (step.events.length) {
    // An event told twice (a re-delivered read) keeps its first row: its id is stable across deliveries.
    const [row] = await tx.query<{ n: number }>(
      `with written as (
         insert into change_events (id, at, capture_at, kind, subject, owner, severity, message)
         select e->>'id', (e->>'at')::bigint, $1, e->>'kind', e->>'subject', e->>'owner', e->>'severity', e->>'message'
         from jsonb_array_elements($2::jsonb) as e
         on conflict (id) do nothing
         returning 1)
       select count(*) as n from written`,
      [step.at, JSON.stringify(step.events)],
    );
    changes = row?.n ?? 0;
  }
  const summary: CaptureSummary = { at: step.at, added: step.added.length, removed: step.removed.length, changed: step.changed.length, changes };
  await tx.query(
    `insert into captures (at, version, added, removed, changed, changes, source, errors, stats)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb)`,
    [
      step.at,
      step.version,
      summary.added,
      summary.removed,
      summary.changed,
      changes,
      JSON.stringify(step.source),
      JSON.stringify(step.errors),
      JSON.stringify(step.stats),
    ],
  );
  return summary;
}

/** The estate as the database holds it now: the open versions and the last capture's read. */
async function current(sql: Sql): Promise<{ topology: Topology; version: number } | undefined> {
  const last = await lastCapture(sql);
  if (!last) return undefined;
  const rows = parseRows('resource_versions', BodyRow, await sql.query('select body from resource_versions where valid_to is null'));
  return {
    topology: topologyOf(
      last,
      rows.map((r) => r.body),
    ),
    version: last.version,
  };
}

const nothing = (at: number): CaptureSummary => ({ at, added: 0, removed: 0, changed: 0, changes: 0 });

/** Counts what a `delete … returning 1` took. */
const deleted = (what: string) => `with gone as (${what} returning 1) select count(*) as n from gone`;

/** The history kept in `sql` (PGlite or a server), its schema migrated to this version first. */
export async function createHistory(sql: Sql): Promise<History> {
  await migrate(sql);

  async function horizon(): Promise<number | undefined> {
    const [row] = await sql.query<{ horizon: number }>('select horizon from retention');
    return row?.horizon;
  }

  return {
    engine: sql.engine,

    captureTopology: (topology, version, at) =>
      sql.transaction(async (tx) => {
        const next = redactTopology(topology);
        const was = await current(tx);
        if (!was) {
          // The first capture: the whole estate, and no change events (nothing "started", it was already there).
          const added = Object.values(next.resources);
          return write(tx, { at, version, added, changed: [], removed: [], ...redactRead(next), events: [] });
        }
        // What changed while nothing was recording, told as the live view would have told it.
        const patch = diffTopology(was.topology, next, was.version);
        if (!patch) return nothing(at);
        const { added, changed, removed, changes: events } = patch;
        return write(tx, { at, version, added, changed, removed, ...redactRead(next), events: events.map(redactEvent) });
      }),

    capturePatch: (patch: TopologyPatch, at: number) =>
      sql.transaction((tx) =>
        write(tx, {
          at,
          version: patch.to,
          added: patch.added.map((r) => redactResource(r)),
          changed: patch.changed.map((r) => redactResource(r)),
          removed: patch.removed,
          ...redactRead(patch),
          events: patch.changes.map(redactEvent),
        }),
      ),

    async estateAt(at) {
      const since = await horizon();
      if (since !== undefined && at < since) return undefined;
      const capture = await lastCapture(sql, at);
      if (!capture) return undefined;
      const rows = await sql.query(
        // Written as two arms so each uses its own index: the open versions, and the closed ones that outlived `at`.
        `select body from resource_versions where valid_to is null and valid_from <= $1
         union all
         select body from resource_versions where valid_to > $1 and valid_from <= $1`,
        [at],
      );
      return topologyOf(
        capture,
        parseRows('resource_versions', BodyRow, rows).map((r) => r.body),
      );
    },

    async changes({ from, to, resource, limit }) {
      const rows = await sql.query(
        `select id, at, kind, subject, owner, severity, message from change_events
         where at between $1 and $2 and ($3::text is null or subject = $3 or owner = $3)
         order by at desc, case severity when 'critical' then 0 when 'warning' then 1 else 2 end, message, id
         limit $4`,
        [from, to, resource ?? null, limit ?? null],
      );
      return parseRows('change_events', EventRow, rows).map(eventOf);
    },

    async captures({ from, to }) {
      const rows = await sql.query('select at, version, added, removed, changed, changes from captures where at between $1 and $2 order by at', [from, to]);
      return parseRows('captures', CapturePointRow, rows).map(pointOf);
    },

    async resourceHistory(id, { from, to }) {
      const rows = await sql.query(
        `select valid_from, valid_to, body from resource_versions
         where id = $1 and valid_from <= $3 and (valid_to is null or valid_to > $2)
         order by valid_from`,
        [id, from, to],
      );
      return parseRows('resource_versions', VersionRow, rows).map(versionOf);
    },

    prune: (before) =>
      sql.transaction(async (tx) => {
        // The last capture at or before `before` stays: it holds the read's fields of the earliest moment kept.
        const anchor = await lastCapture(tx, before);
        // A version that stopped holding by `before` is part of no moment from `before` on.
        const [versions] = await tx.query<{ n: number }>(deleted('delete from resource_versions where valid_to <= $1'), [before]);
        const [events] = await tx.query<{ n: number }>(deleted('delete from change_events where at < $1'), [before]);
        const [captures] = anchor ? await tx.query<{ n: number }>(deleted('delete from captures where at < $1'), [anchor.at]) : [{ n: 0 }];
        await tx.query(
          `insert into retention (only_row, horizon) values (true, $1)
           on conflict (only_row) do update set horizon = greatest(retention.horizon, excluded.horizon)`,
          [before],
        );
        return { versions: versions?.n ?? 0, events: events?.n ?? 0, captures: captures?.n ?? 0 };
      }),

    close: () => sql.close(),
  };
}
