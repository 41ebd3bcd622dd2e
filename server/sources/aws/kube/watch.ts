import { ListWatch, type KubeConfig, type KubernetesListObject, type KubernetesObject } from '@kubernetes/client-node';
import type { Cluster as EksCluster } from '@aws-sdk/client-eks';
import type { ReadError } from '../../../../src/topology/model';
import { BoundedWatch } from './boundedWatch';
import {
  callOptions,
  failureOf,
  hintOf,
  KUBE_PAGE,
  KUBE_TIMEOUT_MS,
  kubeConfigFor,
  type Failure,
  type KubeAccess,
  type KubeRead,
  type StatusSeen,
} from './reader';
import { WATCHED_KINDS, type KubeListKey, type WatchedKind } from './watchedKinds';

/**
 * One EKS cluster's Kubernetes objects kept current by list-then-watch: an informer (the client's ListWatch) per
 * resource the reader lists, so a pod that starts, changes or goes is known within a second instead of at the
 * next read. A watch the server expires (410) relists; a cut stream or a failing server is retried with backoff;
 * every request is bounded, so a dead API server shows as an error, never as a hang.
 */
export type KubeWatchStatus = 'listing' | 'watching' | `error: ${string}`;

export interface KubeWatch {
  /** Lists every resource and opens the watches; resolves once each has listed or failed (bounded by requestTimeoutMs per page) */
  start(): Promise<void>;
  stop(): void;
  /** What the cluster holds now, in the shape readKube returns (the last good objects of a resource that is failing) */
  current(): KubeRead;
  /** Called (coalesced) after objects change or the status changes; returns the unsubscribe */
  onChange(listener: () => void): () => void;
  /** 'error: …' while any watched resource is failing (errors() says which), 'listing' until all have listed */
  status(): KubeWatchStatus;
  /** The failures, as readKube reports them (one for the cluster when it cannot authenticate or be reached) */
  errors(): ReadError[];
  /** Requests made, by action ("k8s:list pods", "k8s:watch pods") */
  calls(): Record<string, number>;
}

export interface KubeWatchOptions {
  /** Bound on each list page and on a watch's headers */
  requestTimeoutMs?: number;
  /** Each watch's timeoutSeconds; client-go asks for 5 to 10 minutes */
  watchSeconds?: number;
  /** Retry delays after a failure: first, doubling up to max */
  backoff?: { firstMs: number; maxMs: number };
  /** A burst of events (an initial list, a rollout) is one onChange */
  coalesceMs?: number;
}

type KindState = { kind: 'listing' } | { kind: 'watching' } | { kind: 'absent' } | { kind: 'failed'; action: string; failure: Failure };

interface Watched {
  spec: WatchedKind;
  informer: ListWatch<KubernetesObject>;
  state: KindState;
  attempt: number;
  retry?: NodeJS.Timeout;
}

class ListFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

const failureIn = (e: unknown): Failure => (e && typeof e === 'object' && 'failure' in e ? (e as { failure: Failure }).failure : failureOf(e, {}));

/** One error for the whole cluster: without authentication or a route nothing else answers either. */
const fatal = (f: Failure) => f.status === 401 || f.status === undefined;

const ERROR_CODE = (f: Failure) =>
  f.status === 401 ? 'Unauthorized' : f.status === 403 ? 'Forbidden' : f.status ? `HTTP ${f.status}` : (f.code ?? 'Unreachable');

