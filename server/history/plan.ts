import { join } from 'node:path';
import { UsageError } from '../cli/usage';

/** Where `fleetmap serve` keeps its history. */
export type HistoryPlan =
  | { kind: 'off'; why: string }
  /** PGlite; `dataDir` undefined keeps it in memory (the demo, unless a directory is named) */
  | { kind: 'pglite'; dataDir: string | undefined }
  | { kind: 'postgres'; url: string };

export interface HistoryInput {
  history: string | undefined;
  dataDir: string | undefined;
  database: string | undefined;
  /** serve's --source: demo, aws, snapshot (undefined: aws or demo by credentials) */
  source: string | undefined;
  /** Whether serve reads again on its own (--refresh not off) */
  live: boolean;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
}

/** The user's state directory, where a tool keeps what it needs between runs but no one edits. */
export function stateDir(platform: NodeJS.Platform, env: HistoryInput['env'], home: string): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'fleetmap');
  if (platform === 'win32') return join(env['LOCALAPPDATA'] ?? join(home, 'AppData', 'Local'), 'fleetmap');
  return join(env['XDG_STATE_HOME'] || join(home, '.local', 'state'), 'fleetmap');
}

/**
 * Pure: --history on|off|memory, --data-dir and --database into where history lives. By default a live read of AWS keeps
 * it in PGlite under the state directory; the demo keeps it in memory (its estate is made up afresh each run) unless
 * a directory is named; a snapshot, or a server that never reads again, has no history to keep.
 */
export function planHistory(input: HistoryInput): HistoryPlan {
  const asked = input.history ?? 'on';
  if (asked !== 'on' && asked !== 'off' && asked !== 'memory') throw new UsageError(`--history takes on, off or memory, not "${asked}".`);
  if (input.database !== undefined && input.dataDir !== undefined) {
    throw new UsageError('--database and --data-dir name two different places for the history: give one.');
  }
  if (input.database !== undefined && !/^postgres(ql)?:\/\//.test(input.database)) {
    throw new UsageError(`--database takes a PostgreSQL URL such as postgres://fleetmap@db.internal:5432/fleetmap, not "${input.database}".`);
  }
  if (asked === 'off') return { kind: 'off', why: '--history off' };
  if (input.source === 'snapshot') return { kind: 'off', why: 'a snapshot does not change' };
  if (!input.live) return { kind: 'off', why: '--refresh off: the estate is read once' };
  if (asked === 'memory') {
    if (input.database !== undefined || input.dataDir !== undefined)
      throw new UsageError('--history memory keeps nothing on disk: leave out --database and --data-dir.');
    return { kind: 'pglite', dataDir: undefined };
  }
  if (input.database !== undefined) return { kind: 'postgres', url: input.database };
  if (input.dataDir !== undefined) return { kind: 'pglite', dataDir: input.dataDir };
  if (input.source === 'demo') return { kind: 'pglite', dataDir: undefined };
  return { kind: 'pglite', dataDir: join(stateDir(input.platform, input.env, input.home), 'history') };
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
export const DEFAULT_RETAIN_MS = 7 * UNIT_MS['d']!;

/** --retain <period>: "7d", "36h", "90m"; at least an hour. */
export function parseRetain(value: string | undefined): number {
  if (value === undefined) return DEFAULT_RETAIN_MS;
  const m = /^(\d+)(m|h|d)$/.exec(value.trim());
  const ms = m ? Number(m[1]) * (UNIT_MS[m[2] ?? 'd'] ?? 0) : NaN;
  if (!Number.isFinite(ms) || ms < UNIT_MS['h']!) throw new UsageError(`--retain takes a period of at least an hour, such as 7d, 36h or 90m; not "${value}".`);
  return ms;
}
