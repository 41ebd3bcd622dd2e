import { change, object, objects, type Draft } from './churn-world';
import { str, type JsonObject } from './world';

/**
 * A pod crash-loops and recovers, as the kubelet reports it: the container exits, restartCount goes up, and the
 * container waits in CrashLoopBackOff, not ready; later it runs again, ready, its restarts remembered.
 */

const iso = (d: Draft, secondsAgo: number) => new Date((d.epoch - secondsAgo) * 1000).toISOString();
const containerOf = (pod: JsonObject) => objects(object(pod['status'])['containerStatuses'])[0];
const isCrashLooping = (pod: JsonObject) => str(object(object(containerOf(pod)?.['state'])['waiting']), 'reason') === 'CrashLoopBackOff';
/** Pods a controller restarts in place: a Job's pods complete instead, and a Fargate pod is the same either way. */
const isServing = (pod: JsonObject) =>
  str(object(pod['status']), 'phase') === 'Running' && objects(object(pod['metadata'])['ownerReferences']).some((o) => str(o, 'kind') !== 'Job');

function setReady(pod: JsonObject, ready: boolean): void {
  const status = object(pod['status']);
  status['conditions'] = objects(status['conditions']).map((c) =>
    str(c, 'type') === 'Ready' || str(c, 'type') === 'ContainersReady'
      ? { type: str(c, 'type'), status: ready ? 'True' : 'False', ...(ready ? {} : { reason: 'ContainersNotReady' }) }
      : c,
  );
}

/** The kubelet's back-off doubles from 10 s per restart up to five minutes. */
const backOff = (restarts: number) => {
  const s = Math.min(300, 10 * 2 ** Math.max(0, restarts - 1));
  return s >= 60 ? `${s / 60}m0s` : `${s}s`;
};

function crash(d: Draft, pod: JsonObject): void {
  const container = containerOf(pod);
  if (!container) return;
  const restarts = Number(container['restartCount'] ?? 0) + 1;
  const meta = object(pod['metadata']);
  const name = str(container, 'name');
  const ranSince = str(object(object(container['state'])['running']), 'startedAt') || iso(d, 120);
  Object.assign(container, {
    ready: false,
    started: false,
    restartCount: restarts,
    state: {
      waiting: {
        reason: 'CrashLoopBackOff',
        message: `back-off ${backOff(restarts)} restarting failed container=${name} pod=${str(meta, 'name')}_${str(meta, 'namespace')}(${str(meta, 'uid')})`,
      },
    },
    lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: ranSince, finishedAt: iso(d, 5) } },
  });
  setReady(pod, false);
}

function recover(d: Draft, pod: JsonObject): void {
  const container = containerOf(pod);
  if (!container) return;
  Object.assign(container, { ready: true, started: true, state: { running: { startedAt: iso(d, 0) } } });
  setReady(pod, true);
}

/** One pod changes: a crash-looping one recovers (half the time, when there is one), else a serving pod crashes. */
export const crashLoopPod = change((d) => {
  const pods = Object.keys(d.world.kube ?? {})
    .sort()
    .flatMap((cluster) => d.world.kube?.[cluster]?.pods ?? []);
  const looping = pods.filter(isCrashLooping);
  const heal = looping.length > 0 && d.rand() < 0.5;
  const pod = d.pick(heal ? looping : pods.filter((p) => isServing(p) && !isCrashLooping(p)));
  if (pod) (heal ? recover : crash)(d, pod);
});
