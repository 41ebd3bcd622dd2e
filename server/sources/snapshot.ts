import { readFile } from 'node:fs/promises';
import { parseSnapshot, type Topology } from '../../src/topology/model';
import { redactTopology } from '../../src/topology/redact/redact';
import type { TopologySource } from './types';

/** A saved snapshot: parsed and migrated at the edge; a broken file is an error that says what is wrong. */
export function createSnapshotSource(file: string): TopologySource {
  return {
    label: `snapshot ${file}`,
    async read(): Promise<Topology> {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        throw new Error(`cannot open ${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
      const result = parseSnapshot(text);
      if (!result.ok) throw new Error(`${file}: ${result.error}`);
      return redactTopology(result.topology);
    },
  };
}
