import type { Topology } from '../../src/topology/model';

/** Where a topology comes from: a live AWS account (or the demo's fake AWS), or a snapshot file. */
export interface TopologySource {
  /** e.g. "Demo estate (simulated AWS)", "AWS profile prod", "snapshot prod.json" */
  readonly label: string;
  /** `onCall` hears of each API call as it finishes, for progress on a terminal. */
  read(options?: ReadOptions): Promise<Topology>;
  /**
   * Tells `onChange` when the source learns of a change between reads (a Kubernetes watch seeing a pod go), so a
   * watcher reads again early; returns the unsubscribe. Sources that learn nothing between reads leave it out.
   */
  watch?(onChange: () => void): () => void;
  /** Releases what the source holds open (the demo's in-process fake AWS), so a one-shot command can end. */
  close?(): Promise<void>;
}

export interface ReadOptions {
  onCall?: (action: string) => void;
  /**
   * A watcher's cycle: keep what changes rarely from the previous reads of this source and ask AWS only for what
   * changes every minute and what is new (sources/aws/incremental.ts). One-shot reads (snapshot, export) read all.
   */
  incremental?: boolean;
  /** The share (0–1] of each AWS throttle bucket's sustained rate this read may spend (serve --api-budget) */
  apiBudget?: number;
  /**
   * Only what the source's watches hold has changed (a pod): rebuild from the last incremental read's AWS answers
   * and the watches' objects, calling no AWS API. A read in full when there is no incremental read to rebuild from.
   */
  betweenReads?: boolean;
}
