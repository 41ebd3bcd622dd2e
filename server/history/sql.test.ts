import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, safeUrl } from './sql';
import type { Sql } from './types';

describe('openPglite', () => {
  let sql: Sql;
  beforeAll(async () => {
    sql = await openPglite();
    await sql.exec('create table t (id text primary key, at bigint not null, body jsonb)');
  });
  afterAll(async () => {
    await sql.close();
  });

  it('returns bigints as numbers and jsonb as values, with $n parameters', async () => {
    const at = Date.UTC(2026, 0, 5, 12);
    await sql.query('insert into t values ($1, $2, $3::jsonb)', ['a', at, JSON.stringify({ n: 1, list: ['x'] })]);
    const rows = await sql.query('select id, at, body, count(*) over () as n from t where id = $1', ['a']);
    expect(rows).toEqual([{ id: 'a', at, body: { n: 1, list: ['x'] }, n: 1 }]);
    expect(sql.engine).toBe('pglite');
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await sql.transaction((tx) => tx.query('insert into t values ($1, 1, null)', ['kept']));
    await expect(
      sql.transaction(async (tx) => {
        await tx.query('insert into t values ($1, 1, null)', ['lost']);
        throw new Error('midway');
      }),
    ).rejects.toThrow('midway');
    const ids = (await sql.query<{ id: string }>('select id from t order by id')).map((r) => r.id);
    expect(ids).toContain('kept');
    expect(ids).not.toContain('lost');
  });

  it('says which operation failed', async () => {
    await expect(sql.query('select * from nowhere where id = $1', ['x'])).rejects.toThrow(
      'history database: select * from nowhere where id = $1 failed: relation "nowhere" does not exist',
    );
    await expect(sql.exec('create table t (x int)')).rejects.toThrow(/create table t \(x int\) failed: relation "t" already exists/);
  });
});

describe('openPostgres', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    // A port that accepts and hangs up at once: a server that is not PostgreSQL, or went away.
    server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('says where it could not connect, without the password', async () => {
    const url = `postgres://fleetmap:pa55word@127.0.0.1:${port}/history`;
    const failure = openPostgres(url);
    await expect(failure).rejects.toThrow(`history database: connect to postgres://fleetmap:***@127.0.0.1:${port}/history failed`);
    await expect(failure).rejects.not.toThrow(/pa55word/);
    expect(safeUrl('not a url')).toBe('the database URL');
  });
});
