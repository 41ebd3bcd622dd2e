import { z } from 'zod';
import { Resource, Topology, parseSnapshotValue, type ResourceKind } from '../model';
import { objectCodec, StringTable, WireError, type Codec, type Json, type Layout } from './codec';

/**
 * The topology as the page downloads it: every string once in a table (ARNs, ids, AZs and statuses recur across
 * a hundred thousand tasks), and each resource kind as one list of field names with a row of values per resource,
 * so no key is repeated. decode(encode(t)) gives back `t` (its resources keyed by id, as the model keys them).
 * It carries what it is given: the server encodes the redacted topology it serves, never a raw read.
 */

/** The media type the page asks for (Accept) and the server answers with (Content-Type). */
export const COMPACT_MEDIA_TYPE = 'application/vnd.fleetmap.compact+json';

/** Bumped when the document's own shape changes (not the model's: the layouts carry that). */
const WIRE = 'fleetmap-compact/1';

/** Each resource kind's codec, by the model's discriminated union. */
const KINDS: ReadonlyMap<string, Codec> = new Map(
  Resource.options.map((schema) => {
    const kind = schema.shape.kind.value;
    return [kind, objectCodec(schema as z.ZodObject)] as const;
  }),
);

/** Everything of a topology beside its resources: schema version, source, errors, stats. */
const TOP = objectCodec(Topology.omit({ resources: true }));

/** The document as sent; the layouts are checked against this build's before a row is read. */
export const CompactTopology = z.object({
  wire: z.literal(WIRE),
  strings: z.array(z.string()),
  topology: z.object({ fields: z.unknown(), row: z.array(z.unknown()) }),
  // Each row is checked as it is read (an object is an array of its fields): a second walk here costs 100 ms at 100,000 tasks.
  kinds: z.record(z.string(), z.object({ fields: z.unknown(), rows: z.array(z.unknown()) })),
});
export type CompactTopology = z.infer<typeof CompactTopology>;

/** Pure: the compact document of a topology. Rows keep the order of `topology.resources`. */
export function encode(topology: Topology): CompactTopology {
  const table = new StringTable();
  const rows = new Map<string, Json[]>();
  for (const id in topology.resources) {
    const r = topology.resources[id];
    if (!r) continue;
    const codec = KINDS.get(r.kind);
    if (!codec) throw new WireError(`no codec for resource kind ${r.kind}`);
    let list = rows.get(r.kind);
    if (!list) rows.set(r.kind, (list = []));
    list.push(codec.encode(r, table));
  }
  const row = TOP.encode(topology, table) as Json[];
  const kinds: CompactTopology['kinds'] = {};
  for (const [kind, list] of rows) kinds[kind] = { fields: KINDS.get(kind)?.layout, rows: list };
  return { wire: WIRE, strings: table.strings, topology: { fields: TOP.layout, row }, kinds };
}

export type DecodeResult = { ok: true; topology: Topology } | { ok: false; error: string };

const sameLayout = (a: unknown, b: Layout) => JSON.stringify(a) === JSON.stringify(b);

const STALE = 'the server speaks another version of the model than this page; reload the page';

/** The document back into plain objects, before the schema check; throws WireError on what does not fit. */
function unpack(doc: CompactTopology): unknown {
  if (!sameLayout(doc.topology.fields, TOP.layout)) throw new WireError(STALE);
  const top = TOP.decode(doc.topology.row, doc.strings) as Record<string, unknown>;
  const resources: Record<string, unknown> = {};
  for (const [kind, { fields, rows }] of Object.entries(doc.kinds)) {
    const codec = KINDS.get(kind as ResourceKind);
    if (!codec) throw new WireError(`unknown resource kind ${JSON.stringify(kind)}: ${STALE}`);
    if (!sameLayout(fields, codec.layout)) throw new WireError(`the fields of ${kind} differ: ${STALE}`);
    for (let i = 0; i < rows.length; i++) {
      const r = codec.decode(rows[i], doc.strings) as { id: string };
      // defineProperty keeps an id named __proto__ a resource rather than the record's prototype.
      if (r.id === '__proto__') Object.defineProperty(resources, r.id, { value: r, enumerable: true, writable: true, configurable: true });
      else resources[r.id] = r;
    }
  }
  return { ...top, resources };
}

/**
 * Pure: the topology a compact document holds, validated at the edge like any answer or snapshot: the envelope,
 * the layouts, every index into the string table, and then the Topology schema itself.
 */
export function decode(doc: unknown): DecodeResult {
  const envelope = CompactTopology.safeParse(doc);
  if (!envelope.success) {
    const first = envelope.error.issues[0];
    return { ok: false, error: `Not a compact Fleetmap topology: ${first ? `${first.path.join('.') || '(top level)'}: ${first.message}` : 'bad shape'}.` };
  }
  let plain: unknown;
  try {
    plain = unpack(envelope.data);
  } catch (e) {
    if (!(e instanceof WireError)) throw e;
    return { ok: false, error: `The compact topology cannot be read: ${e.message}.` };
  }
  return parseSnapshotValue(plain);
}

const isCompact = (body: unknown) => typeof body === 'object' && body !== null && (body as { wire?: unknown }).wire === WIRE;

/** An answer of GET /api/topology in either form: compact when the server sent it so, plain JSON otherwise. */
export function readTopologyAnswer(body: unknown): { ok: true; value: Topology } | { ok: false; error: string } {
  const result = isCompact(body) ? decode(body) : parseSnapshotValue(body);
  return result.ok ? { ok: true, value: result.topology } : result;
}
