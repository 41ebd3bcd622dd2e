import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, openSync, closeSync, readdirSync, readFileSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * A throwaway PostgreSQL server for the tests and the bench of the `--database` path: Debian's `postgresql` package
 * (which .ci/ensure-tools installs), a fresh cluster in a temporary directory, listening on 127.0.0.1 only, with
 * trust authentication (pg_hba lets in loopback connections only, and the server listens nowhere else) and no Unix
 * socket. fsync, synchronous_commit and full_page_writes are forced on: the crash test relies on them.
 */
export interface PostgresServer {
  /** postgres://fleetmap@127.0.0.1:<port>/postgres */
  readonly url: string;
  /** The temporary directory holding the cluster: pass it back to startPostgres to restart on the same data */
  readonly dir: string;
  /** The postmaster's process id (the leader of the server's process group) */
  readonly pid: number;
  /** Resolves once the postmaster has exited, however it ended */
  readonly exited: Promise<void>;
  /** Fast shutdown (active transactions rolled back, a shutdown checkpoint), then the directory is removed unless kept */
  stop(options?: { keep?: boolean }): Promise<void>;
  /** SIGKILL to the postmaster and every backend at once, as a crash would: no shutdown, no checkpoint */
  kill(): void;
  /** What this server wrote to its log (from its start), for checks and failure messages */
  log(): string;
}

const run = promisify(execFile);
const USER = 'fleetmap';
const READY_WITHIN_MS = 20_000;
const STOP_WITHIN_MS = 10_000;
/** Some other process can take the free port between our probe and the server's bind: try a fresh one */
const BIND_ATTEMPTS = 3;

/** Servers still running, killed if the test process exits without stopping them (no orphaned postmasters) */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) killGroup(child);
});

export interface StartOptions {
  /** An existing cluster's directory (`dir` of an earlier server, after kill() or stop({ keep: true })) */
  dir?: string;
  /** More server settings (`-c name=value`), over the defaults below */
  settings?: Record<string, string>;
}

/** Starts a server on a new cluster, or on an existing one. */
export async function startPostgres(options: StartOptions = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const owner = serverUser();
  const dir = options.dir ?? (await newClusterDir(bin, owner));
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(bin, owner, dir, await freePort(), options.settings ?? {});
    } catch (error) {
      if (!(error instanceof BindError) || attempt >= BIND_ATTEMPTS) throw error;
    }
  }
}

/**
 * Where Debian's binaries are: FLEETMAP_PG_BINDIR when set, else the newest /usr/lib/postgresql/<major>/bin (Debian
 * keeps initdb and postgres off PATH; /usr/local/bin links may point anywhere), else `pg_config --bindir`, else PATH.
 */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env, debian = '/usr/lib/postgresql'): string {
  const has = (d: string) => ['initdb', 'postgres'].every((b) => isExecutable(join(d, b)));
  const fromEnv = env['FLEETMAP_PG_BINDIR'];
  if (fromEnv) {
    if (has(fromEnv)) return fromEnv;
    throw new Error(`FLEETMAP_PG_BINDIR=${fromEnv} does not hold initdb and postgres.`);
  }
  const majors = existsSync(debian) ? readdirSync(debian).filter((v) => /^\d+$/.test(v)) : [];
  majors.sort((a, b) => Number(b) - Number(a));
  const path = env['PATH'] ?? '';
  const candidates = [...majors.map((v) => join(debian, v, 'bin')), pgConfigBinDir(path), ...path.split(delimiter)];
  const found = candidates.find((d) => d !== undefined && d !== '' && has(d));
  if (found !== undefined) return found;
  throw new Error(
    'The PostgreSQL server (initdb, postgres) is not installed, and the --database tests need it. Run: ' +
      (existsSync('/usr/bin/apt-get') ? 'sudo apt-get install -y postgresql' : 'install the PostgreSQL server with your package manager') +
      ' (or set FLEETMAP_PG_BINDIR to the directory holding initdb and postgres).',
  );
}