export function createKubeWatch(cluster: EksCluster, access: KubeAccess, options: KubeWatchOptions = {}): KubeWatch {
  const name = cluster.name ?? '';
  const requestTimeoutMs = options.requestTimeoutMs ?? KUBE_TIMEOUT_MS;
  const watchSeconds = options.watchSeconds ?? 300;
  const backoff = options.backoff ?? { firstMs: 500, maxMs: 30_000 };
  const coalesceMs = options.coalesceMs ?? 50;
  const watched: Watched[] = [];
  const listeners = new Set<() => void>();
  const calls: Record<string, number> = {};
  let setupFailure: ReadError | undefined;
  let stopped = false;
  let pending: NodeJS.Timeout | undefined;
  let lastStatus = '';

  const count = (action: string) => {
    calls[action] = (calls[action] ?? 0) + 1;
  };
  const changed = () => {
    if (pending || stopped) return;
    pending = setTimeout(() => {
      pending = undefined;
      for (const listener of listeners) listener();
    }, coalesceMs);
  };
  const status = (): KubeWatchStatus => {
    if (setupFailure) return `error: ${setupFailure.message}`;
    const failed = watched.find((w) => w.state.kind === 'failed');
    if (failed?.state.kind === 'failed') return `error: ${failed.state.failure.message}`;
    return watched.length === 0 || watched.some((w) => w.state.kind === 'listing') ? 'listing' : 'watching';
  };
  const setState = (w: Watched, state: KindState) => {
    w.state = state;
    const now = status();
    if (now !== lastStatus) {
      lastStatus = now;
      changed();
    }
  };
  const config = (): Promise<KubeConfig> => kubeConfigFor(cluster, access);

  /** Every page of a list, as one list at the first page's resourceVersion (the API server pages one snapshot). */
  const listAll = async (spec: WatchedKind): Promise<KubernetesListObject<KubernetesObject>> => {
    const items: KubernetesObject[] = [];
    let cont: string | undefined;
    let resourceVersion: string | undefined;
    do {
      const seen: StatusSeen = {};
      const signal = AbortSignal.timeout(requestTimeoutMs);
      count(`k8s:list ${spec.what}`);
      try {
        const page = await spec.page(await config(), { limit: KUBE_PAGE, ...(cont ? { _continue: cont } : {}) }, callOptions(signal, seen));
        resourceVersion ??= page.metadata?.resourceVersion;
        items.push(...(page.items ?? []));
        cont = page.metadata?._continue ?? page.metadata?.continue ?? undefined;
      } catch (e) {
        throw new ListFailure(signal.aborted ? { code: 'ETIMEDOUT', message: `no answer in ${requestTimeoutMs / 1000} s` } : failureOf(e, seen));
      }
    } while (cont);
    return { metadata: { resourceVersion: resourceVersion ?? '' }, items };
  };

  const retry = (w: Watched) => {
    if (stopped) return;
    clearTimeout(w.retry);
    const delay = Math.min(backoff.maxMs, backoff.firstMs * 2 ** w.attempt);
    w.attempt += 1;
    w.retry = setTimeout(() => {
      if (!stopped) void w.informer.start();
    }, delay);
  };

  const watch = (spec: WatchedKind, first: KubeConfig): Promise<void> =>
    new Promise((settled) => {
      const w: Watched = { spec, state: { kind: 'listing' }, attempt: 0, informer: undefined as unknown as ListWatch<KubernetesObject> };
      const bounded = new BoundedWatch(first, {
        connectMs: requestTimeoutMs,
        watchSeconds,
        config,
        onOpen: () => {
          count(`k8s:watch ${spec.what}`);
          w.attempt = 0;
          setState(w, { kind: 'watching' });
        },
      });
      w.informer = new ListWatch(
        spec.path,
        bounded,
        async () => {
          const list = await listAll(spec);
          setState(w, { kind: 'watching' });
          settled();
          return list;
        },
        false,
      );
      for (const verb of ['add', 'update', 'delete'] as const) w.informer.on(verb, changed);
      w.informer.on('error', (err: unknown) => {
        if (stopped) return;
        const failure = failureIn(err);
        if (spec.optional && failure.status === 404) {
          setState(w, { kind: 'absent' });
        } else {
          const verb = err instanceof ListFailure ? 'list' : 'watch';
          setState(w, { kind: 'failed', action: `k8s:${verb} ${spec.what}`, failure });
          retry(w);
        }
        settled();
      });
      watched.push(w);
      void w.informer.start();
    });

  return {
    async start() {
      stopped = false;
      let first: KubeConfig;
      try {
        first = await config();
      } catch (e) {
        setupFailure = {
          api: 'k8s:token',
          resource: name,
          code: 'Error',
          message: e instanceof Error ? e.message : String(e),
          hint: 'Fleetmap could not make a Kubernetes token from its AWS credentials.',
        };
        changed();
        return;
      }
      await Promise.all(WATCHED_KINDS.map((spec) => watch(spec, first)));
    },
    stop() {
      stopped = true;
      clearTimeout(pending);
      pending = undefined;
      for (const w of watched) {
        clearTimeout(w.retry);
        void w.informer.stop();
      }
    },
    current() {
      const lists = Object.fromEntries(WATCHED_KINDS.map((k) => [k.key, [] as KubernetesObject[]])) as Record<KubeListKey, KubernetesObject[]>;
      for (const w of watched) lists[w.spec.key] = [...w.informer.list()];
      // Each informer holds what its list call returned: WATCHED_KINDS pairs each key with the call for that type.
      return { clusterName: name, clusterArn: cluster.arn ?? '', ...(lists as unknown as Pick<KubeRead, KubeListKey>) };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    status,
    errors() {
      if (setupFailure) return [setupFailure];
      const failed = watched.flatMap((w) => (w.state.kind === 'failed' ? [{ spec: w.spec, ...w.state }] : []));
      const cut = failed.find((f) => fatal(f.failure));
      return (cut ? [cut] : failed).map((f) => ({
        api: f.action,
        resource: `EKS cluster ${name}`,
        code: ERROR_CODE(f.failure),
        message: f.failure.message,
        hint: hintOf(cluster, f.spec.what, f.failure),
      }));
    },
    calls: () => ({ ...calls }),
  };
}
