import type { Topology } from '../../src/topology/model';

/** Where a topology comes from: a live AWS account (or the demo's fake AWS), or a snapshot file. */
export interface TopologySource {
  /** e.g. "Demo estate (simulated AWS)", "AWS profile prod", "snapshot prod.json" */
  readonly label: string;
  read(): Promise<Topology>;
}
