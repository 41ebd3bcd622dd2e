import type { Resource, Topology } from '../model';
import { RESOURCE_FIELDS, TOPOLOGY_FIELDS, type FieldTable, type SecretField } from './fields';
import { maskArn, REDACTED, scrubArgs, scrubText } from './scrub';

export { maskArn, REDACTED, scrubArgs, scrubText } from './scrub';

/** Log driver options known to carry no credential; every other option's value is redacted. */
const SAFE_LOG_OPTIONS = new Set([
  'awslogs-group',
  'awslogs-region',
  'awslogs-stream-prefix',
  'awslogs-create-group',
  'awslogs-datetime-format',
  'awslogs-multiline-pattern',
  'mode',
  'max-buffer-size',
]);

/** A reference to a Secret, ConfigMap or field names where a value lives, not the value; anything else is redacted. */
const KUBE_REFERENCE = /^from (Secret|ConfigMap|field|resource) [^\s]+( key [^\s]+)?$/;

/** A field table compiled for lookups, with the paths that are records (whose keys are data, not field names). */
interface Compiled {
  argv: ReadonlySet<string>;
  secrets: ReadonlyMap<string, SecretField>;
  records: ReadonlySet<string>;
}

function compile(t: FieldTable): Compiled {
  const paths = [...t.names, ...t.text, ...(t.argv ?? []), ...Object.keys(t.secrets ?? {})];
  return {
    argv: new Set(t.argv ?? []),
    secrets: new Map(Object.entries(t.secrets ?? {})),
    records: new Set(paths.filter((p) => p.endsWith('{}') || p.endsWith('{key}')).map((p) => p.slice(0, p.lastIndexOf('{')))),
  };
}

const COMPILED = new Map(Object.entries(RESOURCE_FIELDS).map(([kind, t]) => [kind, compile(t)]));
const TOPOLOGY = compile(TOPOLOGY_FIELDS);

type Scrub = (text: string) => string;

function secret(kind: SecretField, value: string, key: string, scrub: Scrub): string {
  switch (kind) {
    case 'value':
      return REDACTED;
    case 'arn':
      return maskArn(value);
    case 'logOption':
      return SAFE_LOG_OPTIONS.has(key) ? scrub(value) : REDACTED;
    case 'kubeReference':
      return KUBE_REFERENCE.test(value) ? scrub(value) : REDACTED;
  }
}

/**
 * Walks a JSON value by its field table. Unchanged parts are returned as they were (the same objects), so a
 * topology that is already redacted comes back as itself. A string the table does not place is scrubbed as text.
 */
function walk(value: unknown, path: string, key: string, table: Compiled, scrub: Scrub): unknown {
  if (typeof value === 'string') {
    const kind = table.secrets.get(path);
    return kind ? secret(kind, value, key, scrub) : scrub(value);
  }
  if (Array.isArray(value)) {
    const item = `${path}[]`;
    if (table.argv.has(item) && value.every((v) => typeof v === 'string')) {
      const out = scrubArgs(value as string[]);
      return out.every((v, i) => v === value[i]) ? value : out;
    }
    let changed = false;
    const out = value.map((v: unknown) => {
      const w = walk(v, item, '', table, scrub);
      if (w !== v) changed = true;
      return w;
    });
    return changed ? out : value;
  }
  if (value !== null && typeof value === 'object') {
    const record = table.records.has(path);
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // Record keys are data (label names, log options) and are scrubbed like any text; field names are fixed.
      const k2 = record ? scrub(k) : k;
      const w = walk(v, record ? `${path}{}` : path ? `${path}.${k}` : k, k, table, scrub);
      if (k2 !== k || w !== v) changed = true;
      out[k2] = w;
    }
    return changed ? out : value;
  }
  return value;
}

/** scrubText with a memo: the same ARNs and ids recur across thousands of resources. */
function memoScrub(): Scrub {
  const memo = new Map<string, string>();
  return (text) => {
    let out = memo.get(text);
    if (out === undefined) {
      out = scrubText(text);
      memo.set(text, out);
    }
    return out;
  };
}

export function redactResource(r: Resource, scrub: Scrub = memoScrub()): Resource {
  const table = COMPILED.get(r.kind) ?? TOPOLOGY;
  // The walk keeps every field and its type; only string values change.
  return walk(r, '', '', table, scrub) as Resource;
}

/**
 * The one redaction pass over a whole topology: every string of every resource, the source, the read errors and
 * the stats, by the field tables in fields.ts. Pure and idempotent, so it runs at each edge a topology crosses
 * (after a live read, when a snapshot is opened from disk, dropped on the page or embedded in an HTML file, and
 * before every export); an already redacted topology comes back as the same object.
 */
export function redactTopology(topology: Topology): Topology {
  const scrub = memoScrub();
  let changed = false;
  const resources: Topology['resources'] = {};
  for (const [id, r] of Object.entries(topology.resources)) {
    const safe = redactResource(r, scrub);
    const safeId = scrub(id);
    if (safe !== r || safeId !== id) changed = true;
    resources[safeId] = safe;
  }
  // Everything beside the resources (source, errors, stats, and whatever the model adds) by the topology's table.
  const rest = { ...topology, resources: {} };
  const restSafe = walk(rest, '', '', TOPOLOGY, scrub);
  if (!changed && restSafe === rest) return topology;
  return { ...(restSafe as Topology), resources };
}

/**
 * Every string of any JSON value (record keys included) through the scrubber, consistently, so ids that join one
 * part to another still join. For what is derived from a topology (a graph, a layout) when it reaches an exporter.
 */
export function scrubStrings<T>(value: T): T {
  const scrub = memoScrub();
  const all = (v: unknown): unknown => {
    if (typeof v === 'string') return scrub(v);
    if (Array.isArray(v)) {
      const out = v.map(all);
      return out.every((x, i) => x === v[i]) ? v : out;
    }
    if (v !== null && typeof v === 'object') {
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const k2 = scrub(k);
        const y = all(x);
        if (k2 !== k || y !== x) changed = true;
        out[k2] = y;
      }
      return changed ? out : v;
    }
    return v;
  };
  return all(value) as T;
}
