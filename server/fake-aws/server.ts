import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { awsBucket, Throttle, type AwsService } from './awsLimits';
import { answerCallLog, CALL_LOG_SIZE, loggedCall, trimCalls } from './callLog';
import { answerChurn } from './churnRoute';
import { syncKube } from './kubeSync';
import { ECS_TARGET_PREFIX, ecsOperation } from './ecs-json';
import { EC2_VERSION, ec2Operation } from './ec2-query';
import { eksOperation, eksOperationOf } from './eks-rest';
import { ELBV2_VERSION, elbv2Operation } from './elbv2-query';
import { FAKE_CREDENTIALS, type StaticCredentials } from './kube-auth';
import type { FakeKube, KubeAccess, KubeCall } from './kube-api';
import { connectionFault, faultFor, startBlackHole, wireFault, withItemFault, type ConnectionFault, type Fault } from './faults';
import { AwsError, escapeXml, objectXml, requestId, type FakeResponse } from './protocol';
import { seededRandom, str, type KubeResource, type World } from './world';

export type FakeService = AwsService;

export interface FakeAwsOptions {
  world: World;
  host?: string;
  /** 0 picks a free port */
  port?: number;
  /** Added to every answer, as a network round trip to AWS would */
  latencyMs?: number;
  /** Enforce AWS's token buckets (awsLimits.ts); scale < 1 shrinks them to provoke a throttling storm */
  throttle?: { scale?: number };
  /** Also throttle this fraction of calls at random (seeded), on top of the buckets */
  throttleChance?: number;
  /** IAM actions the caller lacks, e.g. "elasticloadbalancing:DescribeTargetHealth" */
  deny?: readonly string[];
  /** Largest page any list returns, to exercise pagination on small worlds */
  pageCap?: number;
  /** The credentials whose signatures the fake accepts (EKS tokens are checked against them) */
  credentials?: readonly StaticCredentials[];
  /** Per EKS cluster name: how its Kubernetes API treats Fleetmap, and which resources RBAC refuses */
  kube?: {
    /** 'unreachable': nothing listens; 'black-hole': connections are accepted and never answered */
    access?: Record<string, KubeAccess | 'unreachable' | 'black-hole'>;
    forbid?: Record<string, KubeResource[]>;
    /** DescribeCluster writes each endpoint with a trailing slash, as some AWS-compatible endpoints do */
    trailingSlash?: boolean;
  };
  /** Wrong answers on purpose, per IAM action: a proxy's HTML page, an empty body, a null item, a black hole (faults.ts) */
  faults?: readonly Fault[];
  /** Calls `calls` and `GET /_fake/calls` keep, newest last (default 100,000) */
  callLogSize?: number;
}

export interface CallRecord {
  service: FakeService;
  operation: string;
  /** The IAM action, e.g. ecs:DescribeTasks */
  action: string;
  status: number;
  code?: string;
  /** amz-sdk-request: attempt=N, so tests can count retries */
  attempt: number;
  /** ms after the fake started when the request arrived */
  at: number;
  /** for ECS, the JSON body; for the query protocols, the form parameters */
  params: string;
}

export interface FakeAws {
  url: string;
  port: number;
  /** The newest calls, at most `callLogSize` of them; also served as JSON by `GET /_fake/calls` */
  calls: CallRecord[];
  /** The world the fake answers from now */
  readonly world: World;
  /** Answers from `next` from the next request on, as AWS answers from the estate as it is when asked */
  setWorld(next: World): void;
  /** The Kubernetes API server of each EKS cluster that has one, by cluster name */
  kube: Map<string, FakeKube>;
  kubeCalls(): KubeCall[];
  close(): Promise<void>;
}

