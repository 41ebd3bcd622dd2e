import { z } from 'zod';
import { SCHEMA_VERSION, Topology } from './topology';

/**
 * Snapshot files are untrusted input: repaired by migration or rejected here, at the edge, with a message that
 * says what is wrong. Each schema change adds one step to MIGRATIONS (from version N to N + 1).
 */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  1: podStartsInMilliseconds,
  2: readTimeInMilliseconds,
  3: publicSubnetRoutes,
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Version 1 held a pod's startedAt in epoch seconds; from version 2 every time in the model is epoch milliseconds. */
function podStartsInMilliseconds(doc: Record<string, unknown>): Record<string, unknown> {
  const resources = doc['resources'];
  // Anything but an object is left for the schema check, which names the field.
  if (!isRecord(resources)) return doc;
  const migrated = Object.entries(resources).map(([id, r]) =>
    isRecord(r) && r['kind'] === 'pod' && typeof r['startedAt'] === 'number' ? [id, { ...r, startedAt: r['startedAt'] * 1000 }] : [id, r],
  );
  return { ...doc, resources: Object.fromEntries(migrated) };
}

/** Version 2 held source.fetchedAt as ISO-8601 text; from version 3 it is epoch milliseconds, as every other time. */
function readTimeInMilliseconds(doc: Record<string, unknown>): Record<string, unknown> {
  const source = doc['source'];
  const text = isRecord(source) ? source['fetchedAt'] : undefined;
  const at = typeof text === 'string' ? Date.parse(text) : Number.NaN;
  // Text that is not a time is left as it was, for the schema check to name the field.
  if (!isRecord(source) || Number.isNaN(at)) return doc;
  return { ...doc, source: { ...source, fetchedAt: at } };
}

/**
 * Version 3 kept only whether a subnet is public; from version 4 a subnet holds its default route. Public meant an
 * active default route to an internet gateway (whose id the file did not keep); private could mean a NAT gateway,
 * another target or no default route, so a private subnet is left without one, as when no route table was read.
 */
function publicSubnetRoutes(doc: Record<string, unknown>): Record<string, unknown> {
  const resources = doc['resources'];
  if (!isRecord(resources)) return doc;
  const migrated = Object.entries(resources).map(([id, r]) =>
    isRecord(r) && r['kind'] === 'subnet' && r['public'] === true ? [id, { ...r, defaultRoute: { kind: 'internetGateway', blackhole: false } }] : [id, r],
  );
  return { ...doc, resources: Object.fromEntries(migrated) };
}

export type SnapshotResult = { ok: true; topology: Topology } | { ok: false; error: string };

const Envelope = z.object({ schemaVersion: z.number().int().positive() }).loose();

export function parseSnapshot(text: string): SnapshotResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `Not a Fleetmap snapshot: the file is not valid JSON (${detail}).` };
  }
  return parseSnapshotValue(doc);
}

export function parseSnapshotValue(doc: unknown): SnapshotResult {
  const envelope = Envelope.safeParse(doc);
  if (!envelope.success) {
    return {
      ok: false,
      error: 'Not a Fleetmap snapshot: no numeric "schemaVersion" field at the top level.',
    };
  }
  let current: Record<string, unknown> = envelope.data;
  let version = envelope.data.schemaVersion;
  if (version > SCHEMA_VERSION) {
    return {
      ok: false,
      error: `Snapshot schemaVersion ${version} is newer than this Fleetmap understands (${SCHEMA_VERSION}); upgrade Fleetmap.`,
    };
  }
  while (version < SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, error: `Snapshot schemaVersion ${version} cannot be migrated.` };
    current = step(current);
    version += 1;
  }
  const parsed = Topology.safeParse({ ...current, schemaVersion: version });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? first.path.join('.') || '(top level)' : '(unknown)';
    const what = first ? first.message : 'invalid';
    return { ok: false, error: `Snapshot does not match schema version ${version}: field ${where}: ${what}.` };
  }
  return { ok: true, topology: parsed.data };
}
