import { execFile } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { toDrawio } from '../src/export/drawio';
import { toHtml } from '../src/export/html';
import { toMermaid } from '../src/export/mermaid';
import { layOutForExport } from '../src/export/prepare';
import { toSvg } from '../src/export/svg';
import type { Topology } from '../src/topology/model';
import { median } from './browser';

const RUNS = 3;
const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/fleetmap.js', import.meta.url));
const VIEWER = fileURLToPath(new URL('../dist/viewer/', import.meta.url));

async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
}

/** Export timings for one topology: each format from topology to file contents (graph, layout, render), and the CLI. */
export async function benchExports(name: string, topology: Topology): Promise<void> {
  const assets = { js: await readFile(`${VIEWER}fleetmap-viewer.js`, 'utf8'), css: await readFile(`${VIEWER}fleetmap-viewer.css`, 'utf8') };
  const formats: Record<string, (t: Topology) => string> = {
    SVG: (t) => toSvg(layOutForExport(t, { view: 'network' })),
    'draw.io': (t) => toDrawio(layOutForExport(t, { view: 'network' })),
    Mermaid: (t) => toMermaid(layOutForExport(t, { view: 'network' })),
    'single-file HTML': (t) => toHtml(layOutForExport(t, { view: 'network' }).topology, assets, 'bench'),
  };
  const targets: Record<string, number> = { SVG: 3, 'draw.io': 3, 'single-file HTML': 5 };
  console.log(`\nExports of ${name}, network view, medians of ${RUNS} runs`);
  for (const [label, render] of Object.entries(formats)) {
    let size = 0;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timed(() => (size = Buffer.byteLength(render(topology)))));
    const target = targets[label];
    const sizeNote = label === 'single-file HTML' ? ', target <= 10 MB' : '';
    console.log(`  ${label.padEnd(25)}${median(times).toFixed(2)} s, ${(size / 1e6).toFixed(1)} MB${target ? `  (target <= ${target} s${sizeNote})` : ''}`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'fleetmap-bench-'));
  const snap = join(dir, 'snap.json');
  await writeFile(snap, JSON.stringify(topology));
  for (const format of ['svg', 'png', 'html']) {
    const out = join(dir, `out.${format}`);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++)
      times.push(
        await timed(() =>
          run(process.execPath, [BIN, 'export', '--file', snap, '--format', format, '-o', out], { env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' } }),
        ),
      );
    const size = (await stat(out)).size;
    console.log(
      `  ${`CLI export --format ${format}`.padEnd(25)}${median(times).toFixed(2)} s end to end from a snapshot, ${(size / 1e6).toFixed(1)} MB  (target <= 5 s)`,
    );
  }
}
