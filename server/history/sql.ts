import { PGlite, types as pgliteTypes, type Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import type { Sql } from './types';

/*
 * The two engines behind one interface: PGlite (PostgreSQL compiled to WebAssembly, in this process) and a
 * PostgreSQL server through a pg pool. The schema keeps every time as a bigint of epoch milliseconds, so neither
 * engine's timestamp conversion is involved; bigints come back as numbers on both (epoch ms stay far below 2^53).
 */

/** What the engine said, with what was being done: "history: insert into captures …: duplicate key value …". */
export class SqlError extends Error {
  constructor(
    readonly operation: string,
    cause: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`history database: ${operation} failed: ${detail}`, { cause });
    this.name = 'SqlError';
  }
}

/** The statement's first words, enough to tell which one failed without echoing its parameters. */
export function operationOf(text: string): string {
  const words = text.trim().replace(/\s+/g, ' ');
  return words.length > 80 ? `${words.slice(0, 77)}...` : words;
}

async function told<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw e instanceof SqlError ? e : new SqlError(operation, e);
  }
}

/** PGlite parses int8 to a JS number already; named here so a change of its default fails the tests, not the data. */
const PGLITE_PARSERS = { [pgliteTypes.INT8]: (v: string) => Number(v) };

type PgliteLike = Pick<Transaction, 'query' | 'exec'>;

function pgliteSql(db: PgliteLike, transaction: Sql['transaction'], close: () => Promise<void>): Sql {
  return {
    engine: 'pglite',
    query: <R extends Record<string, unknown>>(text: string, params: readonly unknown[] = []) =>
      told(operationOf(text), async () => (await db.query<R>(text, [...params], { parsers: PGLITE_PARSERS })).rows),
    exec: (text) => told(operationOf(text), async () => void (await db.exec(text))),
    transaction,
    close,
  };
}

/** An embedded database: in memory when `dataDir` is undefined, else kept in that directory (created when missing). */
export async function openPglite(dataDir?: string): Promise<Sql> {
  const db = await told(`open the embedded database${dataDir ? ` in ${dataDir}` : ''}`, () => (dataDir ? PGlite.create(dataDir) : PGlite.create()));
  const nested = (): Promise<never> => Promise.reject(new Error('history database: a transaction inside a transaction is not supported'));
  const transaction = <T>(fn: (tx: Sql) => Promise<T>): Promise<T> =>
    db.transaction((tx) => fn(pgliteSql(tx, nested, () => Promise.reject(new Error('history database: close the database, not a transaction')))));
  return pgliteSql(db, transaction, () => db.close());
}

/** int8 (count(*), bigint columns) parsed to numbers for this pool only; pg's own default is a string. */
function pgTypes(): pg.CustomTypesConfig {
  const overrides = new pg.TypeOverrides();
  overrides.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
  return overrides;
}

function pgSql(run: pg.Pool | pg.PoolClient, transaction: Sql['transaction'], close: () => Promise<void>): Sql {
  return {
    engine: 'postgres',
    query: <R extends Record<string, unknown>>(text: string, params: readonly unknown[] = []) =>
      told(operationOf(text), async () => (await run.query<R>(text, [...params])).rows),
    exec: (text) => told(operationOf(text), async () => void (await run.query(text))),
    transaction,
    close,
  };
}

/** A PostgreSQL server by URL (postgres://user:password@host:port/database), through a small pool. */
export async function openPostgres(url: string): Promise<Sql> {
  const pool = new pg.Pool({ connectionString: url, max: 4, types: pgTypes() });
  // A server that went away while idle must not crash the process: the next query reports it instead.
  pool.on('error', () => undefined);
  // A client taken for a transaction loses the pool's idle listener: a server that dies mid-transaction rejects its
  // queries, and the 'error' it also emits must not be an uncaught exception that ends the process.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const where = safeUrl(url);
  await told(`connect to ${where}`, () => pool.query('select 1'));
  const nested = (): Promise<never> => Promise.reject(new Error('history database: a transaction inside a transaction is not supported'));
  const transaction = async <T>(fn: (tx: Sql) => Promise<T>): Promise<T> => {
    const client = await told(`connect to ${where}`, () => pool.connect());
    let broken: Error | undefined;
    try {
      await told('begin', () => client.query('begin'));
      const out = await fn(pgSql(client, nested, () => Promise.reject(new Error('history database: close the database, not a transaction'))));
      await told('commit', () => client.query('commit'));
      return out;
    } catch (e) {
      // A rollback that fails means the connection is gone; it is dropped from the pool below, not reused.
      await client.query('rollback').catch((r: unknown) => {
        broken = r instanceof Error ? r : new Error(String(r));
      });
      throw e;
    } finally {
      client.release(broken);
    }
  };
  return pgSql(pool, transaction, () => pool.end());
}

/** The URL without its password, for messages. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the database URL';
  }
}
