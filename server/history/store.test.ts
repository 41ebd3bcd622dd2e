import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { redactTopology } from '../../src/topology/redact/redact';
import { readAt } from './churn.fixture';
import { openPglite } from './sql';
import { createHistory } from './store';
import { historySuite, MINUTE, record, rowCounts, T0, timeline } from './storeSuite';

historySuite('PGlite in memory', () => openPglite());

describe('history store in a PGlite data directory', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('after a restart, the same estate writes nothing and a changed one is recorded with its changes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fleetmap-history-'));
    dirs.push(dir);
    const reads = timeline(2);
    const [first, , last] = reads;
    if (!first || !last) throw new Error('timeline');

    const before = await createHistory(await openPglite(dir));
    await record(before, reads.slice(0, 2));
    await before.close();

    const sql = await openPglite(dir);
    const after = await createHistory(sql);
    const counts = await rowCounts(sql);
    const second = reads[1];
    if (!second) throw new Error('timeline');
    expect(await after.estateAt(T0)).toEqual(redactTopology(first));
    expect(await after.captureTopology(readAt(second, T0 + 90_000), 7, T0 + 90_000)).toMatchObject({ added: 0, removed: 0, changed: 0, changes: 0 });
    expect(await rowCounts(sql)).toEqual(counts);

    const caught = await after.captureTopology(last, 8, last.source.fetchedAt);
    expect(caught.added + caught.changed + caught.removed).toBeGreaterThan(0);
    expect(caught.changes).toBeGreaterThan(0);
    expect(await after.estateAt(last.source.fetchedAt)).toEqual(redactTopology(last));
    expect((await after.captures({ from: T0, to: T0 + 10 * MINUTE })).map((c) => c.version)).toEqual([1, 2, 8]);
    await after.close();
  });
});
