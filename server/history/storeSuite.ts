import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoTopology } from '../../src/topology/__fixtures__/fixtures';
import { syntheticEstate } from '../../src/topology/__fixtures__/estate';
import { Topology, type ResourceOf } from '../../src/topology/model';
import { diffTopology } from '../../src/topology/live/diff';
import type { ChangeEvent, TopologyPatch } from '../../src/topology/live/patch';
import { redactTopology } from '../../src/topology/redact/redact';
import { churnMinute, readAt } from './churn.fixture';
import { createHistory } from './store';
import type { History, Sql } from './types';

/*
 * The store's behaviour, for any engine: `open` gives a connection to an empty database (or one this suite may
 * empty). The same tests run on PGlite here and on a PostgreSQL server where one is started.
 */

export const T0 = Date.UTC(2026, 0, 5, 12, 0);
export const MINUTE = 60_000;

export async function rowCount(sql: Sql, table: string): Promise<number> {
  const [row] = await sql.query<{ n: number }>(`select count(*) as n from ${table}`);
  return row?.n ?? 0;
}

export async function rowCounts(sql: Sql): Promise<Record<string, number>> {
  const tables = ['resource_versions', 'captures', 'change_events'];
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await rowCount(sql, t)] as const)));
}

/** A small estate and `minutes` of its churn, one read a minute from T0. */
export function timeline(minutes: number): Topology[] {
  const out = [readAt(syntheticEstate({ clusters: 2, services: 6, tasks: 40, loadBalancers: 1, azs: 2, seed: 7 }), T0)];
  for (let m = 1; m <= minutes; m++) {
    const prev = out[m - 1];
    if (prev) out.push(churnMinute(prev, 2, m, T0 + m * MINUTE));
  }
  return out;
}

/** Records a timeline as the live watcher hands it over: the first read whole, then a patch per read. */
export async function record(history: History, reads: readonly Topology[]): Promise<TopologyPatch[]> {
  const [first, ...rest] = reads;
  if (!first) return [];
  await history.captureTopology(first, 1, first.source.fetchedAt);
  const patches: TopologyPatch[] = [];
  let prev = first;
  for (const next of rest) {
    const patch = diffTopology(prev, next, patches.length + 1);
    if (!patch) throw new Error('each churned minute differs');
    await history.capturePatch(patch, next.source.fetchedAt);
    patches.push(patch);
    prev = next;
  }
  return patches;
}

const newestFirst = (a: ChangeEvent, b: ChangeEvent) => b.at - a.at;

