import {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  CustomObjectsApi,
  NetworkingV1Api,
  type ConfigurationOptions,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import type { KubeRead } from './reader';

/** The lists of KubeRead, each one Kubernetes resource. */
export type KubeListKey = Exclude<keyof KubeRead, 'clusterName' | 'clusterArn'>;

export interface KubePage {
  items: KubernetesObject[];
  metadata?: { _continue?: string | undefined; continue?: string | undefined; resourceVersion?: string | undefined } | undefined;
}

export interface WatchedKind {
  key: KubeListKey;
  /** The plural resource name, as errors and call counts say it */
  what: string;
  /** The cluster-wide collection path, which the watch requests */
  path: string;
  /** A missing CRD (404) means the controller is not installed: nothing to watch, and no error */
  optional?: boolean;
  page: (kc: KubeConfig, page: { limit: number; _continue?: string }, options: ConfigurationOptions) => Promise<KubePage>;
}

// The client's list types are per kind; the informer needs only items and metadata, so each page is widened once here.
const widen = <T extends KubernetesObject>(p: Promise<{ items: T[]; metadata?: KubePage['metadata'] | undefined }>): Promise<KubePage> => p;

/** Every resource the reader lists, watched the same way: the table the watcher walks. */
export const WATCHED_KINDS: readonly WatchedKind[] = [
  { key: 'nodes', what: 'nodes', path: '/api/v1/nodes', page: (kc, p, o) => widen(kc.makeApiClient(CoreV1Api).listNode(p, o)) },
  { key: 'pods', what: 'pods', path: '/api/v1/pods', page: (kc, p, o) => widen(kc.makeApiClient(CoreV1Api).listPodForAllNamespaces(p, o)) },
  {
    key: 'services',
    what: 'services',
    path: '/api/v1/services',
    page: (kc, p, o) => widen(kc.makeApiClient(CoreV1Api).listServiceForAllNamespaces(p, o)),
  },
  {
    key: 'deployments',
    what: 'deployments',
    path: '/apis/apps/v1/deployments',
    page: (kc, p, o) => widen(kc.makeApiClient(AppsV1Api).listDeploymentForAllNamespaces(p, o)),
  },
  {
    key: 'replicaSets',
    what: 'replicasets',
    path: '/apis/apps/v1/replicasets',
    page: (kc, p, o) => widen(kc.makeApiClient(AppsV1Api).listReplicaSetForAllNamespaces(p, o)),
  },
  {
    key: 'daemonSets',
    what: 'daemonsets',
    path: '/apis/apps/v1/daemonsets',
    page: (kc, p, o) => widen(kc.makeApiClient(AppsV1Api).listDaemonSetForAllNamespaces(p, o)),
  },
  {
    key: 'statefulSets',
    what: 'statefulsets',
    path: '/apis/apps/v1/statefulsets',
    page: (kc, p, o) => widen(kc.makeApiClient(AppsV1Api).listStatefulSetForAllNamespaces(p, o)),
  },
  { key: 'jobs', what: 'jobs', path: '/apis/batch/v1/jobs', page: (kc, p, o) => widen(kc.makeApiClient(BatchV1Api).listJobForAllNamespaces(p, o)) },
  {
    key: 'ingresses',
    what: 'ingresses',
    path: '/apis/networking.k8s.io/v1/ingresses',
    page: (kc, p, o) => widen(kc.makeApiClient(NetworkingV1Api).listIngressForAllNamespaces(p, o)),
  },
  {
    key: 'targetGroupBindings',
    what: 'targetgroupbindings',
    path: '/apis/elbv2.k8s.aws/v1beta1/targetgroupbindings',
    optional: true,
    page: (kc, p, o) =>
      kc
        .makeApiClient(CustomObjectsApi)
        .listClusterCustomObject({ group: 'elbv2.k8s.aws', version: 'v1beta1', plural: 'targetgroupbindings', ...p }, o) as Promise<KubePage>,
  },
];
