import { ECSClient } from '@aws-sdk/client-ecs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { EKSClient } from '@aws-sdk/client-eks';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, HttpHandlerOptions } from '@smithy/types';
import { checkAnswers, type WireProtocol } from './answers';
import { readSignal } from './deadline';

export type AwsService = 'ecs' | 'ec2' | 'elbv2' | 'eks';

export interface AwsClients {
  ecs: ECSClient;
  ec2: EC2Client;
  elbv2: ElasticLoadBalancingV2Client;
  eks: EKSClient;
}

/** Each client's wire protocol, which its answers are checked against (answers.ts). */
const PROTOCOL: Record<AwsService, WireProtocol> = { ecs: 'awsJson1_1', ec2: 'ec2Query', elbv2: 'awsQuery', eks: 'restJson1' };

/** Per attempt: AWS answers a describe in well under a second; a black hole must not hold an attempt for longer. */
export const REQUEST_TIMEOUT_MS = 30_000;
const CONNECTION_TIMEOUT_MS = 5_000;

export interface ClientOptions {
  region: string;
  maxAttempts: number;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** One endpoint for every service */
  endpoint?: string | undefined;
  /** Per service, over `endpoint` */
  endpoints?: Partial<Record<AwsService, string>> | undefined;
  requestTimeoutMs?: number | undefined;
}

/**
 * The SDK's Node handler with every timeout on: connecting, the whole request (throwOnRequestTimeout turns the
 * SDK's warning into an error) and an idle socket (an answer whose headers came and whose body stalls). Each
 * request also carries the abort signal of the read it belongs to, so a read's deadline ends its calls and their
 * retries.
 */
function requestHandler(requestTimeoutMs: number) {
  const node = new NodeHttpHandler({
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    requestTimeout: requestTimeoutMs,
    throwOnRequestTimeout: true,
    socketTimeout: requestTimeoutMs,
  });
  return {
    metadata: node.metadata,
    handle: (request: Parameters<NodeHttpHandler['handle']>[0], options: HttpHandlerOptions = {}) => {
      const signal = options.abortSignal ?? readSignal.getStore();
      return node.handle(request, signal ? { ...options, abortSignal: signal } : options);
    },
    updateHttpClientConfig: node.updateHttpClientConfig.bind(node),
    httpHandlerConfigs: node.httpHandlerConfigs.bind(node),
    destroy: () => node.destroy(),
  };
}

/** The four read-only SDK v3 clients, with the SDK's adaptive retry. */
export function createAwsClients(options: ClientOptions): AwsClients {
  const config = (service: AwsService) => {
    const endpoint = options.endpoints?.[service] ?? options.endpoint;
    return {
      region: options.region,
      retryMode: 'adaptive',
      maxAttempts: options.maxAttempts,
      ...(endpoint ? { endpoint } : {}),
      credentials: options.credentials,
      // One handler (and socket pool) per client, as the SDK makes by default.
      requestHandler: requestHandler(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS),
    };
  };
  const clients: AwsClients = {
    ecs: new ECSClient(config('ecs')),
    ec2: new EC2Client(config('ec2')),
    elbv2: new ElasticLoadBalancingV2Client(config('elbv2')),
    eks: new EKSClient(config('eks')),
  };
  clients.ecs.middlewareStack.use(checkAnswers(PROTOCOL.ecs));
  clients.ec2.middlewareStack.use(checkAnswers(PROTOCOL.ec2));
  clients.elbv2.middlewareStack.use(checkAnswers(PROTOCOL.elbv2));
  clients.eks.middlewareStack.use(checkAnswers(PROTOCOL.eks));
  return clients;
}
