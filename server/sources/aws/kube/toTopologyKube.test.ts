import { describe, expect, it } from 'vitest';
import { resourcesOf } from '../../../../src/topology/model';
import { demoWorld } from '../../../fake-aws/demo';
import { readThroughFake } from '../../../fake-aws/readWorld';

const world = demoWorld();

describe('Kubernetes times in the topology', () => {
  it('gives a pod its status.startTime in epoch milliseconds, the unit of an ECS task start', async () => {
    const { topology } = await readThroughFake({ world });
    const startTimes = new Map<string, string>();
    for (const kube of Object.values(world.kube ?? {})) {
      for (const pod of kube.pods ?? []) {
        const meta = pod['metadata'] as { name: string };
        const status = pod['status'] as { startTime?: string };
        if (status.startTime) startTimes.set(meta.name, status.startTime);
      }
    }
    const pods = resourcesOf(topology, 'pod').filter((p) => p.startedAt !== undefined);
    expect(pods.length).toBeGreaterThan(0);
    for (const pod of pods) expect(pod.startedAt).toBe(Date.parse(startTimes.get(pod.name) ?? ''));
    // The demo's tasks and pods started within days of each other: one unit puts them on one time line.
    const task = resourcesOf(topology, 'task').find((t) => t.startedAt !== undefined);
    expect(Math.abs((task?.startedAt ?? 0) - (pods[0]?.startedAt ?? 0))).toBeLessThan(30 * 86_400_000);
  });
});
