import type { Topology } from '../../src/topology/model';

/** Where a topology comes from: a live AWS account (or the demo's fake AWS), or a snapshot file. */
export interface TopologySource {
  /** e.g. "Demo estate (simulated AWS)", "AWS profile prod", "snapshot prod.json" */
  readonly label: string;
  /** `onCall` hears of each API call as it finishes, for progress on a terminal. */
  read(options?: ReadOptions): Promise<Topology>;
  /** Releases what the source holds open (the demo's in-process fake AWS), so a one-shot command can end. */
  close?(): Promise<void>;
}

export interface ReadOptions {
  onCall?: (action: string) => void;
}
