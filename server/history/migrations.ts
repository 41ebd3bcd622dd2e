import type { Sql } from './types';

/**
 * The history schema, one step per version, applied in order at open. A step is never edited once released: a change
 * of shape is a new step, so a database made by any earlier version reaches the current one the same way.
 * Times are bigint epoch milliseconds (the model's unit, and identical on PGlite and a server).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'resource versions, captures and change events',
    sql: `
      create table resource_versions (
        id text not null,
        kind text not null,
        account text not null,
        region text not null,
        valid_from bigint not null,
        valid_to bigint,
        body jsonb not null,
        primary key (id, valid_from)
      );
      create table captures (
        at bigint primary key,
        version bigint not null,
        added integer not null,
        removed integer not null,
        changed integer not null,
        changes integer not null,
        source jsonb not null,
        errors jsonb not null,
        stats jsonb not null
      );
      create table change_events (
        id text primary key,
        at bigint not null,
        capture_at bigint not null,
        kind text not null,
        subject text not null,
        owner text,
        severity text not null,
        message text not null
      );`,
  },
  {
    version: 2,
    name: 'indexes for "as of" reads, retention horizon',
    sql: `
      create index resource_versions_open on resource_versions (id) where valid_to is null;
      create index resource_versions_from on resource_versions (valid_from);
      create index resource_versions_to on resource_versions (valid_to) where valid_to is not null;
      create index change_events_at on change_events (at);
      create index change_events_subject on change_events (subject, at);
      create index change_events_owner on change_events (owner, at) where owner is not null;
      -- The moment before which pruning took the history away: the estate is unknown before it.
      create table retention (
        only_row boolean primary key default true check (only_row),
        horizon bigint not null
      );`,
  },
];

export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/** One key for every fleetmap: two processes opening one server database migrate one after the other. */
const MIGRATION_LOCK = 0x666c6d68;

async function appliedVersion(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ version: number | null }>('select max(version) as version from schema_migrations');
  return row?.version ?? 0;
}

/**
 * Brings the database to the newest version this code knows, one transaction per step (a step that fails leaves the
 * database at the step before). Refuses a database a newer fleetmap has migrated: this code would misread it.
 */
export async function migrate(sql: Sql, migrations: readonly Migration[] = MIGRATIONS): Promise<{ from: number; to: number }> {
  await sql.exec(`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    applied_at bigint not null
  )`);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const from = await appliedVersion(sql);
  if (from > known) {
    throw new Error(
      `history database is at schema version ${from}, newer than this fleetmap knows (${known}): upgrade fleetmap, or point it at another data directory or database`,
    );
  }
  for (const step of [...migrations].sort((a, b) => a.version - b.version)) {
    await sql.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      // Checked again under the lock: another process may have applied it meanwhile.
      if ((await appliedVersion(tx)) >= step.version) return;
      await tx.exec(step.sql);
      await tx.query('insert into schema_migrations (version, name, applied_at) values ($1, $2, $3)', [step.version, step.name, Date.now()]);
    });
  }
  return { from, to: Math.max(from, await appliedVersion(sql)) };
}