function pgConfigBinDir(path: string): string | undefined {
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', env: { PATH: path }, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

interface Owner {
  name: string;
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root. As root, initdb and the server run as Debian's `postgres` system user (the
 * package creates it), else as `nobody`; spawn's uid/gid drop the privileges (and the supplementary groups) in the
 * child itself, so the pid we hold is the postmaster's and no runuser/su process sits between.
 */
function serverUser(): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    try {
      const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      return { name, uid: id('-u'), gid: id('-g') };
    } catch {
      // no such user: try the next
    }
  }
  throw new Error('Running as root, but neither a "postgres" nor a "nobody" user exists to run PostgreSQL as.');
}

async function newClusterDir(bin: string, owner: Owner | undefined): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fleetmap-pg-'));
  if (owner) await chown(dir, owner.uid, owner.gid);
  // --no-sync skips only initdb's final flush of the template files; the server itself runs with fsync on.
  const args = ['-D', join(dir, 'data'), '-U', USER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'];
  try {
    await run(join(bin, 'initdb'), args, { ...asOwner(owner, dir), encoding: 'utf8', timeout: 60_000 });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    const output = error instanceof Error && 'stderr' in error ? String(error.stderr) : String(error);
    const hint = owner ? ` (initdb ran as ${owner.name}: every directory above ${dir} must be searchable by it; set TMPDIR elsewhere if not)` : '';
    throw new Error(`initdb failed${hint}:\n${output.trim()}`, { cause: error });
  }
  return dir;
}

function asOwner(owner: Owner | undefined, dir: string) {
  const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir, LANG: 'C', LC_ALL: 'C' };
  return owner ? { cwd: dir, env, uid: owner.uid, gid: owner.gid } : { cwd: dir, env };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

class BindError extends Error {}

async function launch(bin: string, owner: Owner | undefined, dir: string, port: number, extra: Record<string, string>): Promise<PostgresServer> {
  const logPath = join(dir, 'server.log');
  const log = () => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : '');
  const logStart = log().length;
  const fd = openSync(logPath, 'a');
  const settings = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: '',
    fsync: 'on',
    synchronous_commit: 'on',
    full_page_writes: 'on',
    max_connections: '20',
    ...extra,
  };
  const args = ['-D', join(dir, 'data'), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  // detached: the postmaster leads its own process group, so kill() reaches every backend with one signal.
  const child = spawn(join(bin, 'postgres'), args, { ...asOwner(owner, dir), stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  running.add(child);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // A binary that cannot be executed: reported below through the missing pid, not as an unhandled 'error' event.
    child.once('error', () => resolve());
  });
  void exited.then(() => running.delete(child));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${join(bin, 'postgres')}`);
  const url = `postgres://${USER}@127.0.0.1:${port}/postgres`;
  const tail = () => log().slice(logStart).split('\n').slice(-20).join('\n');

  const stop = async ({ keep = false }: { keep?: boolean } = {}) => {
    if (running.has(child)) {
      child.kill('SIGINT');
      const timer = setTimeout(() => killGroup(child), STOP_WITHIN_MS);
      await exited;
      clearTimeout(timer);
    }
    if (!keep) await rm(dir, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(url, exited, tail);
  } catch (error) {
    killGroup(child);
    await exited;
    if (/could not bind|could not create listen socket/i.test(tail())) throw new BindError(tail());
    throw error;
  }
  return { url, dir, pid, exited, stop, kill: () => killGroup(child), log: () => log().slice(logStart) };
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Connects until the server answers a query (crash recovery on restart answers "starting up" for a while). */
async function waitUntilReady(url: string, exited: Promise<void>, tail: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + READY_WITHIN_MS;
  let last = '';
  while (Date.now() < deadline) {
    if (gone) throw new Error(`PostgreSQL exited while starting. Its log ends:\n${tail()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgreSQL did not accept connections within ${READY_WITHIN_MS / 1000} s (last error: ${last}). Its log ends:\n${tail()}`);
}
