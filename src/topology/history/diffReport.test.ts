import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { changed, sibling, stoppedTask, tasksOf } from '../layout/stableChurn.fixture';
import { resourcesOf, type Topology } from '../model';
import { diffJson, diffMarkdown, diffText, markdownText } from './diffReport';
import { estateDiff } from './estateDiff';

/** Names a person could give, or a snapshot file could carry: every one is markup somewhere. */
const TRICKY = [
  'pipe|in|name',
  'ends with backslash\\',
  'line\nbreak',
  '`code` *bold* _em_',
  '<img src=x onerror=alert(1)>',
  '[link](http://x) @team $x$',
  '\u001b[31mred',
];

/** The demo with its services renamed to the tricky names, a task stopped, two started and one gone. */
function churned(): [Topology, Topology] {
  const a = demoTopology();
  const services = resourcesOf(a, 'service').slice(0, TRICKY.length);
  const running = tasksOf(a).filter((t) => t.lastStatus === 'RUNNING');
  const [stops, like, gone] = running;
  if (!stops || !like || !gone) throw new Error('fixture lacks running tasks');
  const renamed = services.map((s, i) => ({ ...s, name: TRICKY[i] ?? s.name, running: s.running - 1 }));
  const b = changed(a, [...renamed, stoppedTask(stops), sibling(like, 1), sibling(like, 2)], new Set([gone.id]));
  return [a, { ...b, source: { ...a.source, fetchedAt: a.source.fetchedAt + 60_000 } }];
}

/** A GFM table row's cells: split on pipes no backslash escapes (cells are padded, so a cell's own "\\" is never last). */
const cells = (line: string) => line.slice(1, -1).split(/(?<!\\)\|/);

/** The tables of a Markdown text: runs of lines starting with "|". */
function tables(md: string): string[][] {
  const out: string[][] = [];
  let current: string[] | undefined;
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) (current ??= (out.push([]), out[out.length - 1] ?? [])).push(line);
    else current = undefined;
  }
  return out;
}

describe('diffMarkdown', () => {
  it('writes valid tables (every row as many cells as its header) whatever the names hold', () => {
    const [a, b] = churned();
    const md = diffMarkdown(estateDiff(a, b));
    const found = tables(md);
    // Counts, services, tasks and the changes told.
    expect(found.length).toBeGreaterThanOrEqual(4);
    for (const t of found) {
      const width = cells(t[0] ?? '').length;
      expect(t[1]).toMatch(/^\| (---:?)( \| ---:?)* \|$/);
      for (const line of t) expect(cells(line), line).toHaveLength(width);
      for (const line of t) expect(line.endsWith(' |'), line).toBe(true);
    }
  });

  it('shows each name as it is: unescaping a cell gives the name back, with a line break as a space', () => {
    const [a, b] = churned();
    const md = diffMarkdown(estateDiff(a, b));
    const serviceRows = (tables(md.slice(md.indexOf('#### Services')))[0] ?? []).slice(2);
    const names = serviceRows.map((line) => (cells(line)[1] ?? '').trim().replace(/\\(.)/g, '$1'));
    expect(names.sort()).toEqual(
      TRICKY.map((n) =>
        n
          .replace(/\n/g, ' ')
          .replace(/\p{Cc}/gu, ' ')
          .trim(),
      ).sort(),
    );
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).not.toContain('\u001b');
    expect(md).toContain('#### Tasks');
    expect(md).toMatch(/^### Fleetmap diff: 2 added, 1 removed, \d+ changed$/m);
  });

  it('caps each section at the limit and says how many more there are', () => {
    const [a, b] = churned();
    const diff = estateDiff(a, b);
    const md = diffMarkdown(diff, { limit: 2 });
    const taskCount = diff.added.length + diff.removed.length + diff.changed.filter((c) => c.kind === 'task').length;
    expect(md).toContain(`_and ${taskCount - 2} more_`);
    expect(md).toContain(`_and ${diff.events.length - 2} more_`);
    for (const t of tables(md).slice(1)) expect(t.length).toBeLessThanOrEqual(4);
  });

  it('says so when nothing differs', () => {
    const a = demoTopology();
    const md = diffMarkdown(estateDiff(a, a));
    expect(md).toContain('### Fleetmap diff: no resource differs');
    expect(md).toContain('No gate tripped.');
    expect(tables(md)).toEqual([]);
  });

  it('escapes every character that starts markup in a cell', () => {
    expect(markdownText('a|b')).toBe('a\\|b');
    expect(markdownText('x\\')).toBe('x\\\\');
    expect(markdownText('one\r\ntwo')).toBe('one two');
    expect(markdownText('')).toBe(' ');
  });
});

describe('diffText', () => {
  it('groups by kind with +, - and ~, fields listed, and no control character reaches the terminal', () => {
    const [a, b] = churned();
    const text = diffText(estateDiff(a, b));
    expect(text).toMatch(/^Fleetmap diff: 2 added, 1 removed, \d+ changed\n/);
    expect(text).toMatch(/^Services: \d+ changed$/m);
    expect(text).toMatch(/^ {2}~ pipe\|in\|name {2}\S+ {2}\(name, running\)$/m);
    expect(text).toMatch(/^Tasks: 2 added, 1 removed, 1 changed$/m);
    expect(text).toMatch(/^Gates tripped: capacity-lost \(\d+\), task-stopped \(2\), resource-removed \(1\), any \(1\)$/m);
    expect(text.replace(/\n/g, '')).not.toMatch(/\p{Cc}/u);
  });
});

describe('diffJson', () => {
  it('holds the whole diff, uncapped, with counts per kind', () => {
    const [a, b] = churned();
    const diff = estateDiff(a, b);
    const json = JSON.parse(diffJson(diff)) as { counts: { added: number; byKind: Record<string, { added: number }> }; changed: unknown[] };
    expect(json.counts.added).toBe(2);
    expect(json.counts.byKind['task']?.added).toBe(2);
    expect(json.changed).toHaveLength(diff.changed.length);
  });
});
