import { ECSClient } from '@aws-sdk/client-ecs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { EKSClient } from '@aws-sdk/client-eks';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { SourceInfo, Topology } from '../../../src/topology/model';
import type { ReadOptions, TopologySource } from '../types';
import { collectEstate } from './collect';
import { createEcsReader } from './ecs';
import { createEc2Reader } from './ec2';
import { createEksReader } from './eks';
import { createElbv2Reader } from './elbv2';
import { toTopology } from './toTopology';

export interface AwsSourceOptions {
  region: string;
  /** A named profile of ~/.aws; otherwise the SDK's default chain (env, SSO, web identity, …) */
  profile?: string;
  /** One endpoint for every service (the fake AWS); AWS_ENDPOINT_URL(_<SERVICE>) are honoured by the SDK itself */
  endpoint?: string;
  /** Static credentials (the demo's fake AWS); otherwise the default chain */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Attempts per call, the SDK's adaptive retry absorbing throttling in between */
  maxAttempts?: number;
  kind: SourceInfo['kind'];
  label: string;
  /** Pace calls to AWS's published throttle buckets (on by default) */
  pace?: boolean;
}

/** The live AWS source: the SDK v3 clients, read-only, with the SDK's adaptive retry. */
export function createAwsSource(options: AwsSourceOptions): TopologySource {
  const config = {
    region: options.region,
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts ?? 8,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    credentials: options.credentials ?? fromNodeProviderChain(options.profile ? { profile: options.profile } : {}),
    requestHandler: { connectionTimeout: 5000, requestTimeout: 30000 },
  };
  const ecs = new ECSClient(config);
  const ec2 = new EC2Client(config);
  const elbv2 = new ElasticLoadBalancingV2Client(config);
  const eks = new EKSClient(config);
  return {
    label: options.label,
    async read(readOptions: ReadOptions = {}): Promise<Topology> {
      const raw = await collectEstate(
        options.region,
        (ctx) => ({ ecs: createEcsReader(ecs, ctx), ec2: createEc2Reader(ec2, ctx), elbv2: createElbv2Reader(elbv2, ctx), eks: createEksReader(eks, ctx) }),
        { ...(options.pace === false ? { pace: false } : {}), ...(readOptions.onCall ? { onCall: readOptions.onCall } : {}) },
      );
      return toTopology(raw, { kind: options.kind, label: options.label, fetchedAt: new Date().toISOString() });
    },
  };
}
