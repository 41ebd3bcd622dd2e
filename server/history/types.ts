import type { Resource, Topology } from '../../src/topology/model';
import type { ChangeEvent, TopologyPatch } from '../../src/topology/live/patch';

/**
 * One SQL connection (or pool) to PostgreSQL: PGlite in-process by default, a PostgreSQL server with --database.
 * The same SQL text runs on both ($1-style parameters); rows come back as plain objects.
 */
export interface Sql {
  readonly engine: 'pglite' | 'postgres';
  query<R extends Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements at once, no parameters (migrations) */
  exec(text: string): Promise<void>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What one capture wrote. */
export interface CaptureSummary {
  /** Epoch ms of the read */
  at: number;
  added: number;
  removed: number;
  changed: number;
  /** Change events written (the live view's Changes feed items) */
  changes: number;
}

/** One moment on the timeline: a capture that changed something. */
export interface CapturePoint extends CaptureSummary {
  /** The live topology version the capture recorded */
  version: number;
}

/** A resource as it was between two moments. */
export interface ResourceVersion {
  /** Epoch ms from which the body held */
  validFrom: number;
  /** Epoch ms it stopped holding; absent while it is current */
  validTo?: number;
  body: Resource;
}

/**
 * The estate's history: every resource version and every change event the live watcher saw, by time. Bodies are
 * redacted before they are written and again as they are read (one redaction pass where a topology enters or leaves).
 */
export interface History {
  readonly engine: Sql['engine'];
  /** A whole read (a run's first): recorded as the difference from what the database holds as current */
  captureTopology(topology: Topology, version: number, at: number): Promise<CaptureSummary>;
  /** A live patch, with its change events: one transaction */
  capturePatch(patch: TopologyPatch, at: number): Promise<CaptureSummary>;
  /** The estate as it was at `at` (epoch ms), or undefined before the first capture */
  estateAt(at: number): Promise<Topology | undefined>;
  /** Change events in [from, to], newest first; of one resource (subject or owner) when asked */
  changes(query: { from: number; to: number; resource?: string; limit?: number }): Promise<ChangeEvent[]>;
  /** Captures that changed something in [from, to], oldest first (the timeline's density) */
  captures(query: { from: number; to: number }): Promise<CapturePoint[]>;
  /** A resource's versions in [from, to], oldest first */
  resourceHistory(id: string, query: { from: number; to: number }): Promise<ResourceVersion[]>;
  /** Deletes what ended before `before` (versions closed, events and captures older); counts what went */
  prune(before: number): Promise<{ versions: number; events: number; captures: number }>;
  close(): Promise<void>;
}
