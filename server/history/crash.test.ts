import pg from 'pg';
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticEstate } from '../../src/topology/__fixtures__/estate';
import type { Topology } from '../../src/topology/model';
import { redactTopology } from '../../src/topology/redact/redact';
import { churnMinute, readAt } from './churn.fixture';
import { openPostgres } from './sql';
import { createHistory } from './store';
import { startPostgres, type PostgresServer } from './testing/postgresServer';
import type { History } from './types';

/**
 * A PostgreSQL server killed (SIGKILL to the postmaster and every backend: no shutdown, no checkpoint) while a write
 * is in flight, then restarted on the same data directory: crash recovery must leave what was committed and nothing
 * of what was not. The kill is timed on the server's own evidence: a transaction that has written (it holds an xid)
 * and at least KILL_AFTER_WAL_BYTES of WAL written out to the WAL files since it began, so recovery meets the killed
 * transaction's records and must skip them. Small WAL buffers make the server write them out early, as a write
 * larger than its buffers would.
 */
const KILL_AFTER_WAL_BYTES = 1024 * 1024;
const SETTINGS = { wal_buffers: '256kB' };

/** What the crash interrupts. The history store's capture takes the place of the plain rows by writing one of these. */
interface Workload {
  /** Writes and commits what must survive the crash */
  commit(url: string): Promise<void>;
  /** Starts the write the crash interrupts; it would commit if left alone */
  interrupted(url: string): Promise<void>;
  /** Checks, on the restarted server, that the committed write is whole and the interrupted one absent (or whole) */
  check(url: string): Promise<void>;
}

const rowsWorkload = (): Workload => {
  const BATCHES = 25;
  const BATCH = 2_000;
  const insert = (client: pg.Client, tag: string, batch: number) =>
    client.query("INSERT INTO rows (tag, n, payload) SELECT $1, g, repeat('x', 100) FROM generate_series($2::int, $3::int) g", [
      tag,
      batch * BATCH + 1,
      (batch + 1) * BATCH,
    ]);
  const transaction = async (url: string, tag: string, batches: number) =>
    withClient(url, async (client) => {
      await client.query('BEGIN');
      for (let b = 0; b < batches; b++) await insert(client, tag, b);
      await client.query('COMMIT');
    });
  return {
    commit: async (url) => {
      await withClient(url, (c) => c.query('CREATE TABLE rows (tag text NOT NULL, n int NOT NULL, payload text NOT NULL)'));
      await transaction(url, 'committed', 5);
    },
    interrupted: (url) => transaction(url, 'killed', BATCHES),
    check: async (url) => {
      const rows = await withClient(
        url,
        async (c) => (await c.query<Count>('SELECT tag, count(*)::int AS rows, count(DISTINCT n)::int AS distinct_n FROM rows GROUP BY tag ORDER BY tag')).rows,
      );
      expect(rows).toEqual([{ tag: 'committed', rows: 5 * BATCH, distinct_n: 5 * BATCH }]);
    },
  };
};

/**
 * A capture of a 10,000-task estate interrupted: the first read is committed whole, the second (half the tasks
 * replaced: some 10,000 versions closed and opened, with their change events) is killed while it writes. After the
 * restart the estate at the second read's time is the first read, or the second whole: never a mixture.
 */
const historyWorkload = (): Workload => {
  const T0 = Date.UTC(2026, 0, 5, 12, 0);
  const T1 = T0 + 60_000;
  const first = readAt(syntheticEstate({ clusters: 20, services: 500, tasks: 10_000, loadBalancers: 30, azs: 3, seed: 1 }), T0);
  const second: Topology = churnMinute(first, 5_000, 1, T1);
  const withHistory = async <T>(url: string, fn: (h: History) => Promise<T>): Promise<T> => {
    const history = await createHistory(await openPostgres(url));
    try {
      return await fn(history);
    } finally {
      await history.close().catch(() => undefined);
    }
  };
  return {
    commit: (url) => withHistory(url, async (h) => void (await h.captureTopology(first, 1, T0))),
    interrupted: (url) => withHistory(url, async (h) => void (await h.captureTopology(second, 2, T1))),
    check: (url) =>
      withHistory(url, async (h) => {
        const before = redactTopology(first);
        expect(await h.estateAt(T0)).toEqual(before);
        const captures = await h.captures({ from: T0, to: T1 });
        const after = await h.estateAt(T1);
        // Whichever way the race between COMMIT and the kill went, the capture row and its versions agree.
        expect(captures.map((c) => c.at)).toEqual(captures.length === 1 ? [T0] : [T0, T1]);
        expect(after).toEqual(captures.length === 1 ? before : redactTopology(second));
      }),
  };
};

