import type { Cluster as EksCluster } from '@aws-sdk/client-eks';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { ReadError, SourceInfo, Topology } from '../../../src/topology/model';
import type { ReadOptions, TopologySource } from '../types';
import { createAwsClients, type AwsService } from './clients';
import { collectEstate } from './collect';
import { DEFAULT_READ_TIMEOUT_MS } from './deadline';
import { createEcsReader } from './ecs';
import { createEc2Reader } from './ec2';
import { createEksReader } from './eks';
import { createElbv2Reader } from './elbv2';
import { createReadCache, incrementalReaders } from './incremental';
import { kubeWatches } from './kubeWatches';
import type { RawEstate } from './raw';
import { setAccountShare } from './pacing';
import { eksToken, TOKEN_LIFETIME_MS } from './kube/token';
import { redactTopology } from '../../../src/topology/redact/redact';
import { toTopology } from './toTopology';

export interface AwsSourceOptions {
  region: string;
  /** A named profile of ~/.aws; otherwise the SDK's default chain (env, SSO, web identity, …) */
  profile?: string;
  /** One endpoint for every service (the fake AWS); AWS_ENDPOINT_URL(_<SERVICE>) are honoured by the SDK itself */
  endpoint?: string;
  /** An endpoint per service, over `endpoint` */
  endpoints?: Partial<Record<AwsService, string>>;
  /** Static credentials (the demo's fake AWS); otherwise the default chain */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Attempts per call, the SDK's adaptive retry absorbing throttling in between */
  maxAttempts?: number;
  kind: SourceInfo['kind'];
  label: string;
  /** Pace calls to AWS's published throttle buckets (on by default) */
  pace?: boolean;
  /** A kubeconfig whose context for an EKS cluster's endpoint is used instead of an EKS token */
  kubeconfig?: string;
  /** The kubeconfig context to prefer */
  kubeContext?: string;
  /** A whole read's deadline, after which what was read is returned with an error per unfinished call (default 120 s) */
  readTimeoutMs?: number;
  /** One attempt of one call: connecting, answering, or a silent socket (default 30 s) */
  requestTimeoutMs?: number;
  /** How long an incremental read trusts what changes rarely (VPCs, subnets, balancers…); default 5 minutes */
  rarelyChangingMs?: number;
}

/** The live AWS source: the SDK v3 clients, read-only, with the SDK's adaptive retry. */
export function createAwsSource(options: AwsSourceOptions): TopologySource {
  const credentials = options.credentials ?? fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  const { ecs, ec2, elbv2, eks } = createAwsClients({
    region: options.region,
    maxAttempts: options.maxAttempts ?? 8,
    credentials,
    endpoint: options.endpoint,
    endpoints: options.endpoints,
    requestTimeoutMs: options.requestTimeoutMs,
  });
  // AWS's buckets are per account and Region; STS is not called, so the identity read with and the endpoints stand
  // for the account: every source built for them in this process paces against the same buckets.
  const account = JSON.stringify([options.profile ?? options.credentials?.accessKeyId ?? 'default chain', options.endpoint ?? '', options.endpoints ?? {}]);
  // EKS tokens are presigned with the same credentials the SDK clients use, and reused until a minute before STS
  // would stop honouring them.
  const tokens = new Map<string, { token: Promise<string>; until: number }>();
  const token = (clusterName: string): Promise<string> => {
    const cached = tokens.get(clusterName);
    if (cached && cached.until > Date.now()) return cached.token;
    const made = eksToken({ clusterName, region: options.region, credentials });
    tokens.set(clusterName, { token: made, until: Date.now() + TOKEN_LIFETIME_MS });
    return made;
  };
  const kubeAccess = {
    token,
    ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
    ...(options.kubeContext ? { context: options.kubeContext } : {}),
  };
  // What a watcher's cycles keep from one read to the next (incremental.ts); one-shot reads never touch it.
  const cache = createReadCache(options.rarelyChangingMs !== undefined ? { rarelyChangingMs: options.rarelyChangingMs } : {});
  /** Reads on a budget pace against their own share of the account's buckets (pacing.ts). */
  const accountAt = (share: number | undefined) => {
    if (share === undefined || share === 1) return account;
    const budgeted = JSON.stringify([account, share]);
    setAccountShare(budgeted, share);
    return budgeted;
  };
  // A watcher's cycles take each EKS cluster's objects from a list-then-watch instead of listing them again.
  const watches = kubeWatches(kubeAccess);
  /** The last incremental read's AWS answers (its Kubernetes failures apart), to rebuild from between reads */
  let lastAws: RawEstate | undefined;
  const collect = async (readOptions: ReadOptions): Promise<RawEstate> => {
    if (readOptions.betweenReads && lastAws) {
      const { reads, errors } = await watches.current(lastAws.eksClusters);
      return { ...lastAws, kube: reads, errors: [...lastAws.errors, ...errors], calls: {}, retries: 0, durationMs: 0 };
    }
    const kubeErrors: ReadError[] = [];
    const raw = await collectEstate(
      options.region,
      (ctx) => {
        const readers = {
          ecs: createEcsReader(ecs, ctx),
          ec2: createEc2Reader(ec2, ctx),
          elbv2: createElbv2Reader(elbv2, ctx),
          eks: createEksReader(eks, ctx),
          // @kubernetes/client-node loads only when an account has EKS clusters (it is large; snapshots and exports never need it).
          kube: readOptions.incremental
            ? (cluster: EksCluster) => watches.read(cluster, kubeErrors)
            : (cluster: EksCluster) => import('./kube/reader').then((m) => m.readKube(cluster, kubeAccess, ctx)),
        };
        return readOptions.incremental ? incrementalReaders(readers, cache) : readers;
      },
      {
        ...(options.pace === false ? { pace: false } : {}),
        ...(readOptions.onCall ? { onCall: readOptions.onCall } : {}),
        account: accountAt(readOptions.apiBudget),
        readTimeoutMs: options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
      },
    );
    if (!readOptions.incremental) return raw;
    lastAws = raw;
    // Only a complete listing says a cluster is gone: a refused or failed ListClusters or DescribeCluster does not.
    if (!raw.errors.some((e) => e.api === 'eks:ListClusters' || e.api === 'eks:DescribeCluster')) watches.retain(raw.eksClusters);
    return { ...raw, errors: [...raw.errors, ...kubeErrors] };
  };
  return {
    label: options.label,
    watch: (onChange) => watches.onChange(onChange),
    close: () => watches.close(),
    async read(readOptions: ReadOptions = {}): Promise<Topology> {
      const raw = await collect(readOptions);
      // The one redaction pass for a live read: nothing the proxy serves, saves or exports has seen the raw values.
      return redactTopology(toTopology(raw, { kind: options.kind, label: options.label, fetchedAt: Date.now() }));
    },
  };
}
