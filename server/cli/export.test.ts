import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../cli';
import { demoTopology } from '../../src/topology/__fixtures__/fixtures';
import { resourcesOf } from '../../src/topology/model';
import { openHistory } from '../history/open';
import { WorldBuilder } from '../fake-aws/builder';
import { demoWorld } from '../fake-aws/demo';
import { PLANTED, poisoned, SECRETS, worldWithFixture } from '../fake-aws/redactionWorld';
import { parseSnapshot } from '../../src/topology/model';
import { startFakeAws, type FakeAws } from '../fake-aws/server';

/** The CLI in-process, as `fleetmap` runs it; each exit code is a path a script depends on. */
let dir: string;
let world: string;
const viewerBuilt = existsSync(new URL('../../dist/viewer/fleetmap-viewer.js', import.meta.url));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fleetmap-cli-'));
  world = join(dir, 'redaction-world.json');
  await writeFile(world, JSON.stringify(worldWithFixture()));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterAll(() => {
  vi.restoreAllMocks();
});

const FORMATS = ['svg', 'png', 'drawio', 'mermaid', 'json', ...(viewerBuilt ? ['html'] : [])];

describe('fleetmap export', () => {
  it('writes every format from the redaction world with no secret in any file', { timeout: 120_000 }, async () => {
    for (const format of FORMATS) {
      for (const view of ['network', 'service']) {
        const out = join(dir, `map-${view}.${format}`);
        expect(await main(['export', '--source', 'demo', '--world', world, '--format', format, '--view', view, '-o', out]), `${format} ${view}`).toBe(0);
        const bytes = await readFile(out);
        const text = bytes.toString('utf8');
        for (const secret of SECRETS) expect(text, `${secret} in ${format}`).not.toContain(secret);
        if (format !== 'png') expect(text).toContain('payments');
      }
    }
  });

  it('writes a PNG of the expected size that is not blank, at 2× as asked', { timeout: 60_000 }, async () => {
    const out1 = join(dir, 'one.png');
    const out2 = join(dir, 'two.png');
    expect(await main(['export', '--source', 'demo', '--format', 'png', '-o', out1])).toBe(0);
    expect(await main(['export', '--source', 'demo', '--format', 'png', '--scale', '2', '-o', out2])).toBe(0);
    const size = (b: Buffer) => ({ w: b.readUInt32BE(16), h: b.readUInt32BE(20) });
    const [a, b] = [await readFile(out1), await readFile(out2)];
    expect(a.subarray(1, 4).toString()).toBe('PNG');
    expect(size(b).w).toBe(size(a).w * 2);
    expect(size(a).w).toBeGreaterThan(1000);
    expect(a.length).toBeGreaterThan(20_000);
  });

  it('reopens its own JSON snapshot and exports from it', { timeout: 60_000 }, async () => {
    const snap = join(dir, 'snap.json');
    expect(await main(['snapshot', '--source', 'demo', '-o', snap])).toBe(0);
    const svg = join(dir, 'from-snap.svg');
    expect(await main(['export', '--file', snap, '--format', 'svg', '-o', svg])).toBe(0);
    expect(await readFile(svg, 'utf8')).toContain('storefront-alb');
  });

  it('writes no secret from a snapshot whose every text carries one, in any format or message', { timeout: 120_000 }, async () => {
    const clean = join(dir, 'clean.json');
    expect(await main(['snapshot', '--source', 'demo', '-o', clean])).toBe(0);
    const read = parseSnapshot(await readFile(clean, 'utf8'));
    if (!read.ok) throw new Error(read.error);
    const file = join(dir, 'poisoned.json');
    await writeFile(file, JSON.stringify(poisoned(read.topology)));
    const error = vi.mocked(console.error);
    error.mockClear();
    const written: string[] = [];
    for (const format of FORMATS.filter((f) => f !== 'png')) {
      const out = join(dir, `poisoned-out.${format}`);
      // Exit 3: the snapshot holds a read error, printed with its message.
      expect(await main(['export', '--file', file, '--format', format, '-o', out]), format).toBe(3);
      written.push(await readFile(out, 'utf8'));
    }
    const resaved = join(dir, 'poisoned-resaved.json');
    expect(await main(['snapshot', '--source', 'snapshot', '--file', file, '-o', resaved])).toBe(3);
    written.push(await readFile(resaved, 'utf8'), error.mock.calls.flat().join('\n'));
    expect(written.at(-1)).toContain('ecs:DescribeTasks');
    const all = written.join('\n');
    for (const secret of Object.values(PLANTED)) expect(all, secret).not.toContain(secret);
  });

  it('exporting a snapshot of an empty region says so on stderr, naming the region and the snapshot, and exits 0', async () => {
    const fixture = fileURLToPath(new URL('../../e2e/fixtures/empty-region.json', import.meta.url));
    const out = join(dir, 'empty.svg');
    const error = vi.mocked(console.error);
    error.mockClear();
    expect(await main(['export', '--file', fixture, '--format', 'svg', '-o', out])).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(/^<svg /);
    expect(error.mock.calls).toHaveLength(1);
    expect(error.mock.calls[0]?.[0]).toMatch(
      /^fleetmap: wrote .*empty\.svg, but region eu-west-2 holds no ECS or EKS containers .*empty-region\.json.*--source aws --region NAME\.$/,
    );
  });

  it('exits 2 on bad arguments, naming the problem', async () => {
    expect(await main(['export', '--format', 'bmp', '-o', join(dir, 'x')])).toBe(2);
    expect(await main(['export', '--format', 'svg'])).toBe(2);
    expect(await main(['export', '--format', 'svg', '--view', 'sideways', '-o', join(dir, 'x')])).toBe(2);
    expect(await main(['snapshot', '--nonsense'])).toBe(2);
    expect(await main(['frobnicate'])).toBe(2);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('--format must be one of'));
  });

  it('exits 4 when nothing could be read: a corrupt snapshot, writing nothing', async () => {
    const bad = join(dir, 'corrupt.json');
    await writeFile(bad, '{"schemaVersion": 1, "resources": ');
    const out = join(dir, 'never.svg');
    expect(await main(['export', '--file', bad, '--format', 'svg', '-o', out])).toBe(4);
    expect(existsSync(out)).toBe(false);
  });
});

