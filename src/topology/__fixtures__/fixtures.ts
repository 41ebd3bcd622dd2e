import { parseSnapshotValue, type Topology } from '../model';
import demo from './demo.topology.json';

/**
 * The demo estate as a live read gives it: the demo world read once through the fake AWS (real SDK clients and
 * wire protocols, toTopology, the redaction pass), the clock fields pinned. Parsed by the snapshot parser, as every
 * saved file is, so a fixture that no longer matches the model fails here rather than deep inside a test.
 */
export function demoTopology(): Topology {
  const parsed = parseSnapshotValue(demo);
  if (!parsed.ok) throw new Error(`demo.topology.json: ${parsed.error}`);
  return parsed.topology;
}
