import type { Cluster as EksCluster } from '@aws-sdk/client-eks';
import type { ReadError } from '../../../src/topology/model';
import type { KubeAccess, KubeRead } from './kube/reader';
import type { KubeWatch } from './kube/watch';

/**
 * A watcher's Kubernetes side: one list-then-watch per EKS cluster (kube/watch.ts), started the first time a cycle
 * meets the cluster and kept while the account lists it (`retain`), so each cycle takes the objects the watches hold instead of listing
 * them again, and a pod that changes is told at once (`onChange`) rather than at the next cycle.
 */
export function kubeWatches(access: KubeAccess) {
  const watches = new Map<string, Promise<KubeWatch>>();
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };

  const watchOf = (cluster: EksCluster): Promise<KubeWatch> => {
    const key = cluster.arn ?? cluster.name ?? '';
    let watch = watches.get(key);
    if (!watch) {
      // @kubernetes/client-node loads only when an account has EKS clusters (it is large).
      watch = import('./kube/watch').then(async ({ createKubeWatch }) => {
        const w = createKubeWatch(cluster, access);
        w.onChange(changed);
        await w.start();
        return w;
      });
      watches.set(key, watch);
      // A watch that could not even be made is made again next cycle.
      watch.catch(() => watches.delete(key));
    }
    return watch;
  };

  return {
    /** What the cluster's watch holds now; its failures join the cycle's errors */
    async read(cluster: EksCluster, errors: ReadError[]): Promise<KubeRead> {
      const watch = await watchOf(cluster);
      errors.push(...watch.errors());
      return watch.current();
    },
    /** The objects every started watch holds now, with their failures: a rebuild between AWS reads */
    async current(clusters: readonly EksCluster[]): Promise<{ reads: KubeRead[]; errors: ReadError[] }> {
      const errors: ReadError[] = [];
      const reads = await Promise.all(clusters.map((c) => this.read(c, errors)));
      return { reads, errors };
    },
    /** Stops the watches of clusters no longer in the account: `clusters` is a complete listing of it. */
    retain(clusters: readonly EksCluster[]): void {
      const listed = new Set(clusters.map((c) => c.arn ?? c.name ?? ''));
      for (const [key, watch] of watches) {
        if (listed.has(key)) continue;
        watches.delete(key);
        void watch.then(
          (w) => w.stop(),
          () => undefined,
        );
      }
    },
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close(): Promise<void> {
      const all = await Promise.allSettled(watches.values());
      for (const w of all) if (w.status === 'fulfilled') w.value.stop();
      watches.clear();
    },
  };
}
