import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { churnTopology } from '../../bench/live';
import { main } from '../cli';
import { syntheticEstate } from '../../src/topology/__fixtures__/estate';
import { demoTopology } from '../../src/topology/__fixtures__/fixtures';
import { changed, sibling, stoppedTask, tasksOf } from '../../src/topology/layout/stableChurn.fixture';
import { GATE_KINDS } from '../../src/topology/history/estateDiff';
import { resourcesOf, type Topology } from '../../src/topology/model';
import { openHistory } from '../history/open';
import { DIFF_USAGE } from './usage';
import { independentDiff } from '../../src/topology/history/independentDiff.fixture';

/** `fleetmap diff` in-process, as a pipeline runs it: two snapshot files, a report, and an exit code to gate on. */
let dir: string;
let before: string;
let after: string;
let same: string;
let stdout: MockInstance<typeof process.stdout.write>;
const written = () => stdout.mock.calls.map((c) => String(c[0])).join('');
const errors = () => vi.mocked(console.error).mock.calls.flat().join('\n');

const fileOf = (t: Topology) => `${JSON.stringify(t, null, 2)}\n`;

/** The demo a minute later: web lost two running tasks, one task stopped, one went, one started. */
function churnedDemo(a: Topology): Topology {
  const web = resourcesOf(a, 'service').find((s) => s.name === 'web');
  const [stops, gone, like] = tasksOf(a).filter((t) => t.lastStatus === 'RUNNING');
  if (!web || !stops || !gone || !like) throw new Error('fixture lacks web or running tasks');
  const b = changed(a, [{ ...web, name: 'web | storefront', running: web.running - 2 }, stoppedTask(stops), sibling(like, 1)], new Set([gone.id]));
  return { ...b, source: { ...a.source, fetchedAt: a.source.fetchedAt + 60_000 } };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fleetmap-diff-'));
  const a = demoTopology();
  [before, after, same] = [join(dir, 'before.json'), join(dir, 'after.json'), join(dir, 'same.json')];
  await writeFile(before, fileOf(a));
  await writeFile(after, fileOf(churnedDemo(a)));
  await writeFile(same, fileOf({ ...a, source: { ...a.source, fetchedAt: a.source.fetchedAt + 1 } }));
});

