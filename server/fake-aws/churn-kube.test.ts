import { describe, expect, it } from 'vitest';
import { WORLD_EPOCH } from './builder';
import { crashLoopPod } from './churn-kube';
import { object, objects } from './churn-world';
import { demoWorld } from './demo';
import { str, type JsonObject, type World } from './world';

const base = demoWorld(WORLD_EPOCH);
const pods = (w: World) => w.kube?.['orders-eks']?.pods ?? [];
const container = (pod: JsonObject) => objects(object(pod['status'])['containerStatuses'])[0] ?? {};
/** What `kubectl get pods` prints as STATUS: a waiting reason, else the phase. */
const podDisplayStatus = (pod: JsonObject) => str(object(object(container(pod)['state'])['waiting']), 'reason') || str(object(pod['status']), 'phase');
const ready = (pod: JsonObject) => str(objects(object(pod['status'])['conditions']).find((c) => c['type'] === 'Ready') ?? {}, 'status');
const changed = (before: World, after: World) => pods(after).filter((p, i) => JSON.stringify(p) !== JSON.stringify(pods(before)[i]));

describe('a pod crash-loops and recovers', () => {
  it('crashes a serving pod: restartCount up, waiting in CrashLoopBackOff, not ready', () => {
    const crashes = Array.from({ length: 20 }, (_, seed) => crashLoopPod(base, { seed, now: WORLD_EPOCH + 60_000 }))
      .map((w) => ({ w, pod: changed(base, w)[0] }))
      .filter(({ pod }) => pod && podDisplayStatus(pod) === 'CrashLoopBackOff' && container(pod)['restartCount'] === 1);
    expect(crashes.length).toBeGreaterThan(0);
    for (const { w, pod } of crashes) {
      expect(changed(base, w)).toHaveLength(1);
      if (!pod) continue;
      const c = container(pod);
      expect(c).toMatchObject({ ready: false, lastState: { terminated: { exitCode: 1, reason: 'Error' } } });
      expect(str(object(object(c['state'])['waiting']), 'message')).toMatch(
        /^back-off 10s restarting failed container=[\w-]+ pod=[\w-]+_[\w-]+\([0-9a-f-]{36}\)$/,
      );
      expect(ready(pod)).toBe('False');
      expect(object(pod['metadata'])['ownerReferences']).not.toEqual([expect.objectContaining({ kind: 'Job' })]);
    }
  });

  it('recovers a crash-looping pod: running and ready again, its restarts remembered', () => {
    const healed = Array.from({ length: 20 }, (_, seed) => crashLoopPod(base, { seed, now: WORLD_EPOCH + 60_000 }))
      .map((w) => changed(base, w)[0])
      .filter((pod): pod is JsonObject => pod !== undefined && podDisplayStatus(pod) === 'Running');
    expect(healed.length).toBeGreaterThan(0);
    for (const pod of healed) {
      expect(container(pod)).toMatchObject({ ready: true, restartCount: 14, state: { running: { startedAt: new Date(WORLD_EPOCH + 60_000).toISOString() } } });
      expect(ready(pod)).toBe('True');
    }
  });

  it('is pure and seeded', () => {
    const frozen = JSON.stringify(base);
    const a = crashLoopPod(base, { seed: 3, now: WORLD_EPOCH });
    expect(JSON.stringify(base)).toBe(frozen);
    expect(JSON.stringify(crashLoopPod(base, { seed: 3, now: WORLD_EPOCH }))).toBe(JSON.stringify(a));
  });
});
