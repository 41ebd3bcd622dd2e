import {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  NetworkingV1Api,
  ResponseContext,
  SelfDecodingBody,
  type ConfigurationOptions,
  type ObservableMiddleware,
  type V1DaemonSet,
  type V1Deployment,
  type V1Ingress,
  type V1Job,
  type V1Node,
  type V1Pod,
  type V1ReplicaSet,
  type V1Service,
  type V1StatefulSet,
} from '@kubernetes/client-node';
// The client's own Observable helper (its middleware speaks Observables, and the package exports no other way to make one).
import { from, of } from '@kubernetes/client-node/dist/gen/rxjsStub.js';
import { STATUS_CODES } from 'node:http';
import type { Cluster as EksCluster } from '@aws-sdk/client-eks';
import type { ReadError } from '../../../../src/topology/model';
import { DeadlineExceeded, seconds, type Deadline } from '../deadline';

/** A TargetGroupBinding of the AWS Load Balancer Controller (elbv2.k8s.aws/v1beta1), the fields Fleetmap uses. */
export interface TargetGroupBinding {
  metadata?: { name?: string; namespace?: string };
  spec?: { targetGroupARN?: string; targetType?: string; serviceRef?: { name?: string; port?: number | string } };
}

/** Everything one cluster's Kubernetes API gave, as @kubernetes/client-node returned it. */
export interface KubeRead {
  clusterName: string;
  clusterArn: string;
  nodes: V1Node[];
  pods: V1Pod[];
  services: V1Service[];
  deployments: V1Deployment[];
  replicaSets: V1ReplicaSet[];
  daemonSets: V1DaemonSet[];
  statefulSets: V1StatefulSet[];
  jobs: V1Job[];
  ingresses: V1Ingress[];
  targetGroupBindings: TargetGroupBinding[];
}

/** kubectl's chunk size: a page of 500 keeps each answer small and the call count low. */
export const KUBE_PAGE = 500;
/** A private endpoint seen from outside its VPC does not refuse, it never answers: give up on a page after this. */
export const KUBE_TIMEOUT_MS = 10_000;

/** The API server URL of an EKS endpoint: "https://x/" would make "//api/v1/nodes", which the API server does not serve. */
export function apiServer(endpoint: string): string {
  return endpoint.replace(/\/+$/, '');
}

/** What a refused request's body said: a Kubernetes Status carries a readable `message`. */
export interface StatusSeen {
  message?: string;
}

/** The `message` of a Kubernetes Status body, if the text is one. */
function statusMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === 'string' && body.message.trim() ? body.message : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Per-call options that abort the request itself (not only the wait for it) when `signal` does, and keep the
 * Status message of a refusal in `seen`: the client drops the body of a 401 (its exception then holds only
 * "Body: undefined"), so it is read here and handed back whole for the client's own parsing.
 */
export function callOptions(signal: AbortSignal, seen: StatusSeen): ConfigurationOptions {
  const middleware: ObservableMiddleware = {
    pre: (request) => {
      request.setSignal(signal);
      return of(request);
    },
    post: (response) => {
      if (response.httpStatusCode < 400) return of(response);
      const body = response.body.binary();
      return from(
        body.then((bytes) => {
          const message = statusMessage(bytes.toString('utf8'));
          if (message) seen.message = message;
          return new ResponseContext(response.httpStatusCode, response.headers, new SelfDecodingBody(Promise.resolve(bytes)));
        }),
      );
    },
  };
  return { middleware: [middleware], middlewareMergeStrategy: 'append' };
}

export const VIEW_POLICY_ARN = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';

export interface KubeAccess {
  /** Bearer token for a cluster (the EKS token); used when no kubeconfig context serves the cluster */
  token(clusterName: string): Promise<string>;
  /** A kubeconfig file whose context for the cluster's endpoint (or the named context) is used instead */
  kubeconfig?: string;
  context?: string;
}

export interface Failure {
  status?: number;
  code?: string;
  message: string;
}

/** What a 401 means on EKS when the Status says no more than "Unauthorized". */
const STATUS_MEANING: Readonly<Record<number, string>> = {
  401: 'the cluster does not know this identity',
};

/** One line: the client's messages and some Status messages span several. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * "401 Unauthorized: the cluster does not know this identity", "403 Forbidden: pods is forbidden: …": the status,
 * then the Status message when it says more than the reason phrase. The client's own exception text ("HTTP-Code:
 * …\nHeaders: {…}") is never shown.
 */
export function failureOf(e: unknown, seen: StatusSeen): Failure {
  const err = e as { code?: unknown; message?: string; cause?: { code?: string } };
  if (typeof err.code === 'number') {
    const status = err.code;
    const reason = STATUS_CODES[status] ?? 'HTTP error';
    const said = seen.message && seen.message.toLowerCase() !== reason.toLowerCase() ? seen.message : STATUS_MEANING[status];
    return { status, message: oneLine(said ? `${status} ${reason}: ${said}` : `${status} ${reason}`) };
  }
  const code = err.cause?.code ?? (typeof err.code === 'string' ? err.code : undefined) ?? 'Error';
  return { code, message: oneLine(err.message ?? String(e)) };
}