export function historySuite(engine: string, open: () => Promise<Sql>): void {
  describe(`history store on ${engine}`, () => {
    let sql: Sql;
    let history: History;
    beforeAll(async () => {
      sql = await open();
      history = await createHistory(sql);
    });
    beforeEach(async () => {
      await sql.exec('truncate resource_versions, captures, change_events, retention');
    });
    afterAll(async () => {
      await history.close();
    });

    it('rebuilds the estate as it was at each capture, between captures and not before the first', async () => {
      const reads = timeline(4);
      await record(history, reads);
      for (const read of reads) {
        const got = await history.estateAt(read.source.fetchedAt);
        expect(Topology.safeParse(got).success).toBe(true);
        expect(got).toEqual(redactTopology(read));
        // Half a minute later nothing was read yet: the estate is still the one read then.
        expect(await history.estateAt(read.source.fetchedAt + MINUTE / 2)).toEqual(redactTopology(read));
      }
      expect(await history.estateAt(T0 - 1)).toBeUndefined();
    });

    it('keeps the demo estate whole, every kind of resource', async () => {
      const demo = demoTopology();
      const summary = await history.captureTopology(demo, 1, demo.source.fetchedAt);
      expect(summary).toEqual({ at: demo.source.fetchedAt, added: Object.keys(demo.resources).length, removed: 0, changed: 0, changes: 0 });
      expect(await history.estateAt(demo.source.fetchedAt)).toEqual(redactTopology(demo));
    });

    it('lists change events by time and by resource, newest first', async () => {
      const reads = timeline(4);
      const patches = await record(history, reads);
      const told = patches.flatMap((p) => p.changes);
      expect(told.length).toBeGreaterThan(0);
      const from = T0 + 2 * MINUTE;
      const to = T0 + 3 * MINUTE;
      const inRange = await history.changes({ from, to });
      expect(inRange.map((e) => e.id).sort()).toEqual(
        told
          .filter((e) => e.at >= from && e.at <= to)
          .map((e) => e.id)
          .sort(),
      );
      expect(inRange.map((e) => e.at)).toEqual([...inRange].sort(newestFirst).map((e) => e.at));
      const subject = told[0]?.subject ?? '';
      const ofOne = await history.changes({ from: T0, to: T0 + 10 * MINUTE, resource: subject });
      expect(ofOne.length).toBeGreaterThan(0);
      expect(ofOne.every((e) => e.subject === subject || e.owner === subject)).toBe(true);
      expect(await history.changes({ from: T0, to: T0 + 10 * MINUTE, limit: 2 })).toHaveLength(2);
    });

    it('lists the captures with what each changed', async () => {
      const reads = timeline(3);
      const patches = await record(history, reads);
      const points = await history.captures({ from: T0 + 1, to: T0 + 10 * MINUTE });
      expect(points).toEqual(
        patches.map((p, i) => ({
          at: T0 + (i + 1) * MINUTE,
          version: p.to,
          added: p.added.length,
          removed: p.removed.length,
          changed: p.changed.length,
          changes: p.changes.length,
        })),
      );
    });

    it("gives a task's versions: running, stopped, then no longer listed", async () => {
      const reads = timeline(3);
      await record(history, reads);
      const stopped = Object.values(reads[1]?.resources ?? {}).find(
        (r): r is ResourceOf<'task'> => r.kind === 'task' && r.lastStatus === 'STOPPED' && reads[0]?.resources[r.id] !== undefined,
      );
      if (!stopped) throw new Error('the first minute stops a task');
      const versions = await history.resourceHistory(stopped.id, { from: T0, to: T0 + 10 * MINUTE });
      expect(versions.map((v) => [v.validFrom, v.validTo, v.body.kind === 'task' ? v.body.lastStatus : v.body.kind])).toEqual([
        [T0, T0 + MINUTE, 'RUNNING'],
        [T0 + MINUTE, T0 + 2 * MINUTE, 'STOPPED'],
      ]);
      expect(await history.resourceHistory(stopped.id, { from: T0 + 90_000, to: T0 + 10 * MINUTE })).toHaveLength(1);
    });

    it('records the same estate read again as nothing, and what changed meanwhile as one capture', async () => {
      const reads = timeline(3);
      const first = reads[0];
      const last = reads[3];
      if (!first || !last) throw new Error('timeline');
      await history.captureTopology(first, 1, T0);
      const before = await rowCounts(sql);
      expect(await history.captureTopology(readAt(first, T0 + MINUTE), 2, T0 + MINUTE)).toEqual({
        at: T0 + MINUTE,
        added: 0,
        removed: 0,
        changed: 0,
        changes: 0,
      });
      expect(await rowCounts(sql)).toEqual(before);
      const caught = await history.captureTopology(last, 2, last.source.fetchedAt);
      const patch = diffTopology(first, last, 1);
      expect(caught).toEqual({
        at: last.source.fetchedAt,
        added: patch?.added.length,
        removed: patch?.removed.length,
        changed: patch?.changed.length,
        changes: patch?.changes.length,
      });
      expect(await history.estateAt(last.source.fetchedAt)).toEqual(redactTopology(last));
      expect(await history.estateAt(T0 + MINUTE)).toEqual(redactTopology(first));
    });

    it('writes rows in proportion to the churn, not to the estate', async () => {
      const estate = readAt(syntheticEstate({ clusters: 4, services: 40, tasks: 400, loadBalancers: 2, azs: 3, seed: 3 }), T0);
      await history.captureTopology(estate, 1, T0);
      const before = await rowCounts(sql);
      expect(before['resource_versions']).toBeGreaterThan(400);
      const tasks = Object.values(estate.resources).filter((r): r is ResourceOf<'task'> => r.kind === 'task');
      const [a, b, c] = tasks;
      if (!a || !b || !c) throw new Error('tasks');
      const next = { ...estate, resources: { ...estate.resources, [a.id]: { ...a, lastStatus: 'STOPPED' }, [b.id]: { ...b, healthStatus: 'UNHEALTHY' } } };
      delete next.resources[c.id];
      const patch = diffTopology(estate, readAt(next, T0 + MINUTE), 1);
      if (!patch) throw new Error('a patch');
      await history.capturePatch(patch, T0 + MINUTE);
      const after = await rowCounts(sql);
      // Two new versions (a removal only closes one), one captures row, one event per change told.
      expect(after['resource_versions']).toBe((before['resource_versions'] ?? 0) + 2);
      expect(after['captures']).toBe((before['captures'] ?? 0) + 1);
      expect(after['change_events']).toBe((before['change_events'] ?? 0) + patch.changes.length);
      expect(patch.changes.length).toBeLessThanOrEqual(3);
    });

    it('never writes a secret from a task definition, in bodies or in events', async () => {
      const demo = demoTopology();
      const planted = 'hunter2-s3cr3t-value-9f8e7d';
      const td = Object.values(demo.resources).find((r): r is ResourceOf<'taskDefinition'> => r.kind === 'taskDefinition');
      if (!td) throw new Error('the demo has task definitions');
      const leaky: ResourceOf<'taskDefinition'> = {
        ...td,
        containers: td.containers.map((ct) => ({ ...ct, environment: [...ct.environment, { name: 'DB_PASSWORD', value: planted }] })),
      };
      const read = readAt({ ...demo, resources: { ...demo.resources, [td.id]: leaky } }, demo.source.fetchedAt);
      await history.captureTopology(read, 1, read.source.fetchedAt);
      const [row] = await sql.query<{ text: string }>(
        `select (select string_agg(body::text, '') from resource_versions) || (select string_agg(source::text || errors::text, '') from captures) as text`,
      );
      expect(row?.text).toContain('DB_PASSWORD');
      expect(row?.text).not.toContain(planted);
    });

    it('leaves nothing of a capture that fails midway', async () => {
      const reads = timeline(2);
      await record(history, reads.slice(0, 2));
      const before = await rowCounts(sql);
      const open = await sql.query<{ n: number }>('select count(*) as n from resource_versions where valid_to is null');
      // The last statement of a capture fails: everything the capture wrote before it must go with it.
      const failing: Sql = {
        ...sql,
        transaction: (fn) =>
          sql.transaction((tx) =>
            fn({
              ...tx,
              query: (text, params) => (text.includes('insert into captures') ? Promise.reject(new Error('injected failure')) : tx.query(text, params)),
            }),
          ),
      };
      const broken = await createHistory(failing);
      const [prev, next] = [reads[1], reads[2]];
      if (!prev || !next) throw new Error('timeline');
      const patch = diffTopology(prev, next, 2);
      if (!patch) throw new Error('a patch');
      await expect(broken.capturePatch(patch, T0 + 2 * MINUTE)).rejects.toThrow('injected failure');
      expect(await rowCounts(sql)).toEqual(before);
      expect(await sql.query('select count(*) as n from resource_versions where valid_to is null')).toEqual(open);
      expect(await history.estateAt(T0 + 2 * MINUTE)).toEqual(redactTopology(prev));
    });

    it('refuses a capture that is not after the last one', async () => {
      const reads = timeline(1);
      await record(history, reads);
      const first = reads[0];
      if (!first) throw new Error('timeline');
      const patch = diffTopology(reads[1] ?? first, first, 2);
      if (!patch) throw new Error('a patch');
      await expect(history.capturePatch(patch, T0 + MINUTE)).rejects.toThrow(/not after the last one/);
    });

    it('prunes what ended before the horizon, keeping what rebuilds every moment after it', async () => {
      const reads = timeline(5);
      await record(history, reads);
      const horizon = T0 + 2 * MINUTE + MINUTE / 2;
      const later = [horizon, ...reads.slice(3).map((r) => r.source.fetchedAt)];
      const expected = await Promise.all(later.map((t) => history.estateAt(t)));
      const gone = await history.prune(horizon);
      expect(gone.captures).toBe(2);
      expect(gone.versions).toBeGreaterThan(0);
      expect(gone.events).toBeGreaterThan(0);
      expect(await Promise.all(later.map((t) => history.estateAt(t)))).toEqual(expected);
      expect(expected[0]).toEqual(redactTopology(reads[2] ?? reads[0] ?? demoTopology()));
      // Before the horizon the history is gone, not half there.
      expect(await history.estateAt(T0 + MINUTE)).toBeUndefined();
      expect((await history.captures({ from: 0, to: horizon })).map((c) => c.at)).toEqual([T0 + 2 * MINUTE]);
      expect(await history.changes({ from: 0, to: horizon - 1 })).toEqual([]);
      expect(await history.prune(horizon)).toEqual({ versions: 0, events: 0, captures: 0 });
    });
  });
}
