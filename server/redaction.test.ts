import { Resvg } from '@resvg/resvg-js';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toDrawio } from '../src/export/drawio';
import { toHtml } from '../src/export/html';
import { toMermaid } from '../src/export/mermaid';
import { layOutForExport, screenForExport, type ExportInput } from '../src/export/prepare';
import { toSvg } from '../src/export/svg';
import { buildGraph } from '../src/topology/graph/buildGraph';
import { layoutGraph } from '../src/topology/layout/layoutGraph';
import { resourcesOf, type Topology as TopologyT } from '../src/topology/model';
import { REDACTED } from '../src/topology/redact/redact';
import { createApp } from './app';
import { demoWorld } from './fake-aws/demo';
import { readThroughFake } from './fake-aws/readWorld';
import { LIVE_LEAKS, leakWorld, PLANTED, poisoned as poison } from './fake-aws/redactionWorld';
import { createSnapshotSource } from './sources/snapshot';
import type { TopologySource } from './sources/types';

const HOST = { host: '127.0.0.1:8080' };

function leaked(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((s) => text.includes(s));
}

/** Every text format the browser and the CLI write, from one prepared map. */
function formats(p: ExportInput): Record<string, string> {
  const svg = toSvg(p);
  return {
    json: JSON.stringify(p.topology),
    svg,
    drawio: toDrawio(p),
    mermaid: toMermaid(p),
    html: toHtml(p.topology, { js: 'void 0', css: '' }, 'map'),
  };
}

/** The PNG is drawn from the same SVG; what matters is that it draws. */
function png(svg: string): Buffer {
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
}

async function endpoints(source: TopologySource, topology: TopologyT): Promise<string> {
  const app = createApp({ source, allowedHosts: ['127.0.0.1:8080'] });
  const bodies = [await (await app.request('/api/topology', { headers: HOST })).text()];
  const arns = resourcesOf(topology, 'taskDefinition').map((td) => td.id);
  expect(arns.length).toBeGreaterThan(0);
  for (const arn of arns) {
    const res = await app.request(`/api/task-definitions/${encodeURIComponent(arn)}`, { headers: HOST });
    expect(res.status, arn).toBe(200);
    bodies.push(await res.text());
  }
  return bodies.join('\n');
}

describe('a snapshot with a secret in every string field', () => {
  let demo: TopologyT;
  let poisoned: TopologyT;
  let file: string;
  const secrets = Object.values(PLANTED);

  beforeAll(async () => {
    demo = (await readThroughFake({ world: demoWorld() })).topology;
    poisoned = poison(demo);
    // The poisoning reached everything: each secret is in the file thousands of times.
    expect(JSON.stringify(poisoned).split(PLANTED.accessKeyId).length).toBeGreaterThan(1000);
    file = join(await mkdtemp(join(tmpdir(), 'fleetmap-redaction-')), 'poisoned.json');
    await writeFile(file, JSON.stringify(poisoned));
  });

  it('sends none of them through /api/topology or /api/task-definitions/:arn', async () => {
    const source = createSnapshotSource(file);
    const body = await endpoints(source, await source.read());
    expect(leaked(body, secrets)).toEqual([]);
    expect(body).toContain(REDACTED);
  });

  it.each(['network', 'service'] as const)('writes none of them in any export format (%s view), and the PNG draws', async (view) => {
    const out = formats(layOutForExport(poisoned, { view }));
    for (const [format, text] of Object.entries(out)) expect(leaked(text, secrets), format).toEqual([]);
    expect(
      png(out['svg'] ?? '')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('writes none of them from the browser path either, even from a graph laid out before redaction', async () => {
    const graph = buildGraph(poisoned, { view: 'network', expanded: new Set() });
    const layout = layoutGraph(graph);
    const out = formats(screenForExport(poisoned, graph, layout));
    for (const [format, text] of Object.entries(out)) expect(leaked(text, secrets), format).toEqual([]);
  });
});

describe('a live read of an account whose resources carry secrets', () => {
  let topology: TopologyT;
  const secrets = Object.values(LIVE_LEAKS);

  beforeAll(async () => {
    topology = (await readThroughFake({ world: leakWorld() })).topology;
  });

  it('leaks none of them through the API', async () => {
    const source: TopologySource = { label: 'live', read: () => Promise.resolve(topology) };
    const body = await endpoints(source, topology);
    expect(leaked(body, secrets)).toEqual([]);
  });

  it('leaks none of them into any export', async () => {
    for (const view of ['network', 'service'] as const) {
      const out = formats(layOutForExport(topology, { view }));
      for (const [format, text] of Object.entries(out)) expect(leaked(text, secrets), `${format} ${view}`).toEqual([]);
    }
  });

  it('keeps what makes the map readable: commands, images, paths and reasons around the secret', () => {
    const text = JSON.stringify(topology);
    for (const kept of [
      `exec /srv/web --db-password ${REDACTED} --port 3000`,
      `mysqladmin ping -h 127.0.0.1 -uroot -p${REDACTED} || exit 1`,
      `${REDACTED}@registry.example.com/storefront/web:8`,
      `/hooks/token/${REDACTED}`,
      `Health checks failed (GET /health?api_key=${REDACTED})`,
      'Essential container in task exited: key [redacted]',
    ])
      expect(text.includes(kept), kept).toBe(true);
  });
});

describe('redaction keeps the demo estate readable', () => {
  it('leaves every name, id, event, reason and image of the demo as read', async () => {
    const world = demoWorld();
    const { topology } = await readThroughFake({ world });
    const text = JSON.stringify(topology);
    const expected = [
      ...world.ecs.services.flatMap((s) => [String(s['serviceName']), ...(s['events'] as { message: string }[]).map((e) => e.message)]),
      ...world.ecs.tasks.flatMap((t) => [String(t['taskArn']), ...(t['stoppedReason'] ? [String(t['stoppedReason'])] : [])]),
      ...world.ecs.taskDefinitions.flatMap((td) => (td['containerDefinitions'] as { image: string }[]).map((c) => c.image)),
      ...world.elbv2.targetGroups.map((tg) => String(tg['TargetGroupName'])),
      ...Object.values(world.kube ?? {}).flatMap((k) => k.pods.map((p) => String((p['metadata'] as { name: string }).name))),
    ];
    expect(expected.length).toBeGreaterThan(100);
    for (const s of expected) expect(text.includes(JSON.stringify(s).slice(1, -1)), s).toBe(true);
  });
});
