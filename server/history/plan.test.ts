import { describe, expect, it } from 'vitest';
import { DEFAULT_RETAIN_MS, parseRetain, planHistory, stateDir, type HistoryInput } from './plan';

const base: HistoryInput = {
  history: undefined,
  dataDir: undefined,
  database: undefined,
  source: 'aws',
  live: true,
  platform: 'linux',
  env: {},
  home: '/home/ops',
};

describe('where serve keeps its history', () => {
  it('a live AWS read keeps it in PGlite under the user’s state directory', () => {
    expect(planHistory(base)).toEqual({ kind: 'pglite', dataDir: '/home/ops/.local/state/fleetmap/history' });
    expect(planHistory({ ...base, env: { XDG_STATE_HOME: '/var/lib/ops' } })).toEqual({ kind: 'pglite', dataDir: '/var/lib/ops/fleetmap/history' });
    expect(stateDir('darwin', {}, '/Users/ops')).toBe('/Users/ops/Library/Application Support/fleetmap');
  });

  it('the demo keeps it in memory unless a directory is named; --database uses a server', () => {
    expect(planHistory({ ...base, source: 'demo' })).toEqual({ kind: 'pglite', dataDir: undefined });
    expect(planHistory({ ...base, source: 'demo', dataDir: '/tmp/h' })).toEqual({ kind: 'pglite', dataDir: '/tmp/h' });
    expect(planHistory({ ...base, history: 'memory' })).toEqual({ kind: 'pglite', dataDir: undefined });
    expect(planHistory({ ...base, database: 'postgres://fleetmap@db:5432/fleetmap' })).toEqual({
      kind: 'postgres',
      url: 'postgres://fleetmap@db:5432/fleetmap',
    });
  });

  it('none for --history off, a snapshot, or a server that reads once, and says why', () => {
    expect(planHistory({ ...base, history: 'off' })).toMatchObject({ kind: 'off', why: '--history off' });
    expect(planHistory({ ...base, source: 'snapshot' })).toMatchObject({ kind: 'off' });
    expect(planHistory({ ...base, live: false })).toMatchObject({ kind: 'off', why: expect.stringContaining('--refresh off') as string });
  });

  it('refuses what cannot be meant, saying what to give instead', () => {
    expect(() => planHistory({ ...base, history: 'yes' })).toThrow('--history takes on, off or memory');
    expect(() => planHistory({ ...base, history: 'memory', dataDir: '/tmp/h' })).toThrow('keeps nothing on disk');
    expect(() => planHistory({ ...base, database: 'mysql://x' })).toThrow('PostgreSQL URL');
    expect(() => planHistory({ ...base, database: 'postgres://x', dataDir: '/tmp/h' })).toThrow('give one');
  });

  it('--retain takes days, hours or minutes, at least an hour', () => {
    expect(parseRetain(undefined)).toBe(DEFAULT_RETAIN_MS);
    expect(parseRetain('14d')).toBe(14 * 86_400_000);
    expect(parseRetain('36h')).toBe(36 * 3_600_000);
    expect(() => parseRetain('10m')).toThrow('at least an hour');
    expect(() => parseRetain('2w')).toThrow('such as 7d');
  });
});