export function hintOf(cluster: EksCluster, what: string, f: Failure): string {
  const name = cluster.name ?? '';
  if (f.status === 401) {
    return `The identity Fleetmap reads with is not mapped in cluster ${name}: add an EKS access entry for it (aws eks create-access-entry --cluster-name ${name} --principal-arn <role>) and associate ${VIEW_POLICY_ARN} with cluster scope, or map it in aws-auth.`;
  }
  if (f.status === 403) {
    return what === 'targetgroupbindings' || what === 'nodes'
      ? `RBAC in cluster ${name} does not let Fleetmap list ${what === 'nodes' ? 'nodes (cluster-scoped)' : 'targetgroupbindings.elbv2.k8s.aws (a CRD)'}, which the view policy may not cover: apply iam/fleetmap-kubernetes-reader.yaml and add its group (fleetmap-readers) to Fleetmap's access entry.`
      : `RBAC in cluster ${name} does not let Fleetmap list ${what}: associate ${VIEW_POLICY_ARN} with its access entry (cluster scope), or apply iam/fleetmap-kubernetes-reader.yaml.`;
  }
  if (f.status === undefined) {
    const access = cluster.resourcesVpcConfig?.endpointPublicAccess
      ? 'check the network path and the endpoint’s public access CIDRs'
      : 'the endpoint is private-only: run Fleetmap inside the VPC (or over VPN or peering), or enable public endpoint access for your address';
    return `Could not reach the Kubernetes API of ${name} at ${cluster.endpoint ?? '(no endpoint)'}: ${access}.`;
  }
  return `The Kubernetes API of ${name} answered ${f.status} to list ${what}; the rest of the estate is still drawn.`;
}

/** The kubeconfig context that serves this cluster's endpoint, when a kubeconfig was given; else the EKS token. */
export async function kubeConfigFor(cluster: EksCluster, access: KubeAccess): Promise<KubeConfig> {
  const kc = new KubeConfig();
  const name = cluster.name ?? 'eks';
  if (access.kubeconfig) {
    kc.loadFromFile(access.kubeconfig);
    const norm = (s: string | undefined) => apiServer(s ?? '');
    const byEndpoint = kc.getContexts().find((c) => norm(kc.getCluster(c.cluster)?.server) === norm(cluster.endpoint));
    const named = access.context ? kc.getContexts().find((c) => c.name === access.context) : undefined;
    const chosen = named && norm(kc.getCluster(named.cluster)?.server) === norm(cluster.endpoint) ? named : byEndpoint;
    if (chosen) {
      kc.setCurrentContext(chosen.name);
      return kc;
    }
  }
  const token = await access.token(name);
  kc.loadFromOptions({
    clusters: [{ name, server: apiServer(cluster.endpoint ?? ''), caData: cluster.certificateAuthority?.data ?? '', skipTLSVerify: false }],
    users: [{ name: 'fleetmap', token }],
    contexts: [{ name, cluster: name, user: 'fleetmap' }],
    currentContext: name,
  });
  return kc;
}

interface Page<T> {
  items: T[];
  metadata?: { _continue?: string; continue?: string };
}

/**
 * Reads one cluster's Kubernetes API: nodes, pods, workloads, Services, Ingresses and TargetGroupBindings, each
 * listed across namespaces in pages of KUBE_PAGE. A 401 or an unreachable endpoint stops this cluster with one
 * error; a 403 costs only the resource refused; a missing TargetGroupBinding CRD means no Load Balancer Controller.
 */
