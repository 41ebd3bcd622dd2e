import type { TopologyPatch } from '../../src/topology/live/patch';
import { SCHEMA_VERSION, type Topology } from '../../src/topology/model';
import { redactTopology, scrubStrings } from '../../src/topology/redact/redact';

const done = new WeakMap<TopologyPatch, TopologyPatch>();

/**
 * A patch through the one redaction pass, as a whole topology goes: its resources and the read's own fields by
 * redactTopology's tables, the removed ids and the change messages (which quote stop reasons and health
 * descriptions) through the same scrubber. Once per patch, however many viewers it is sent to.
 */
export function redactPatch(patch: TopologyPatch): TopologyPatch {
  const hit = done.get(patch);
  if (hit) return hit;
  const resources: Topology['resources'] = {};
  for (const r of [...patch.added, ...patch.changed]) resources[r.id] = r;
  const safe = redactTopology({ schemaVersion: SCHEMA_VERSION, source: patch.source, resources, errors: patch.errors, stats: patch.stats });
  const byId = (id: string) => safe.resources[scrubStrings(id)];
  const out: TopologyPatch = {
    ...patch,
    added: patch.added.flatMap((r) => byId(r.id) ?? []),
    changed: patch.changed.flatMap((r) => byId(r.id) ?? []),
    removed: scrubStrings(patch.removed),
    source: safe.source,
    errors: safe.errors,
    stats: safe.stats,
    changes: scrubStrings(patch.changes),
  };
  done.set(patch, out);
  return out;
}
