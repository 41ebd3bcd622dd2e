import { kubeFeed } from './kubeEvents';
import { KUBE_RESOURCES, str, type JsonObject, type KubeObjects } from './world';

const metaOf = (o: JsonObject): JsonObject => {
  const m = o['metadata'];
  return m && typeof m === 'object' && !Array.isArray(m) ? m : {};
};
const keyOf = (o: JsonObject) => `${str(metaOf(o), 'namespace')}/${str(metaOf(o), 'name')}`;
/** An object's content apart from its resourceVersion, which only the API server sets. */
const content = (o: JsonObject) => JSON.stringify({ ...o, metadata: { ...metaOf(o), resourceVersion: '' } });

/**
 * Brings the objects a cluster's API server serves to `next`, one watch event per object that was added, changed
 * or deleted, so every open watch sees the world change as a kubelet or controller would have reported it.
 * `served` is changed in place (it is the list the API server answers from); `next` is only read.
 */
export function syncKube(served: KubeObjects, next: KubeObjects): number {
  const feed = kubeFeed(served);
  let events = 0;
  for (const resource of KUBE_RESOURCES) {
    const before = new Map(served[resource].map((o) => [keyOf(o), o]));
    const after = new Map(next[resource].map((o) => [keyOf(o), o]));
    for (const [key, o] of before)
      if (!after.has(key)) {
        feed.record(resource, 'DELETED', o);
        events++;
      }
    for (const [key, o] of after) {
      const had = before.get(key);
      if (had && content(had) === content(o)) continue;
      feed.record(resource, had ? 'MODIFIED' : 'ADDED', o);
      events++;
    }
  }
  return events;
}