describe('fleetmap export --at', () => {
  it('draws the estate as the history kept it at that moment, and says so when nothing was kept then', { timeout: 60_000 }, async () => {
    const dataDir = join(dir, 'history');
    const a = demoTopology();
    const [task] = resourcesOf(a, 'task');
    if (!task) throw new Error('no task');
    const rest = Object.fromEntries(Object.entries(a.resources).filter(([id]) => id !== task.id));
    const b = { ...a, resources: rest, source: { ...a.source, fetchedAt: a.source.fetchedAt + 60_000 } };
    const history = await openHistory({ kind: 'pglite', dataDir });
    await history?.captureTopology(a, 1, a.source.fetchedAt);
    await history?.captureTopology(b, 2, b.source.fetchedAt);
    await history?.close();
    const iso = (ms: number) => new Date(ms).toISOString();
    const out = join(dir, 'then.json');
    expect(await main(['export', '--at', iso(a.source.fetchedAt + 30_000), '--data-dir', dataDir, '--format', 'json', '-o', out])).toBe(0);
    expect(Object.keys((JSON.parse(await readFile(out, 'utf8')) as { resources: object }).resources)).toContain(task.id);
    const now = join(dir, 'now.json');
    expect(await main(['export', '--at', iso(b.source.fetchedAt), '--data-dir', dataDir, '--format', 'json', '-o', now])).toBe(0);
    expect(Object.keys((JSON.parse(await readFile(now, 'utf8')) as { resources: object }).resources)).not.toContain(task.id);
    const early = join(dir, 'early.json');
    expect(await main(['export', '--at', iso(a.source.fetchedAt - 1), '--data-dir', dataDir, '--format', 'json', '-o', early])).toBe(4);
    expect(existsSync(early)).toBe(false);
    expect(await main(['export', '--at', 'yesterday', '--data-dir', dataDir, '--format', 'json', '-o', early])).toBe(2);
  });
});

describe('fleetmap against a live (fake) AWS account', () => {
  let partial: FakeAws;
  let nothing: FakeAws;
  const saved = { ...process.env };
  beforeAll(async () => {
    partial = await startFakeAws({ world: demoWorld(), deny: ['elasticloadbalancing:DescribeTargetHealth'] });
    nothing = await startFakeAws({ world: demoWorld(), deny: ['ecs:ListClusters', 'eks:ListClusters', 'elasticloadbalancing:DescribeTargetGroups'] });
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDFLEETMAPTEST', AWS_SECRET_ACCESS_KEY: 'fleetmap-test-secret', AWS_EC2_METADATA_DISABLED: 'true' });
  });
  afterAll(async () => {
    process.env = saved;
    await partial.close();
    await nothing.close();
  });

  it('exits 3 on a partial read, still writes the file, and prints the IAM action to grant', { timeout: 60_000 }, async () => {
    process.env['AWS_ENDPOINT_URL'] = partial.url;
    const out = join(dir, 'partial.json');
    expect(await main(['snapshot', '--source', 'aws', '--region', 'us-east-1', '--max-attempts', '1', '-o', out])).toBe(3);
    expect(JSON.parse(await readFile(out, 'utf8'))).toHaveProperty('errors.0.api', 'elasticloadbalancing:DescribeTargetHealth');
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('elasticloadbalancing:DescribeTargetHealth'));
  });

  it('an empty region: writes the file, exits 0, and says on one line that the region holds no containers and how to pick another', async () => {
    const empty = await startFakeAws({ world: new WorldBuilder('empty', 1, '123456789012', 'eu-west-2').build() });
    try {
      process.env['AWS_ENDPOINT_URL'] = empty.url;
      const out = join(dir, 'empty-live.svg');
      const error = vi.mocked(console.error);
      error.mockClear();
      expect(await main(['export', '--source', 'aws', '--region', 'eu-west-2', '--format', 'svg', '-o', out])).toBe(0);
      expect(existsSync(out)).toBe(true);
      expect(error.mock.calls).toEqual([
        [`fleetmap: wrote ${out}, but region eu-west-2 holds no ECS or EKS containers; to map another region, pass --region NAME.`],
      ]);
    } finally {
      await empty.close();
    }
  });

  it('exits 4 when the account gives nothing, and writes nothing', { timeout: 60_000 }, async () => {
    process.env['AWS_ENDPOINT_URL'] = nothing.url;
    const out = join(dir, 'nothing.svg');
    expect(await main(['export', '--source', 'aws', '--region', 'us-east-1', '--max-attempts', '1', '--format', 'svg', '-o', out])).toBe(4);
    expect(existsSync(out)).toBe(false);
  });
});