/** A loopback port nothing listens on: what a private endpoint looks like from outside its VPC, minus the wait. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Starts each EKS cluster's Kubernetes API and returns DescribeCluster's endpoint and CA for it. */
async function startKubeApis(options: FakeAwsOptions): Promise<{
  servers: Map<string, FakeKube>;
  endpoints: Map<string, { endpoint: string; ca: string }>;
  close: () => Promise<void>;
}> {
  const { world } = options;
  const servers = new Map<string, FakeKube>();
  const endpoints = new Map<string, { endpoint: string; ca: string }>();
  const holes: (() => Promise<void>)[] = [];
  const slash = options.kube?.trailingSlash ? '/' : '';
  for (const cluster of world.eks?.clusters ?? []) {
    const name = str(cluster, 'name');
    const objects = world.kube?.[name];
    if (!objects) continue;
    const access = options.kube?.access?.[name] ?? 'ok';
    if (access === 'unreachable') {
      endpoints.set(name, { endpoint: `https://127.0.0.1:${await closedPort()}${slash}`, ca: '' });
      continue;
    }
    if (access === 'black-hole') {
      const hole = await startBlackHole();
      holes.push(hole.close);
      endpoints.set(name, { endpoint: `https://127.0.0.1:${hole.port}${slash}`, ca: '' });
      continue;
    }
    const { startFakeKube } = await import('./kube-api');
    const kube = await startFakeKube({
      clusterName: name,
      region: world.region,
      accountId: world.accountId,
      objects,
      credentials: options.credentials ?? FAKE_CREDENTIALS,
      access,
      forbid: options.kube?.forbid?.[name] ?? [],
      ...(options.pageCap ? { pageCap: options.pageCap } : {}),
      ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
    });
    servers.set(name, kube);
    endpoints.set(name, { endpoint: `${kube.url}${slash}`, ca: Buffer.from(kube.caPem).toString('base64') });
  }
  const close = async () => {
    await Promise.all([...servers.values()].map((k) => k.close()));
    await Promise.all(holes.map((c) => c()));
  };
  return { servers, endpoints, close };
}

const IAM_PREFIX: Record<FakeService, string> = { ecs: 'ecs', ec2: 'ec2', elbv2: 'elasticloadbalancing', eks: 'eks' };
const USER = (w: World) => `arn:aws:iam::${w.accountId}:user/fleetmap-reader`;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The error envelope of each protocol, as SDK v3 and the AWS CLI parse them. */
function errorResponse(service: FakeService, e: AwsError): FakeResponse {
  if (service === 'ecs') {
    return { status: e.status, contentType: 'application/x-amz-json-1.1', body: JSON.stringify({ __type: e.code, message: e.message }), errorCode: e.code };
  }
  if (service === 'eks') {
    // restJson1: the error type travels in a header, the message in a JSON body.
    return {
      status: e.status,
      contentType: 'application/json',
      body: JSON.stringify({ message: e.message }),
      errorCode: e.code,
      headers: { 'x-amzn-errortype': e.code },
    };
  }
  if (service === 'ec2') {
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(e.code)}</Code><Message>${escapeXml(e.message)}</Message></Error></Errors><RequestID>${requestId()}</RequestID></Response>`;
    return { status: e.status, contentType: 'text/xml;charset=UTF-8', body, errorCode: e.code };
  }
  const body = `<ErrorResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/${ELBV2_VERSION}/"><Error><Type>Sender</Type><Code>${escapeXml(e.code)}</Code><Message>${escapeXml(e.message)}</Message></Error><RequestId>${requestId()}</RequestId></ErrorResponse>`;
  return { status: e.status, contentType: 'text/xml', body, errorCode: e.code };
}

/** Each service's own throttling error (ECS 400 ThrottlingException, EC2 503 RequestLimitExceeded, ELBv2 400 Throttling). */
function throttled(service: FakeService): AwsError {
  if (service === 'ecs') return new AwsError('ThrottlingException', 'Rate exceeded', 400);
  if (service === 'ec2') return new AwsError('RequestLimitExceeded', 'Request limit exceeded.', 503);
  if (service === 'eks') return new AwsError('ThrottlingException', 'Rate exceeded', 429);
  return new AwsError('Throttling', 'Rate exceeded', 400);
}

