import { z } from 'zod';
import { ReadError, ReadStats, Resource, SCHEMA_VERSION, SourceInfo, type Topology } from '../../src/topology/model';
import { ChangeEvent, ChangeKind } from '../../src/topology/live/patch';
import { redactResource, redactTopology, scrubText } from '../../src/topology/redact/redact';
import type { CapturePoint, ResourceVersion } from './types';

/*
 * Rows as they come back from the database, parsed at that edge like any other input: a body written by an older
 * fleetmap, or edited by hand, is rejected with what is wrong rather than drawn half-right. Bodies are redacted
 * again as they are read, so a rule added to the redaction since they were written applies to them too.
 */

/** The columns of `captures`, the read's own fields included (a topology's non-resource part). */
export const CaptureRow = z.object({
  at: z.number(),
  version: z.number(),
  added: z.number(),
  removed: z.number(),
  changed: z.number(),
  changes: z.number(),
  source: SourceInfo,
  errors: z.array(ReadError),
  stats: ReadStats,
});
export type CaptureRow = z.infer<typeof CaptureRow>;

export const CapturePointRow = CaptureRow.pick({ at: true, version: true, added: true, removed: true, changed: true, changes: true });

export const BodyRow = z.object({ body: Resource });

export const VersionRow = z.object({ valid_from: z.number(), valid_to: z.number().nullable(), body: Resource });

export const EventRow = z.object({
  id: z.string(),
  at: z.number(),
  kind: ChangeKind,
  subject: z.string(),
  owner: z.string().nullable(),
  severity: ChangeEvent.shape.severity,
  message: z.string(),
});

/** Parses rows with `schema`, saying which table and row failed. */
export function parseRows<S extends z.ZodType>(table: string, schema: S, rows: readonly unknown[]): z.infer<S>[] {
  return rows.map((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new Error(`history database: a row of ${table} (#${i + 1}) is not valid: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}

/** Past this many distinct strings the memo starts again: a day of churn brings new task ids every minute. */
const MEMO_LIMIT = 200_000;
const scrubbed = new Map<string, string>();

/**
 * scrubText remembered across reads: the estate at one moment and the next share nearly every ARN, address and
 * name, and the scrubber's rules are most of the cost of reading an estate back (scrubText is pure, so this is safe).
 */
function memoScrub(text: string): string {
  let out = scrubbed.get(text);
  if (out === undefined) {
    if (scrubbed.size >= MEMO_LIMIT) scrubbed.clear();
    out = scrubText(text);
    scrubbed.set(text, out);
  }
  return out;
}

/** A body read back, through the redaction again (a rule added since it was written applies to it too). */
export const redactBody = (body: Resource): Resource => redactResource(body, memoScrub);

/** The estate from its resource rows and the capture that holds its read's fields. */
export function topologyOf(capture: CaptureRow, bodies: readonly Resource[]): Topology {
  const resources: Topology['resources'] = {};
  for (const body of bodies) {
    // The redacted body's id is its id scrubbed, as redactTopology keys it.
    const safe = redactBody(body);
    resources[safe.id] = safe;
  }
  const { source, errors, stats } = redactTopology({
    schemaVersion: SCHEMA_VERSION,
    source: capture.source,
    resources: {},
    errors: capture.errors,
    stats: capture.stats,
  });
  return { schemaVersion: SCHEMA_VERSION, source, resources, errors, stats };
}

export function eventOf(row: z.infer<typeof EventRow>): ChangeEvent {
  const { owner, ...rest } = row;
  return owner === null ? rest : { ...rest, owner };
}

export function versionOf(row: z.infer<typeof VersionRow>): ResourceVersion {
  const body = redactBody(row.body);
  return row.valid_to === null ? { validFrom: row.valid_from, body } : { validFrom: row.valid_from, validTo: row.valid_to, body };
}

export const pointOf = (row: z.infer<typeof CapturePointRow>): CapturePoint => ({ ...row });

/** An event's free text through the same scrubber as every other string, before it is written. */
export function redactEvent(e: ChangeEvent): ChangeEvent {
  const safe: ChangeEvent = { ...e, id: scrubText(e.id), subject: scrubText(e.subject), message: scrubText(e.message) };
  if (e.owner !== undefined) safe.owner = scrubText(e.owner);
  return safe;
}
