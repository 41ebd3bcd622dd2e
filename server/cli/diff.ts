import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_LIMIT, DIFF_FORMATS, renderDiff } from '../../src/topology/history/diffReport';
import { estateDiff, GATE_KINDS, trippedGates, type GateKind } from '../../src/topology/history/estateDiff';
import { parseSnapshot, type Topology } from '../../src/topology/model';
import { redactTopology } from '../../src/topology/redact/redact';
import { homedir } from 'node:os';
import { openHistory } from '../history/open';
import { planHistory } from '../history/plan';
import type { History } from '../history/types';
import { UsageError } from './usage';

/** A gate tripped: the pipeline should stop (0 is no gate tripped, 2 bad arguments or an unreadable estate). */
export const EXIT_GATE_TRIPPED = 1;
export const EXIT_BAD_INPUT = 2;

/**
 * Where one side of a diff comes from, given its command-line argument. Today a snapshot file (what `fleetmap
 * snapshot` writes, or the map's JSON export); the history store adds an ISO time read with --data-dir or
 * --database, choosing by the argument's shape, and nothing else in the command changes.
 */
export type EstateSource = (arg: string) => Promise<Topology>;

/** An estate that could not be read: the CLI names the side and the file, and exits 2. */
export class EstateInputError extends Error {}

export const snapshotFile: EstateSource = async (path) => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : e instanceof Error ? e.message : String(e);
    throw new EstateInputError(`cannot read ${path}: ${why}`);
  }
  const parsed = parseSnapshot(text);
  if (!parsed.ok) throw new EstateInputError(`${path}: ${parsed.error}`);
  // Snapshots are redacted when written; a hand-edited one is redacted here, before anything is printed.
  return redactTopology(parsed.topology);
};

const IsoTime = z.string().datetime({ offset: true });

/** Where history is read from for a side given as a time: --database, --data-dir, or serve's default directory. */
export interface HistoryPlace {
  dataDir?: string | undefined;
  database?: string | undefined;
}

/**
 * The estate source the options ask for: an ISO time ("2026-11-29T14:02:00Z") is the estate as it was then, from
 * the history (opened once, on first use); anything else is a snapshot file. `close` lets the history go.
 */
export function estateSource(place: HistoryPlace = {}): EstateSource & { close: () => Promise<void> } {
  let history: Promise<History | undefined> | undefined;
  const open = () =>
    (history ??= openHistory(
      planHistory({
        history: 'on',
        dataDir: place.dataDir,
        database: place.database,
        source: 'aws',
        live: true,
        platform: process.platform,
        env: process.env,
        home: homedir(),
      }),
    ));
  const read = async (arg: string): Promise<Topology> => {
    if (!IsoTime.safeParse(arg).success) return snapshotFile(arg);
    let kept: History | undefined;
    try {
      kept = await open();
    } catch (e) {
      throw new EstateInputError(`the history cannot be opened: ${e instanceof Error ? e.message : String(e)}`);
    }
    const at = Date.parse(arg);
    const estate = await kept?.estateAt(at);
    if (!estate) throw new EstateInputError(`the history keeps nothing from ${new Date(at).toISOString()} (it starts with its first capture)`);
    return estate;
  };
  return Object.assign(read, {
    close: async () => {
      const h = await history?.catch(() => undefined);
      await h?.close();
    },
  });
}

const GateList = z.array(z.enum(GATE_KINDS));

/** `--fail-on a,b`: every kind known, or a usage error naming the valid ones. */
export function parseFailOn(text: string | undefined): GateKind[] {
  if (text === undefined) return [];
  const kinds = text
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const parsed = GateList.safeParse(kinds);
  if (!parsed.success || !kinds.length) {
    const unknown = kinds.filter((k) => !(GATE_KINDS as readonly string[]).includes(k));
    throw new UsageError(
      `--fail-on ${unknown.length ? `does not know ${unknown.map((k) => `"${k}"`).join(', ')}` : 'needs at least one kind'}; valid kinds: ${GATE_KINDS.join(', ')}.`,
    );
  }
  return parsed.data;
}

const Format = z.enum(DIFF_FORMATS);

export async function runDiff(args: string[], given?: EstateSource): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'fail-on': { type: 'string' },
      limit: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'data-dir': { type: 'string' },
      database: { type: 'string' },
    },
  });
  const place = { dataDir: values['data-dir'], database: values.database ?? process.env['FLEETMAP_DATABASE_URL'] };
  const owned = given ? undefined : estateSource(place);
  try {
    return await diffWith(values, positionals, given ?? (owned as EstateSource));
  } finally {
    await owned?.close();
  }
}

async function diffWith(
  values: { format?: string | undefined; 'fail-on'?: string | undefined; limit?: string | undefined; output?: string | undefined },
  positionals: string[],
  source: EstateSource,
): Promise<number> {
  if (positionals.length !== 2) throw new UsageError(`diff takes two estates, A and B (got ${positionals.length}).`);
  const format = Format.safeParse(values.format ?? 'text');
  if (!format.success) throw new UsageError(`--format must be one of ${DIFF_FORMATS.join(', ')}.`);
  const failOn = parseFailOn(values['fail-on']);
  const limit = Number(values.limit ?? DEFAULT_LIMIT);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number of at least 1, not "${values.limit}".`);

  const sides: Topology[] = [];
  for (const [side, arg] of [['A', positionals[0] ?? ''] as const, ['B', positionals[1] ?? ''] as const]) {
    try {
      sides.push(await source(arg));
    } catch (e) {
      if (!(e instanceof EstateInputError)) throw e;
      console.error(`fleetmap: estate ${side}: ${e.message}`);
      return EXIT_BAD_INPUT;
    }
  }
  const [a, b] = sides as [Topology, Topology];
  const diff = estateDiff(a, b);
  const report = renderDiff(diff, format.data, { limit });
  if (values.output && values.output !== '-') await writeFile(values.output, report);
  else process.stdout.write(report);

  const tripped = trippedGates(diff, failOn);
  if (!tripped.length) return 0;
  console.error(`fleetmap: --fail-on tripped: ${tripped.map((g) => `${g.kind} (${g.evidence.length})`).join(', ')}`);
  for (const g of tripped) for (const line of g.evidence.slice(0, 5)) console.error(`  ${g.kind}: ${line.replace(/\p{Cc}/gu, ' ')}`);
  return EXIT_GATE_TRIPPED;
}