function denied(service: FakeService, action: string, world: World): AwsError {
  const text = `User: ${USER(world)} is not authorized to perform: ${action} on resource: * because no identity-based policy allows the ${action} action`;
  if (service === 'ecs') return new AwsError('AccessDeniedException', text, 400);
  if (service === 'ec2') return new AwsError('UnauthorizedOperation', `You are not authorized to perform this operation. ${text}`, 403);
  if (service === 'eks') return new AwsError('AccessDeniedException', text, 403);
  return new AwsError('AccessDenied', text, 403);
}

function classify(req: IncomingMessage, body: string): { service: FakeService; operation: string; params: URLSearchParams; args?: string[] } {
  const url = new URL(req.url ?? '/', 'http://fake');
  const eks = eksOperationOf(req.method ?? 'GET', url.pathname);
  if (eks) return { service: 'eks', operation: eks.operation, params: url.searchParams, args: eks.args };
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string' && target.startsWith(ECS_TARGET_PREFIX)) {
    return { service: 'ecs', operation: target.slice(ECS_TARGET_PREFIX.length), params: new URLSearchParams() };
  }
  const params = new URLSearchParams(body);
  const version = params.get('Version');
  const operation = params.get('Action') ?? '';
  if (version === EC2_VERSION) return { service: 'ec2', operation, params };
  if (version === ELBV2_VERSION) return { service: 'elbv2', operation, params };
  throw new AwsError('UnknownService', `No service answers Version=${version ?? '(none)'} here.`);
}

