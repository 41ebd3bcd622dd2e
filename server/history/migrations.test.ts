import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { openPglite } from './sql';
import type { Sql } from './types';

const open: Sql[] = [];
async function empty(): Promise<Sql> {
  const sql = await openPglite();
  open.push(sql);
  return sql;
}

const versions = async (sql: Sql) => (await sql.query<{ version: number }>('select version from schema_migrations order by version')).map((r) => r.version);
const indexes = async (sql: Sql) =>
  (await sql.query<{ indexname: string }>(`select indexname from pg_indexes where tablename = 'resource_versions' order by indexname`)).map((r) => r.indexname);

describe('history migrations', () => {
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  it('brings an empty database to the newest version, and does nothing the second time', async () => {
    const sql = await empty();
    expect(await migrate(sql)).toEqual({ from: 0, to: SCHEMA_VERSION });
    expect(await versions(sql)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await indexes(sql)).toContain('resource_versions_open');
    expect(await migrate(sql)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    expect(await versions(sql)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('brings a database at version 1 with history in it to the newest, its rows kept', async () => {
    const sql = await empty();
    await migrate(sql, MIGRATIONS.slice(0, 1));
    expect(await versions(sql)).toEqual([1]);
    expect(await indexes(sql)).not.toContain('resource_versions_open');
    await sql.query(`insert into resource_versions values ('task-1', 'task', '123456789012', 'us-east-1', 1000, null, '{"kind":"task"}'::jsonb)`);
    await sql.query(`insert into captures values (1000, 1, 1, 0, 0, 0, '{}'::jsonb, '[]'::jsonb, '{}'::jsonb)`);

    expect(await migrate(sql)).toEqual({ from: 1, to: SCHEMA_VERSION });
    expect(await sql.query('select id, valid_from, valid_to, body from resource_versions')).toEqual([
      { id: 'task-1', valid_from: 1000, valid_to: null, body: { kind: 'task' } },
    ]);
    expect(await sql.query('select at, version from captures')).toEqual([{ at: 1000, version: 1 }]);
    expect(await indexes(sql)).toContain('resource_versions_open');
  });

  it('refuses a database a newer fleetmap migrated', async () => {
    const sql = await empty();
    await migrate(sql);
    await sql.query(`insert into schema_migrations values ($1, 'from the future', 0)`, [SCHEMA_VERSION + 1]);
    await expect(migrate(sql)).rejects.toThrow(
      `history database is at schema version ${SCHEMA_VERSION + 1}, newer than this fleetmap knows (${SCHEMA_VERSION}): upgrade fleetmap`,
    );
  });

  it('leaves a step that fails undone, the steps before it kept', async () => {
    const sql = await empty();
    const broken = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'broken', sql: 'create table half (x int); select * from nowhere;' }];
    await expect(migrate(sql, broken)).rejects.toThrow(/relation "nowhere" does not exist/);
    expect(await versions(sql)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await sql.query(`select 1 from pg_tables where tablename = 'half'`)).toEqual([]);
  });
});
