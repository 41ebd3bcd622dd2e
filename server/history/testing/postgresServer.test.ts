import { existsSync, readFileSync, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresBinDir, startPostgres, type PostgresServer } from './postgresServer';

/** The Uid: line of /proc/<pid>/status: real, effective, saved and filesystem uids */
const uidsOf = (pid: number) => (/^Uid:\s+(.*)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '').split(/\s+/).filter(Boolean).map(Number);

describe('a throwaway PostgreSQL server', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('accepts a pg client on 127.0.0.1 and answers queries', async () => {
    expect(server.url).toMatch(/^postgres:\/\/fleetmap@127\.0\.0\.1:\d+\/postgres$/);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ sum: number; encoding: string; fsync: string }>(
        "SELECT $1::int + $2::int AS sum, current_setting('server_encoding') AS encoding, current_setting('fsync') AS fsync",
        [40, 2],
      );
      expect(rows).toEqual([{ sum: 42, encoding: 'UTF8', fsync: 'on' }]);
      const listen = await client.query<{ v: string }>("SELECT current_setting('listen_addresses') AS v");
      expect(listen.rows[0]?.v).toBe('127.0.0.1');
      const sockets = await client.query<{ v: string }>("SELECT current_setting('unix_socket_directories') AS v");
      expect(sockets.rows[0]?.v).toBe('');
    } finally {
      await client.end();
    }
  });

  it('runs as a non-root user, owning its data directory', () => {
    const uids = uidsOf(server.pid);
    expect(uids).toHaveLength(4);
    for (const uid of uids) expect(uid).not.toBe(0);
    expect(statSync(join(server.dir, 'data')).uid).toBe(uids[0]);
  });
});

describe('stopping a throwaway PostgreSQL server', () => {
  it('shuts the server down and removes its directory', async () => {
    const server = await startPostgres();
    expect(existsSync(join(server.dir, 'data', 'PG_VERSION'))).toBe(true);
    await server.stop();
    await server.exited;
    expect(existsSync(server.dir)).toBe(false);
    expect(() => process.kill(server.pid, 0)).toThrow();
  });

  it('keeps the data when asked, and a new server starts on it with the rows committed before', async () => {
    const first = await startPostgres();
    const a = new pg.Client({ connectionString: first.url });
    await a.connect();
    await a.query('CREATE TABLE kept (n int)');
    await a.query('INSERT INTO kept SELECT generate_series(1, 100)');
    await a.end();
    await first.stop({ keep: true });
    expect(existsSync(join(first.dir, 'data', 'PG_VERSION'))).toBe(true);

    const second = await startPostgres({ dir: first.dir });
    try {
      const b = new pg.Client({ connectionString: second.url });
      await b.connect();
      const { rows } = await b.query<{ n: string }>('SELECT count(*) AS n FROM kept');
      await b.end();
      expect(rows[0]?.n).toBe('100');
    } finally {
      await second.stop();
    }
    expect(existsSync(first.dir)).toBe(false);
  });
});

describe('finding the PostgreSQL binaries', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'fleetmap-pgbin-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });
  const install = async (dir: string) => {
    await mkdir(dir, { recursive: true });
    for (const name of ['initdb', 'postgres']) {
      await writeFile(join(dir, name), '#!/bin/sh\n');
      await chmod(join(dir, name), 0o755);
    }
  };

  it("takes Debian's newest major version, by number", async () => {
    const debian = join(root, 'debian');
    await install(join(debian, '9', 'bin'));
    await install(join(debian, '15', 'bin'));
    await mkdir(join(debian, 'common'), { recursive: true });
    const elsewhere = join(root, 'local');
    await install(elsewhere);
    expect(postgresBinDir({ PATH: elsewhere }, debian)).toBe(join(debian, '15', 'bin'));
    expect(postgresBinDir({ PATH: elsewhere }, join(root, 'none'))).toBe(elsewhere);
    expect(postgresBinDir({ PATH: '', FLEETMAP_PG_BINDIR: elsewhere }, debian)).toBe(elsewhere);
  });

  it('says the command to install it when there is none', () => {
    expect(() => postgresBinDir({ PATH: join(root, 'empty') }, join(root, 'none'))).toThrow(
      /not installed.*Run: .*(apt-get install -y postgresql|package manager)/,
    );
    expect(() => postgresBinDir({ FLEETMAP_PG_BINDIR: join(root, 'none') }, join(root, 'none'))).toThrow(/FLEETMAP_PG_BINDIR=.* does not hold initdb/);
  });
});
