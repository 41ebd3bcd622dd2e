import { z } from 'zod';
import { EstateInputError, estateSource, type HistoryPlace } from './diff';
import { Resvg } from '@resvg/resvg-js';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { toDrawio } from '../../src/export/drawio';
import { toHtml } from '../../src/export/html';
import { caption } from '../../src/topology/present/labels';
import { toMermaid } from '../../src/export/mermaid';
import { layOutForExport } from '../../src/export/prepare';
import { toSvg } from '../../src/export/svg';
import type { Topology } from '../../src/topology/model';
import { emptyEstate } from '../../src/topology/graph/emptyEstate';
import { redactTopology } from '../../src/topology/redact/redact';
import type { TopologySource } from '../sources/types';
import { int, pickSource, SOURCE_OPTIONS } from './sources';
import { UsageError } from './usage';

/** Exit codes beyond 0 (done), 1 (unexpected) and 2 (bad arguments). */
export const EXIT_PARTIAL = 3;
export const EXIT_NOTHING_READ = 4;

const FORMATS = ['svg', 'png', 'drawio', 'mermaid', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

/** Reads the source, with a line of progress on stderr when it is a terminal. */
async function readWithProgress(source: TopologySource): Promise<Topology> {
  if (!process.stderr.isTTY) return source.read();
  let calls = 0;
  const started = Date.now();
  const tick = setInterval(() => process.stderr.write(`\rReading ${source.label}: ${calls} AWS calls, ${((Date.now() - started) / 1000).toFixed(0)} s`), 250);
  try {
    return await source.read({ onCall: () => (calls += 1) });
  } finally {
    clearInterval(tick);
    process.stderr.write('\r\x1b[K');
  }
}

/** The read, or the exit code that says why there is nothing to write. */
async function readOrExit(values: Record<string, string | boolean | undefined>): Promise<Topology | number> {
  const source = await pickSource(values);
  let topology: Topology;
  try {
    // Redacted here whatever the source, before anything is printed or written (a no-op on what a source redacted).
    topology = redactTopology(await readWithProgress(source));
  } catch (e) {
    console.error(`fleetmap: nothing could be read from ${source.label}: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT_NOTHING_READ;
  } finally {
    await source.close?.();
  }
  // The region is always known; past it, an estate with no resource at all and errors was not read.
  if (Object.values(topology.resources).every((r) => r.kind === 'region') && topology.errors.length) {
    printErrors(topology);
    console.error('fleetmap: nothing could be read; no file was written.');
    return EXIT_NOTHING_READ;
  }
  return topology;
}

function printErrors(topology: Topology): void {
  for (const e of topology.errors) console.error(`  ${e.api}${e.resource ? ` (${e.resource})` : ''}: ${e.code}: ${e.message}\n    → ${e.hint}`);
}

/**
 * One line when a complete read found no containers: an empty picture (or a snapshot with nothing in it) and a
 * silent exit 0 read as a failure, when the answer is that the region holds nothing to map. Nothing failed, so
 * the exit code stays 0.
 */
export function emptyRegionNote(topology: Topology, output: string, snapshotFile: string | undefined): string | undefined {
  if (topology.errors.length || !emptyEstate(topology)) return undefined;
  const where = snapshotFile ? ` in the snapshot ${snapshotFile}` : '';
  const next = snapshotFile
    ? 'for another region, export a snapshot of it, or read it live with --source aws --region NAME.'
    : 'to map another region, pass --region NAME.';
  return `fleetmap: wrote ${output}, but region ${topology.source.region} holds no ECS or EKS containers${where}; ${next}`;
}

/** After writing: 0 (saying so when the region is empty), or EXIT_PARTIAL with every error listed. */
function finish(topology: Topology, output: string, values: Record<string, unknown>): number {
  const snapshotFile = values['source'] === 'snapshot' && typeof values['file'] === 'string' ? values['file'] : undefined;
  const empty = emptyRegionNote(topology, output, snapshotFile);
  if (empty) console.error(empty);
  if (!topology.errors.length) return 0;
  console.error(`fleetmap: wrote ${output}, but ${topology.errors.length} part(s) of the estate could not be read:`);
  printErrors(topology);
  return EXIT_PARTIAL;
}

async function write(output: string, data: string | Buffer): Promise<void> {
  if (output === '-') {
    if (typeof data !== 'string') throw new UsageError('binary output (PNG) cannot go to standard output; give -o FILE.');
    process.stdout.write(data);
  } else await writeFile(output, data);
}

const outputOf = (values: Record<string, unknown>): string => {
  const out = values['output'];
  if (typeof out !== 'string' || !out) throw new UsageError('-o FILE is required.');
  return out;
};

export async function runSnapshot(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...SOURCE_OPTIONS, output: { type: 'string', short: 'o' } } });
  const output = outputOf(values);
  const read = await readOrExit(values);
  if (typeof read === 'number') return read;
  await write(output, `${JSON.stringify(read, null, 2)}\n`);
  return finish(read, output, values);
}

/** The built single-file viewer, which the HTML export inlines. */
async function viewerAssets(): Promise<{ js: string; css: string }> {
  const dir = fileURLToPath(new URL('../../dist/viewer/', import.meta.url));
  try {
    const [js, css] = await Promise.all([readFile(`${dir}fleetmap-viewer.js`, 'utf8'), readFile(`${dir}fleetmap-viewer.css`, 'utf8')]);
    return { js, css };
  } catch {
    throw new Error(`the offline viewer is not built (${dir}); run "npm run build" first.`);
  }
}

/** Renders one format from a topology: the same pure graph and layout code as the browser. */
export async function render(topology: Topology, format: Format, view: 'network' | 'service', scale = 1): Promise<string | Buffer> {
  const p = layOutForExport(topology, { view });
  switch (format) {
    case 'svg':
      return toSvg(p);
    case 'drawio':
      return toDrawio(p);
    case 'mermaid':
      return toMermaid(p);
    case 'json':
      return `${JSON.stringify(p.topology, null, 2)}\n`;
    case 'html':
      return toHtml(p.topology, await viewerAssets(), caption(p.topology.source, view));
    case 'png':
      return new Resvg(toSvg(p), { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  }
}

export async function runExport(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...SOURCE_OPTIONS,
      format: { type: 'string' },
      view: { type: 'string' },
      scale: { type: 'string' },
      output: { type: 'string', short: 'o' },
      at: { type: 'string' },
      'data-dir': { type: 'string' },
      database: { type: 'string' },
    },
  });
  const format = values.format;
  if (!format || !(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}${format ? `, not "${format}"` : ''}.`);
  const view = values.view ?? 'network';
  if (view !== 'network' && view !== 'service') throw new UsageError(`--view must be network or service, not "${view}".`);
  const scale = int(values.scale, 'scale', 1);
  if (scale < 1 || scale > 4) throw new UsageError('--scale must be 1, 2, 3 or 4.');
  const output = outputOf(values);
  if (values.file && !values.source) values.source = 'snapshot';
  const read =
    values.at === undefined
      ? await readOrExit(values)
      : await readPastOrExit(values.at, { dataDir: values['data-dir'], database: values.database ?? process.env['FLEETMAP_DATABASE_URL'] });
  if (typeof read === 'number') return read;
  await write(output, await render(read, format as Format, view, scale));
  return finish(read, output, values);
}

/** --at TIME: the estate as it was then, from the history serve keeps (its directory, or --data-dir, --database). */
async function readPastOrExit(at: string, place: HistoryPlace): Promise<Topology | number> {
  if (!z.string().datetime({ offset: true }).safeParse(at).success) {
    throw new UsageError(`--at takes an ISO 8601 time with its offset, such as 2026-11-29T14:02:00Z, not "${at}".`);
  }
  const source = estateSource(place);
  try {
    return await source(at);
  } catch (e) {
    if (!(e instanceof EstateInputError)) throw e;
    console.error(`fleetmap: ${e.message}; no file was written.`);
    return EXIT_NOTHING_READ;
  } finally {
    await source.close();
  }
}