export async function readKube(
  cluster: EksCluster,
  access: KubeAccess,
  sink: { errors: ReadError[]; calls: Record<string, number>; onCall?: ((action: string) => void) | undefined; deadline?: Deadline },
): Promise<KubeRead | undefined> {
  const name = cluster.name ?? '';
  const out: KubeRead = {
    clusterName: name,
    clusterArn: cluster.arn ?? '',
    nodes: [],
    pods: [],
    services: [],
    deployments: [],
    replicaSets: [],
    daemonSets: [],
    statefulSets: [],
    jobs: [],
    ingresses: [],
    targetGroupBindings: [],
  };
  if (!cluster.endpoint) return undefined;
  let kc: KubeConfig;
  try {
    kc = await kubeConfigFor(cluster, access);
  } catch (e) {
    sink.errors.push({
      api: 'k8s:token',
      resource: name,
      code: 'Error',
      message: e instanceof Error ? e.message : String(e),
      hint: 'Fleetmap could not make a Kubernetes token from its AWS credentials.',
    });
    return undefined;
  }
  const core = kc.makeApiClient(CoreV1Api);
  const apps = kc.makeApiClient(AppsV1Api);
  const batch = kc.makeApiClient(BatchV1Api);
  const networking = kc.makeApiClient(NetworkingV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);

  let fatal = false;
  const { deadline } = sink;
  const timedOut = (action: string, message: string) => {
    fatal = true;
    const limit = seconds(deadline?.ms ?? 0);
    sink.errors.push({
      api: action,
      resource: `EKS cluster ${name}`,
      code: 'ReadTimeout',
      message,
      hint: `The read stops after ${limit} (--read-timeout) and draws what answered: check the network path to ${cluster.endpoint ?? 'the endpoint'}, or raise --read-timeout.`,
    });
  };
  const list = async <T>(what: string, page: (cont: string | undefined, options: ConfigurationOptions) => Promise<Page<T>>, optional = false): Promise<T[]> => {
    const items: T[] = [];
    let cont: string | undefined;
    do {
      if (fatal) return items;
      const action = `k8s:list ${what}`;
      if (deadline?.expired()) {
        timedOut(action, `${action} was not called: the read's deadline of ${seconds(deadline.ms)} had passed`);
        return items;
      }
      const seen: StatusSeen = {};
      try {
        // The request is aborted at the page timeout or the read's deadline, whichever comes first.
        const pageTimeout = AbortSignal.timeout(KUBE_TIMEOUT_MS);
        const signal = deadline ? AbortSignal.any([deadline.signal, pageTimeout]) : pageTimeout;
        const request = page(cont, callOptions(signal, seen));
        const res = await (deadline ? deadline.race(request) : request).catch((e: unknown) => {
          if (pageTimeout.aborted && !deadline?.expired()) throw Object.assign(new Error(`no answer in ${KUBE_TIMEOUT_MS / 1000} s`), { code: 'ETIMEDOUT' });
          throw e;
        });
        sink.calls[action] = (sink.calls[action] ?? 0) + 1;
        sink.onCall?.(action);
        items.push(...(res.items ?? []));
        cont = res.metadata?._continue ?? res.metadata?.continue ?? undefined;
      } catch (e) {
        sink.calls[action] = (sink.calls[action] ?? 0) + 1;
        sink.onCall?.(action);
        if (e instanceof DeadlineExceeded || deadline?.expired()) {
          // One error for the cluster: every list in flight stopped at the same moment, for the same reason.
          if (!fatal) timedOut(action, `${action} in EKS cluster ${name} did not answer within ${seconds(deadline?.ms ?? 0)}, the read's deadline`);
          return items;
        }
        const f = failureOf(e, seen);
        if (optional && f.status === 404) return items;
        // Without authentication or a route to the API nothing else will be read: say it once for the cluster.
        if (f.status === 401 || f.status === undefined) {
          if (!fatal) {
            sink.errors.push({
              api: action,
              resource: `EKS cluster ${name}`,
              code: f.status === 401 ? 'Unauthorized' : (f.code ?? 'Unreachable'),
              message: f.message,
              hint: hintOf(cluster, what, f),
            });
          }
          fatal = true;
          return items;
        }
        sink.errors.push({
          api: action,
          resource: `EKS cluster ${name}`,
          code: f.status === 403 ? 'Forbidden' : `HTTP ${f.status}`,
          message: f.message,
          hint: hintOf(cluster, what, f),
        });
        return items;
      }
    } while (cont);
    return items;
  };
  const page = { limit: KUBE_PAGE };
  // Nodes first: an authentication or network failure shows there, and the other lists are not attempted.
  out.nodes = await list('nodes', (c, o) => core.listNode({ ...page, ...(c ? { _continue: c } : {}) }, o));
  if (fatal) return out;
  const [pods, services, deployments, replicaSets, daemonSets, statefulSets, jobs, ingresses, tgbs] = await Promise.all([
    list('pods', (c, o) => core.listPodForAllNamespaces({ ...page, ...(c ? { _continue: c } : {}) }, o)),
    list('services', (c, o) => core.listServiceForAllNamespaces({ ...page, ...(c ? { _continue: c } : {}) }, o)),
    list('deployments', (c, o) => apps.listDeploymentForAllNamespaces({ ...page, ...(c ? { _continue: c } : {}) }, o)),
    list('replicasets', (c, o) => apps.listReplicaSetForAllNamespaces({ ...page, ...(c ? { _continue: c } : {}) }, o)),
    list('daemonsets', (c, o) => apps.listDaemonSetForAllNamespaces({ ...page, ...(c ? { _continue: c } : {}) }, o)),
    list('statefulsets', (c, o) => apps.listStatefulSetForAllNamespaces({ ...page, ...(c ? { _continue: c } : {}) }, o)),
    list('jobs', (c, o) => batch.listJobForAllNamespaces({ ...page, ...(c ? { _continue: c } : {}) }, o)),
    list('ingresses', (c, o) => networking.listIngressForAllNamespaces({ ...page, ...(c ? { _continue: c } : {}) }, o)),
    list(
      'targetgroupbindings',
      (c, o) =>
        custom.listClusterCustomObject(
          {
            group: 'elbv2.k8s.aws',
            version: 'v1beta1',
            plural: 'targetgroupbindings',
            ...page,
            ...(c ? { _continue: c } : {}),
          },
          o,
        ) as Promise<Page<TargetGroupBinding>>,
      true,
    ),
  ]);
  Object.assign(out, { pods, services, deployments, replicaSets, daemonSets, statefulSets, jobs, ingresses, targetGroupBindings: tgbs });
  return out;
}