interface Count {
  tag: string;
  rows: number;
  distinct_n: number;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  // The server is killed under some clients on purpose: their connection errors are expected, not crashes.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Waits until another session's transaction is writing and `bytes` of WAL went out to the files since `from`, then kills. */
async function killMidWrite(server: PostgresServer, watcher: pg.Client, from: string, bytes: number, write: Promise<unknown>): Promise<void> {
  let settled = false;
  void write.then(
    () => (settled = true),
    () => (settled = true),
  );
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (settled) throw new Error('The write ended before the server was killed: nothing was interrupted.');
    if (Date.now() > deadline) throw new Error('No write in flight within 20 s.');
    const { rows } = await watcher.query<{ writing: boolean; written: string }>(
      `SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()) AS writing,
              pg_wal_lsn_diff(pg_current_wal_lsn(), $1)::text AS written`,
      [from],
    );
    if (rows[0]?.writing && Number(rows[0].written) >= bytes) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  server.kill();
  await server.exited;
}

let servers: PostgresServer[] = [];
afterEach(async () => {
  for (const s of servers) await s.stop({ keep: true });
  await Promise.all([...new Set(servers.map((s) => s.dir))].map((dir) => rm(dir, { recursive: true, force: true })));
  servers = [];
});

async function start(dir?: string): Promise<PostgresServer> {
  const server = await startPostgres(dir === undefined ? { settings: SETTINGS } : { dir, settings: SETTINGS });
  servers.push(server);
  return server;
}

/** Commits, kills the server in the middle of the next write, restarts on the same data, checks. */
async function crashDuring(workload: Workload): Promise<{ interrupted: PromiseSettledResult<void> | undefined }> {
  const first = await start();
  await workload.commit(first.url);
  const interrupted = await withClient(first.url, async (watcher) => {
    const from = (await watcher.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')).rows[0]?.lsn ?? '0/0';
    const write = workload.interrupted(first.url);
    await killMidWrite(first, watcher, from, KILL_AFTER_WAL_BYTES, write);
    const [settled] = await Promise.allSettled([write]);
    return settled;
  });
  const second = await start(first.dir);
  expect(second.log()).toMatch(/database system was interrupted|not properly shut down/);
  await workload.check(second.url);
  return { interrupted };
}

describe('a PostgreSQL server killed in the middle of a write', () => {
  it('keeps every row committed before, and none of the transaction it was writing', async () => {
    const { interrupted } = await crashDuring(rowsWorkload());
    expect(interrupted?.status).toBe('rejected');
  });

  it('keeps the estate of the last whole capture when killed during a capture of a 10,000-task estate', async () => {
    const { interrupted } = await crashDuring(historyWorkload());
    expect(interrupted?.status).toBe('rejected');
  });

  it('keeps a transaction whose COMMIT was in flight whole or not at all', async () => {
    const server = await start();
    const ROWS = 20_000;
    await withClient(server.url, async (c) => {
      await c.query('CREATE TABLE rows (n int NOT NULL)');
      await c.query('BEGIN');
      await c.query('INSERT INTO rows SELECT generate_series(1, $1::int)', [ROWS]);
      const commit = c.query('COMMIT').catch(() => undefined);
      server.kill();
      await commit;
    });
    await server.exited;
    const again = await start(server.dir);
    const { rows } = await withClient(again.url, (c) => c.query<{ n: number }>('SELECT count(*)::int AS n FROM rows'));
    expect([0, ROWS]).toContain(rows[0]?.n);
  });
});
