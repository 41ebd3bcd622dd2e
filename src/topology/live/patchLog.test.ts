import { describe, expect, it } from 'vitest';
import { topologyOf } from '../graph/testTopology';
import type { TopologyPatch } from './patch';
import { lastEventVersion, patchLog } from './patchLog';

const read = topologyOf([]);
const patch = (from: number): TopologyPatch => ({
  from,
  to: from + 1,
  added: [],
  removed: [],
  changed: [],
  source: read.source,
  errors: [],
  stats: read.stats,
  changes: [],
});
const tos = (r: TopologyPatch[] | 'too-far-behind') => (r === 'too-far-behind' ? r : r.map((p) => p.to));

describe('patchLog', () => {
  it('resumes a browser from the version it holds with every patch since, in order', () => {
    const log = patchLog(10);
    for (let v = 0; v < 5; v++) log.push(patch(v));
    expect(log.head).toBe(5);
    expect(tos(log.since(2))).toEqual([3, 4, 5]);
    expect(tos(log.since(0))).toEqual([1, 2, 3, 4, 5]);
  });

  it('has nothing to send a browser that is up to date, even before the first patch', () => {
    expect(tos(patchLog(3).since(0))).toEqual([]);
    expect(tos(patchLog(3, 7).since(7))).toEqual([]);
    const log = patchLog(3);
    log.push(patch(0));
    expect(tos(log.since(1))).toEqual([]);
  });

  it('keeps only the newest `limit` patches: a browser further behind gets the whole topology', () => {
    const log = patchLog(3);
    for (let v = 0; v < 10; v++) log.push(patch(v));
    expect(tos(log.since(7))).toEqual([8, 9, 10]);
    expect(log.since(6)).toBe('too-far-behind');
    expect(log.since(0)).toBe('too-far-behind');
  });

  it('sends the whole topology to a browser that holds a version the log never made (a restarted server)', () => {
    const log = patchLog(3, 100);
    log.push(patch(100));
    expect(log.since(101)).toEqual([]);
    expect(log.since(250)).toBe('too-far-behind');
    expect(log.since(99)).toBe('too-far-behind');
    expect(log.since(-1)).toBe('too-far-behind');
    expect(log.since(100.5)).toBe('too-far-behind');
  });

  it('refuses a patch that does not follow the newest version', () => {
    const log = patchLog(3, 4);
    expect(() => log.push(patch(2))).toThrow('patch from version 2 does not follow version 4');
    log.push(patch(4));
    expect(log.head).toBe(5);
  });

  it('refuses a limit that keeps nothing', () => {
    expect(() => patchLog(0)).toThrow(/at least one/);
  });
});

describe('lastEventVersion', () => {
  it('reads the Last-Event-ID a browser reconnects with, and nothing else', () => {
    expect(lastEventVersion('42')).toBe(42);
    expect(lastEventVersion(' 42 ')).toBe(42);
    expect(lastEventVersion('0')).toBe(0);
    for (const bad of [undefined, '', 'abc', '-1', '4.2', '1e3', '42abc', '99999999999999999999']) expect(lastEventVersion(bad)).toBeUndefined();
  });
});
