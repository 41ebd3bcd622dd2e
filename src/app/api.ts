import { z } from 'zod';
import { parseSnapshotValue, type Topology } from '../topology/model';

const ApiError = z.object({ error: z.string() });

/** GET /api/topology, validated at the edge like a snapshot: a bad answer becomes a message, not a blank page. */
export async function fetchTopology(refresh = false): Promise<Topology> {
  const res = await fetch(`/api/topology${refresh ? '?refresh=true' : ''}`);
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const parsed = ApiError.safeParse(body);
    throw new Error(parsed.success ? parsed.data.error : `The server answered ${res.status} ${res.statusText}.`);
  }
  const result = parseSnapshotValue(body);
  if (!result.ok) throw new Error(result.error);
  return result.topology;
}
