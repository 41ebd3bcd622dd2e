import { str, type JsonObject, type KubeObjects, type KubeResource, type World } from './world';

/**
 * The change history of one cluster's Kubernetes objects, as etcd and the API server's watch cache keep it: one
 * resourceVersion counter for the whole cluster, bumped on every change, and a window of recent events that a
 * watch can resume from. A watch from before the window is answered "410 Expired", as the real server does.
 */
export type KubeEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface KubeEvent {
  resourceVersion: number;
  resource: KubeResource;
  type: KubeEventType;
  /** The object as it is after the change (as it was, for DELETED), stamped with this resourceVersion */
  object: JsonObject;
}

export interface KubeFeed {
  /** The cluster's current resourceVersion: what a list answers and where a new watch starts */
  resourceVersion(): number;
  /** The oldest resourceVersion a watch may still start from */
  oldest(): number;
  /** Events after `resourceVersion`, oldest first */
  since(resourceVersion: number): KubeEvent[];
  subscribe(listener: (event: KubeEvent) => void): () => void;
  /** The object with a resourceVersion: its own, or the world's first for an object never changed */
  stamp(object: JsonObject): JsonObject;
  /** Applies a change to the objects and tells every watch */
  record(resource: KubeResource, type: KubeEventType, object: JsonObject): KubeEvent;
}

/** Like the API server's watch cache (a few hundred events per resource): older resume points get 410 Expired. */
export const KUBE_EVENT_WINDOW = 1000;

const feeds = new WeakMap<KubeObjects, KubeFeed>();

const metaOf = (o: JsonObject): JsonObject => {
  const m = o['metadata'];
  return m && typeof m === 'object' && !Array.isArray(m) ? m : {};
};
const keyOf = (o: JsonObject) => `${str(metaOf(o), 'namespace')}/${str(metaOf(o), 'name')}`;

function createFeed(objects: KubeObjects): KubeFeed {
  // A fresh world starts where a cluster of its size might; the exact number means nothing, only its order does.
  const base = 100000 + Object.values(objects).reduce((n, l) => n + l.length, 0);
  let current = base;
  const events: KubeEvent[] = [];
  const listeners = new Set<(event: KubeEvent) => void>();
  return {
    resourceVersion: () => current,
    oldest: () => (events.length >= KUBE_EVENT_WINDOW ? (events[0]?.resourceVersion ?? current) - 1 : base),
    since: (rv) => events.filter((e) => e.resourceVersion > rv),
    stamp: (object) => (str(metaOf(object), 'resourceVersion') ? object : { ...object, metadata: { ...metaOf(object), resourceVersion: String(base) } }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    record(resource, type, object) {
      current += 1;
      const stamped: JsonObject = { ...object, metadata: { ...metaOf(object), resourceVersion: String(current) } };
      const list = objects[resource];
      const at = list.findIndex((o) => o === object || keyOf(o) === keyOf(object));
      if (type === 'DELETED') {
        if (at >= 0) list.splice(at, 1);
      } else if (at >= 0) {
        list[at] = stamped;
      } else {
        list.push(stamped);
      }
      const event: KubeEvent = { resourceVersion: current, resource, type, object: stamped };
      events.push(event);
      if (events.length > KUBE_EVENT_WINDOW) events.shift();
      for (const listener of listeners) listener(event);
      return event;
    },
  };
}

/** The feed of a cluster's objects, made on first use (the fake API server and the world's changes share it). */
export function kubeFeed(objects: KubeObjects): KubeFeed {
  let feed = feeds.get(objects);
  if (!feed) {
    feed = createFeed(objects);
    feeds.set(objects, feed);
  }
  return feed;
}

/**
 * Changes one Kubernetes object of an EKS cluster in the world and streams the change to every open watch:
 * ADDED or MODIFIED replaces the object with the same namespace and name (or appends it), DELETED removes it.
 * The stored object is a copy stamped with the new resourceVersion. Returns the event, or undefined when the
 * world has no Kubernetes API for that cluster.
 */
export function notifyKube(world: World, cluster: string, resource: KubeResource, type: KubeEventType, object: JsonObject): KubeEvent | undefined {
  const objects = world.kube?.[cluster];
  return objects ? kubeFeed(objects).record(resource, type, object) : undefined;
}