export async function startFakeAws(options: FakeAwsOptions): Promise<FakeAws> {
  let world = options.world;
  const calls: CallRecord[] = [];
  const callLogSize = options.callLogSize ?? CALL_LOG_SIZE;
  const startedAt = Date.now();
  const buckets = new Map<string, Throttle>();
  const chance = seededRandom(7);
  const deny = new Set(options.deny ?? []);
  const pageCap = options.pageCap ?? Number.MAX_SAFE_INTEGER;
  const kube = await startKubeApis(options);
  let churned = 0;

  const takeToken = (service: FakeService, operation: string): boolean => {
    if (!options.throttle) return true;
    const drawn = awsBucket(service, operation);
    if (!drawn) return true;
    let bucket = buckets.get(drawn.key);
    if (!bucket) {
      const scale = options.throttle.scale ?? 1;
      bucket = new Throttle({ capacity: Math.max(1, drawn.bucket.capacity * scale), refillPerSecond: drawn.bucket.refillPerSecond * scale }, Date.now());
      buckets.set(drawn.key, bucket);
    }
    return bucket.tryTake(Date.now());
  };

  const answer = (service: FakeService, operation: string, body: string, params: URLSearchParams, args: string[]): FakeResponse => {
    const action = `${IAM_PREFIX[service]}:${operation}`;
    try {
      if (deny.has(action)) throw denied(service, action, world);
      if (!takeToken(service, operation) || (options.throttleChance ?? 0) > chance()) throw throttled(service);
      const fault = faultFor(options.faults, action);
      const wrong = wireFault(fault);
      if (wrong) return wrong;
      if (service === 'ecs') {
        return {
          status: 200,
          contentType: 'application/x-amz-json-1.1',
          body: JSON.stringify(withItemFault(ecsOperation(world, operation, body, pageCap), fault, false)),
        };
      }
      if (service === 'eks') {
        const out = withItemFault(eksOperation(world, operation, args, params, pageCap, kube.endpoints), fault, false);
        return { status: 200, contentType: 'application/json', body: JSON.stringify(out) };
      }
      if (service === 'ec2') {
        const inner = objectXml(withItemFault(ec2Operation(world, operation, params, pageCap), fault, true), 'item');
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="http://ec2.amazonaws.com/doc/${EC2_VERSION}/"><requestId>${requestId()}</requestId>${inner}</${operation}Response>`;
        return { status: 200, contentType: 'text/xml;charset=UTF-8', body: xml };
      }
      const inner = objectXml(withItemFault(elbv2Operation(world, operation, params, pageCap), fault, true), 'member');
      const xml = `<${operation}Response xmlns="http://elasticloadbalancing.amazonaws.com/doc/${ELBV2_VERSION}/"><${operation}Result>${inner}</${operation}Result><ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></${operation}Response>`;
      return { status: 200, contentType: 'text/xml', body: xml };
    } catch (e) {
      if (e instanceof AwsError) return errorResponse(service, e);
      return errorResponse(service, new AwsError(service === 'ecs' ? 'ServerException' : 'InternalFailure', e instanceof Error ? e.message : String(e), 500));
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = Date.now() - startedAt;
    const url = new URL(req.url ?? '/', 'http://fake');
    // The fake's own routes sit under /_fake/, a path no AWS protocol here uses; they are not AWS calls and not logged.
    if (req.method === 'GET' && url.pathname === '/_fake/calls') {
      answerCallLog(
        res,
        url.searchParams,
        calls.map((c) => loggedCall(c, startedAt + c.at)),
      );
      return;
    }
    if (req.method === 'POST' && url.pathname === '/_fake/churn') {
      // Seeds apart from the churn timer's (seed + n·7919), so a step on cue never repeats a timed one.
      answerChurn(res, url.searchParams, fake, { seed: 104_729 + ++churned, now: Date.now() });
      return;
    }
    const body = await readBody(req);
    let response: FakeResponse;
    let service: FakeService = 'ecs';
    let operation = '';
    let params = new URLSearchParams();
    let broken: ConnectionFault | undefined;
    try {
      const c = classify(req, body);
      ({ service, operation, params } = c);
      broken = connectionFault(faultFor(options.faults, `${IAM_PREFIX[service]}:${operation}`));
      response = answer(service, operation, body, params, c.args ?? []);
    } catch (e) {
      response = errorResponse('ecs', e instanceof AwsError ? e : new AwsError('InternalFailure', String(e), 500));
    }
    const attempt = Number(/attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''))?.[1] ?? '1');
    calls.push({
      service,
      operation,
      action: `${IAM_PREFIX[service]}:${operation}`,
      status: response.status,
      ...(response.errorCode ? { code: response.errorCode } : {}),
      attempt,
      at,
      params: service === 'ecs' ? body : params.toString(),
    });
    trimCalls(calls, callLogSize);
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    // A black hole keeps the connection and says nothing; a stall sends the headers and half the body.
    if (broken?.kind === 'black-hole') return;
    res.writeHead(response.status, {
      'content-type': response.contentType,
      'x-amzn-requestid': requestId(),
      'content-length': Buffer.byteLength(response.body),
      ...response.headers,
    });
    if (broken?.kind === 'stall') res.write(response.body.slice(0, Math.floor(response.body.length / 2)));
    else res.end(response.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500).end();
    });
  });
  server.keepAliveTimeout = 5000;
  // A failed bind (a port in use) rejects, so the caller can say so in one line, and stops the Kubernetes APIs started.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (e: unknown) => {
    await kube.close();
    throw e;
  });
  const { port } = server.address() as AddressInfo;
  const fake: FakeAws = {
    url: `http://127.0.0.1:${port}`,
    port,
    calls,
    get world() {
      return world;
    },
    setWorld: (next: World) => {
      // Each Kubernetes API answers from the objects it was started with; they follow the new world through watch
      // events, and the world keeps them, so the fake holds one truth with its resourceVersions.
      const served = options.world.kube ?? {};
      const kubes = { ...next.kube };
      for (const [name, objects] of Object.entries(served)) {
        const wanted = kubes[name];
        if (!wanted) continue;
        if (wanted !== objects) syncKube(objects, wanted);
        kubes[name] = objects;
      }
      world = { ...next, ...(next.kube ? { kube: kubes } : {}) };
    },
    kube: kube.servers,
    kubeCalls: () => [...kube.servers.values()].flatMap((k) => k.calls),
    close: async () => {
      await kube.close();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
  return fake;
}
