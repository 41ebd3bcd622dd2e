import { startPostgres } from '../server/history/testing/postgresServer';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticEstate } from '../src/topology/__fixtures__/estate';
import { diffTopology } from '../src/topology/live/diff';
import { seededRandom } from '../src/topology/synthetic/seed';
import { churnMinute, readAt } from '../server/history/churn.fixture';
import { openPglite, openPostgres } from '../server/history/sql';
import { createHistory } from '../server/history/store';
import type { Sql } from '../server/history/types';
import { median } from './browser';

const TASKS = 10_000;
/** 1 % of the tasks replaced a minute: 50 stop and 50 start (and a minute later start running and go away). */
const STOPS_PER_MINUTE = TASKS * 0.01 * 0.5;
const DAY = 1440;
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 5, 0, 0);
const MOMENTS = 9;

/** An engine to measure: how to open an empty database, and how large it is once written. */
export interface HistoryEngine {
  name: string;
  open: () => Promise<Sql>;
  /** Bytes on disk beyond the database's own (PGlite's data directory holds its write-ahead log and catalogs too) */
  disk?: (sql: Sql) => Promise<number>;
  /** Closes the database and takes away what the run wrote */
  finish: (sql: Sql) => Promise<void>;
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await dirBytes(path) : (await stat(path)).size;
  }
  return total;
}

export async function pgliteEngine(): Promise<HistoryEngine> {
  const dir = await mkdtemp(join(tmpdir(), 'fleetmap-bench-history-'));
  return {
    name: 'PGlite (data directory)',
    open: () => openPglite(dir),
    // The files on disk once a checkpoint has flushed the write-ahead log's pages: what a restart would find.
    disk: async (sql) => {
      await sql.exec('checkpoint');
      return dirBytes(dir);
    },
    finish: async (sql) => {
      await sql.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function postgresEngine(url: string): HistoryEngine {
  return {
    name: 'PostgreSQL server',
    open: async () => {
      const sql = await openPostgres(url);
      const [row] = await sql.query<{ n: number }>(`select count(*) as n from information_schema.tables where table_name = 'captures'`);
      if (row?.n) {
        await sql.close();
        throw new Error('FLEETMAP_BENCH_DATABASE_URL must name an empty scratch database: it already holds a history');
      }
      return sql;
    },
    finish: async (sql) => {
      await sql.exec('drop table if exists resource_versions, captures, change_events, retention, schema_migrations').finally(() => sql.close());
    },
  };
}

const pad = (s: string, n = 25) => s.padEnd(n);
const databaseSize = async (sql: Sql) => (await sql.query<{ n: number }>('select pg_database_size(current_database()) as n'))[0]?.n ?? NaN;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** A day (or `captures` minutes) of a 10,000-task estate's churn written to one engine, then read back. */
export async function benchHistoryOn(engine: HistoryEngine, captures: number): Promise<void> {
  const sql = await engine.open();
  try {
    const history = await createHistory(sql);
    let t = readAt(syntheticEstate({ clusters: 20, services: 500, tasks: TASKS, loadBalancers: 30, azs: 3, seed: 1 }), T0);
    let started = performance.now();
    await history.captureTopology(t, 1, T0);
    const firstMs = performance.now() - started;
    const firstBytes = await databaseSize(sql);
    const writeMs: number[] = [];
    const versions: number[] = [];
    for (let m = 1; m <= captures; m++) {
      const next = churnMinute(t, STOPS_PER_MINUTE, m, T0 + m * MINUTE);
      const patch = diffTopology(t, next, m);
      if (!patch) throw new Error('a churned minute differs');
      started = performance.now();
      await history.capturePatch(patch, next.source.fetchedAt);
      writeMs.push(performance.now() - started);
      versions.push(patch.added.length + patch.changed.length);
      t = next;
    }
    const bytes = await databaseSize(sql);
    const disk = await engine.disk?.(sql);

    const rnd = seededRandom(13);
    const end = T0 + captures * MINUTE;
    const readMs: number[] = [];
    let resources = 0;
    for (let i = 0; i < MOMENTS; i++) {
      started = performance.now();
      const estate = await history.estateAt(T0 + Math.floor(rnd() * (end - T0)));
      readMs.push(performance.now() - started);
      resources = Object.keys(estate?.resources ?? {}).length;
    }
    const a = T0 + Math.max(0, captures * MINUTE - 60 * MINUTE) / 2;
    const b = Math.min(end, a + 60 * MINUTE);
    started = performance.now();
    const [before, after] = await Promise.all([history.estateAt(a), history.estateAt(b)]);
    const patch = before && after ? diffTopology(before, after, 0) : undefined;
    const diffMs = performance.now() - started;

    console.log(
      `\nHistory on ${engine.name}: ${TASKS.toLocaleString('en')} tasks, ${STOPS_PER_MINUTE * 2} replaced a minute (1 %), ${captures.toLocaleString('en')} captures (${((captures / DAY) * 100).toFixed(0)} % of a day)`,
    );
    console.log(`  ${pad('first capture (whole)')}${firstMs.toFixed(0)} ms`);
    console.log(
      `  ${pad('write per capture')}${median(writeMs).toFixed(1)} ms median, ${Math.max(...writeMs).toFixed(0)} ms max (${median(versions)} versions each)`,
    );
    console.log(
      `  ${pad('database size')}${mb(bytes)} after ${captures.toLocaleString('en')} captures (${mb(firstBytes)} after the first, ${((bytes - firstBytes) / captures / 1e3).toFixed(0)} kB a capture)${disk === undefined ? '' : `; data directory ${mb(disk)}`}`,
    );
    console.log(
      `  ${pad('estate at a moment')}${median(readMs).toFixed(0)} ms median of ${MOMENTS} random moments (${resources} resources)  (target <= 500 ms)`,
    );
    console.log(
      `  ${pad('diff an hour apart')}${diffMs.toFixed(0)} ms (two reads and the diff: ${(patch?.added.length ?? 0) + (patch?.changed.length ?? 0) + (patch?.removed.length ?? 0)} resources differ)`,
    );
    console.log(`  ${pad('process memory')}rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  } finally {
    await engine.finish(sql);
  }
}

/**
 * The history's figures on PGlite and on a PostgreSQL server, side by side: the server is the one
 * FLEETMAP_BENCH_DATABASE_URL names (an empty scratch database), else one started here on loopback, as the tests
 * start theirs. FLEETMAP_BENCH_HISTORY_CAPTURES shortens the day (1,440 captures) where a run must be quick.
 */
export async function benchHistory(): Promise<void> {
  const captures = Number(process.env['FLEETMAP_BENCH_HISTORY_CAPTURES'] ?? DAY);
  if (!Number.isInteger(captures) || captures < 2) throw new Error('FLEETMAP_BENCH_HISTORY_CAPTURES must be a whole number of at least 2');
  await benchHistoryOn(await pgliteEngine(), captures);
  const url = process.env['FLEETMAP_BENCH_DATABASE_URL'];
  if (url) return benchHistoryOn(postgresEngine(url), captures);
  const server = await startPostgres();
  try {
    await benchHistoryOn(postgresEngine(server.url), captures);
  } finally {
    await server.stop();
  }
}
