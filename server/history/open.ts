import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryPlan } from './plan';
import { openPglite, openPostgres, safeUrl } from './sql';
import { createHistory } from './store';
import type { History } from './types';

const LOCK = 'fleetmap.lock';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but is another user's.
    return e instanceof Error && 'code' in e && e.code === 'EPERM';
  }
};

/**
 * PGlite is one process's database: a second server opening the same directory would corrupt it. The directory
 * holds a lock file with the owner's pid; a lock left by a process that is gone is taken over.
 */
/** Directories this process holds: a lock file with our own pid is stale unless listed here (pid 1 in a container). */
const held = new Set<string>();

export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK);
  if (held.has(path)) throw new Error(`the history in ${dir} is open already in this Fleetmap`);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (createLock(path)) {
      held.add(path);
      return () => {
        held.delete(path);
        rmSync(path, { force: true });
      };
    }
    const owner = Number(readFileSync(path, 'utf8').trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
      throw new Error(
        `the history in ${dir} is in use by another Fleetmap (pid ${owner}); give this one its own --data-dir, use a shared --database, or --history off`,
      );
    }
    rmSync(path, { force: true });
  }
  throw new Error(`could not lock the history in ${dir}`);
}

/** Writes the lock file with this process's pid; false when it exists already. */
function createLock(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'EEXIST') return false;
    throw e;
  }
  writeSync(fd, String(process.pid));
  closeSync(fd);
  return true;
}

/** Where the history is, in words, for the start-up lines. */
export function describePlan(plan: HistoryPlan): string {
  switch (plan.kind) {
    case 'off':
      return `History: off (${plan.why}).`;
    case 'pglite':
      return plan.dataDir === undefined ? 'History: kept in memory for this run (PGlite).' : `History: ${plan.dataDir} (PGlite).`;
    case 'postgres':
      return `History: ${safeUrl(plan.url)} (PostgreSQL).`;
  }
}

/** Opens the history a plan names, migrating its schema; undefined when it is off. */
export async function openHistory(plan: HistoryPlan): Promise<History | undefined> {
  if (plan.kind === 'off') return undefined;
  if (plan.kind === 'postgres') return createHistory(await openPostgres(plan.url));
  const unlock = plan.dataDir === undefined ? () => undefined : lockDataDir(plan.dataDir);
  try {
    const history = await createHistory(await openPglite(plan.dataDir));
    return {
      ...history,
      close: async () => {
        try {
          await history.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}