beforeEach(() => {
  vi.restoreAllMocks();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterAll(() => {
  vi.restoreAllMocks();
});

describe('fleetmap diff', () => {
  /** The ids two snapshot files differ in, by their text alone (see independentDiff). */
  async function independent(aFile: string, bFile: string): Promise<Record<'added' | 'removed' | 'changed', string[]>> {
    return independentDiff(await readFile(aFile, 'utf8'), await readFile(bFile, 'utf8'));
  }

  async function jsonDiffIds(aFile: string, bFile: string): Promise<Record<'added' | 'removed' | 'changed', string[]>> {
    stdout.mockClear();
    expect(await main(['diff', aFile, bFile, '--format', 'json'])).toBe(0);
    const out = JSON.parse(written()) as Record<'added' | 'removed' | 'changed', { id: string }[]>;
    const ids = (list: { id: string }[]) => list.map((r) => r.id).sort();
    return { added: ids(out.added), removed: ids(out.removed), changed: ids(out.changed) };
  }

  it('lists exactly the resources whose JSON differs between the two files (checked key by key), as JSON', async () => {
    const ids = await jsonDiffIds(before, after);
    expect(ids).toEqual(await independent(before, after));
    expect(ids.added.length + ids.removed.length + ids.changed.length).toBe(4);
  });

  it('lists exactly the differing resources of a synthetic estate churned by the bench, step by step and overall', async () => {
    const files = [join(dir, 'churn-0.json')];
    let estate = syntheticEstate({ clusters: 4, services: 40, tasks: 1_000, loadBalancers: 3, azs: 3, seed: 11 });
    await writeFile(files[0] ?? '', fileOf(estate));
    for (let cycle = 1; cycle <= 3; cycle++) {
      estate = { ...churnTopology(estate, 40, cycle), source: { ...estate.source, fetchedAt: estate.source.fetchedAt + 60_000 } };
      files.push(join(dir, `churn-${cycle}.json`));
      await writeFile(files[cycle] ?? '', fileOf(estate));
    }
    for (const [a, b] of [
      [0, 1],
      [1, 2],
      [2, 3],
      [0, 3],
    ] as const) {
      const [aFile, bFile] = [files[a] ?? '', files[b] ?? ''];
      const ids = await jsonDiffIds(aFile, bFile);
      expect(ids, `${a} → ${b}`).toEqual(await independent(aFile, bFile));
      expect(ids.added, `${a} → ${b}`).toHaveLength(20 * (b - a));
    }
  });

  it('writes text by default and Markdown to a file with -o, a valid table row for a name holding "|"', async () => {
    expect(await main(['diff', before, after])).toBe(0);
    expect(written()).toMatch(/^Fleetmap diff: 1 added, 1 removed, 2 changed\n/);
    expect(written()).toContain('~ web | storefront');
    const md = join(dir, 'comment.md');
    expect(await main(['diff', before, after, '--format', 'markdown', '-o', md])).toBe(0);
    const text = await readFile(md, 'utf8');
    expect(text).toMatch(/^### Fleetmap diff: 1 added, 1 removed, 2 changed$/m);
    const row = text.split('\n').find((l) => l.includes('web \\| storefront'));
    expect(row?.split(/(?<!\\)\|/)).toHaveLength(6);
  });

  it('exits 1 when a --fail-on kind happened, naming it on stderr after writing the report', async () => {
    expect(await main(['diff', before, after, '--fail-on', 'deployment-failed,capacity-lost'])).toBe(1);
    expect(written()).toContain('Fleetmap diff:');
    expect(errors()).toContain('--fail-on tripped: capacity-lost (1)');
    expect(errors()).toContain('web | storefront: 4 of 6 running (was 6)');
    for (const kind of ['task-stopped', 'resource-removed', 'any'])
      expect(await main(['diff', before, after, '--format', 'markdown', '--fail-on', kind]), kind).toBe(1);
  });

  it('exits 0 when no --fail-on kind happened, and when nothing differs at all', async () => {
    expect(await main(['diff', before, after, '--fail-on', 'deployment-failed,target-unhealthy'])).toBe(0);
    stdout.mockClear();
    expect(await main(['diff', before, same, '--fail-on', GATE_KINDS.join(','), '--format', 'json'])).toBe(0);
    expect(JSON.parse(written())).toMatchObject({ added: [], removed: [], changed: [], gates: [] });
  });

  it('exits 2 on an unknown --fail-on kind, listing the valid ones, and on bad arguments', async () => {
    expect(await main(['diff', before, after, '--fail-on', 'capacity-lost,outage'])).toBe(2);
    expect(errors()).toContain(`--fail-on does not know "outage"; valid kinds: ${GATE_KINDS.join(', ')}.`);
    expect(await main(['diff', before, after, '--fail-on', ','])).toBe(2);
    expect(await main(['diff', before, after, '--format', 'html'])).toBe(2);
    expect(await main(['diff', before])).toBe(2);
    expect(await main(['diff', before, after, '--limit', '0'])).toBe(2);
    expect(written()).toBe('');
  });

  it('exits 2 on a corrupt file and on a missing one, naming the side, the file and what is wrong', async () => {
    const corrupt = join(dir, 'corrupt.json');
    await writeFile(corrupt, '{"schemaVersion": 4, "resources": ');
    expect(await main(['diff', corrupt, after, '--fail-on', 'any'])).toBe(2);
    expect(errors()).toMatch(/estate A: .*corrupt\.json: Not a Fleetmap snapshot: the file is not valid JSON/);
    const missing = join(dir, 'missing.json');
    expect(await main(['diff', before, missing])).toBe(2);
    expect(errors()).toContain(`estate B: cannot read ${missing}: no such file`);
    const notSnapshot = join(dir, 'not-snapshot.json');
    await writeFile(notSnapshot, '{"resources": {}}');
    expect(await main(['diff', notSnapshot, after])).toBe(2);
    expect(errors()).toContain('no numeric "schemaVersion"');
    expect(written()).toBe('');
  });

  it('reads an older schema version, migrated to the same estate: nothing differs', async () => {
    // The demo's public subnets route to an internet gateway, which is what migrating a version 3 file fills in.
    const doc = JSON.parse(await readFile(before, 'utf8')) as { resources: Record<string, Record<string, unknown>> };
    const subnets = Object.values(doc.resources).filter((r) => r['kind'] === 'subnet');
    expect(subnets.some((r) => r['defaultRoute'])).toBe(true);
    for (const r of subnets) delete r['defaultRoute'];
    const v3 = join(dir, 'v3.json');
    await writeFile(v3, JSON.stringify({ ...doc, schemaVersion: 3 }));
    expect(await main(['diff', v3, before, '--format', 'json', '--fail-on', 'any'])).toBe(0);
    expect(JSON.parse(written())).toMatchObject({ added: [], removed: [], changed: [] });
  });

  it('prints its help, which explains every --fail-on kind', async () => {
    expect(await main(['diff', '--help'])).toBe(0);
    expect(console.log).toHaveBeenCalledWith(DIFF_USAGE);
    for (const kind of GATE_KINDS) expect(DIFF_USAGE).toMatch(new RegExp(`^ {23}${kind} {2,}\\S`, 'm'));
  });

  it('takes A and B as times, read from the history in a data directory: the same differences as the two files', async () => {
    const dataDir = join(dir, 'history');
    const history = await openHistory({ kind: 'pglite', dataDir });
    const [a, b] = [JSON.parse(await readFile(before, 'utf8')) as Topology, JSON.parse(await readFile(after, 'utf8')) as Topology];
    await history?.captureTopology(a, 1, a.source.fetchedAt);
    await history?.captureTopology(b, 2, b.source.fetchedAt);
    await history?.close();
    const iso = (ms: number) => new Date(ms).toISOString();
    stdout.mockClear();
    expect(await main(['diff', iso(a.source.fetchedAt), iso(b.source.fetchedAt + 30_000), '--data-dir', dataDir, '--format', 'json'])).toBe(0);
    const out = JSON.parse(written()) as Record<'added' | 'removed' | 'changed', { id: string }[]>;
    const ids = (list: { id: string }[]) => list.map((r) => r.id).sort();
    expect({ added: ids(out.added), removed: ids(out.removed), changed: ids(out.changed) }).toEqual(await independent(before, after));
    // A time and a file mix; a time before the history began is a clear input error.
    expect(await main(['diff', before, iso(b.source.fetchedAt), '--data-dir', dataDir, '--fail-on', 'task-stopped'])).toBe(1);
    expect(await main(['diff', iso(a.source.fetchedAt - 60_000), after, '--data-dir', dataDir])).toBe(2);
    expect(errors()).toContain('estate A: the history keeps nothing from');
  });
});
