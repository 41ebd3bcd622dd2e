import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describePlan, lockDataDir, openHistory } from './open';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'fleetmap-open-'));
  dirs.push(d);
  return d;
};

describe('a PGlite data directory is one process’s', () => {
  it('is locked with this process’s pid, and unlocked on release', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'fleetmap.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, 'fleetmap.lock'))).toBe(false);
  });

  it('refuses a directory another live process holds, saying what to do', () => {
    const dir = tempDir();
    // The parent of this test process is alive for as long as the test runs.
    writeFileSync(join(dir, 'fleetmap.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(`in use by another Fleetmap (pid ${process.ppid}); give this one its own --data-dir`);
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = tempDir();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, 'fleetmap.lock'), gone);
    lockDataDir(dir)();
  });

  it('opens, keeps and reopens a history in its directory, and releases the lock when closed', async () => {
    const dir = tempDir();
    const plan = { kind: 'pglite', dataDir: dir } as const;
    const history = await openHistory(plan);
    await expect(openHistory(plan)).rejects.toThrow('is open already in this Fleetmap');
    await history?.close();
    expect(existsSync(join(dir, 'fleetmap.lock'))).toBe(false);
    const again = await openHistory(plan);
    expect(again?.engine).toBe('pglite');
    await again?.close();
    expect(describePlan(plan)).toBe(`History: ${dir} (PGlite).`);
    expect(describePlan({ kind: 'postgres', url: 'postgres://fleetmap:s3cret@db:5432/fleetmap' })).not.toContain('s3cret');
  });
});
