import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { verifyEksToken, type StaticCredentials } from './kube-auth';
import { obj, table } from './kube-table';
import { streamWatch, watchStart, WatchRefused, type WatchRequest } from './kube-watch';
import { kubeFeed } from './kubeEvents';
import { KUBE_RESOURCES, str, type JsonObject, type KubeObjects, type KubeResource } from './world';

/**
 * A Kubernetes API server for one EKS cluster, on loopback over TLS with its own certificate authority: discovery
 * (/version, /api, /apis and each group's resource list), list and get of the resources Fleetmap reads, `limit` and
 * `continue` paging, watches (kube-watch.ts) from the cluster's change feed (kubeEvents.ts), Table output for
 * kubectl, and Status errors (401 for a bad token, 403 for RBAC) as the real
 * API server writes them. Only a k8s-aws-v1 token signed for this cluster is accepted.
 */
interface ApiResource {
  group: string;
  version: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
}

const RESOURCES: Record<KubeResource, ApiResource> = {
  nodes: { group: '', version: 'v1', kind: 'Node', namespaced: false, shortNames: ['no'] },
  namespaces: { group: '', version: 'v1', kind: 'Namespace', namespaced: false, shortNames: ['ns'] },
  pods: { group: '', version: 'v1', kind: 'Pod', namespaced: true, shortNames: ['po'] },
  services: { group: '', version: 'v1', kind: 'Service', namespaced: true, shortNames: ['svc'] },
  deployments: { group: 'apps', version: 'v1', kind: 'Deployment', namespaced: true, shortNames: ['deploy'] },
  replicasets: { group: 'apps', version: 'v1', kind: 'ReplicaSet', namespaced: true, shortNames: ['rs'] },
  daemonsets: { group: 'apps', version: 'v1', kind: 'DaemonSet', namespaced: true, shortNames: ['ds'] },
  statefulsets: { group: 'apps', version: 'v1', kind: 'StatefulSet', namespaced: true, shortNames: ['sts'] },
  jobs: { group: 'batch', version: 'v1', kind: 'Job', namespaced: true },
  ingresses: { group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', namespaced: true, shortNames: ['ing'] },
  targetgroupbindings: { group: 'elbv2.k8s.aws', version: 'v1beta1', kind: 'TargetGroupBinding', namespaced: true },
};

const groupVersion = (r: ApiResource) => (r.group ? `${r.group}/${r.version}` : r.version);

export type KubeAccess = 'ok' | 'unauthorized' | 'forbidden';

export interface FakeKubeOptions {
  clusterName: string;
  region: string;
  accountId: string;
  objects: KubeObjects;
  credentials: readonly StaticCredentials[];
  /** 'unauthorized': every token is refused (no access entry); 'forbidden': authenticated, but RBAC allows nothing */
  access?: KubeAccess;
  /** Resources RBAC refuses to list, e.g. ["targetgroupbindings"] */
  forbid?: readonly KubeResource[];
  /** Largest page any list returns, whatever `limit` asks */
  pageCap?: number;
  latencyMs?: number;
  /** How often a watch that allows bookmarks gets one (the API server sends about one a minute) */
  bookmarkMs?: number;
}

export interface KubeCall {
  cluster: string;
  /** "list pods", "get /api", … */
  operation: string;
  status: number;
  at: number;
  query: string;
}

export interface FakeKube {
  url: string;
  /** PEM of the server's certificate, which is its own certificate authority */
  caPem: string;
  calls: KubeCall[];
  /** Cuts every open watch stream mid-flight, as a proxy or load balancer with an idle timeout does */
  dropWatches(): void;
  close(): Promise<void>;
}

class KubeError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: JsonObject,
  ) {
    super(message);
  }
}

function status(e: KubeError): JsonObject {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: e.message,
    reason: e.reason,
    ...(e.details ? { details: e.details } : {}),
    code: e.code,
  };
}

interface Route {
  resource: KubeResource;
  namespace?: string;
  name?: string;
}

/** /api/v1/pods, /api/v1/namespaces/ns/pods/name, /apis/apps/v1/deployments, … → the resource asked for. */
function routeOf(path: string): Route | undefined {
  const m = /^\/(?:api\/v1|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+)(?=\/))?\/([^/]+)(?:\/([^/]+))?$/.exec(path);
  if (!m) return undefined;
  const [, group = '', version = 'v1', namespace, plural = '', name] = m;
  const resource = KUBE_RESOURCES.find((r) => r === plural);
  if (!resource) return undefined;
  const spec = RESOURCES[resource];
  if (spec.group !== group || spec.version !== version) return undefined;
  if (namespace && !spec.namespaced) return undefined;
  return { resource, ...(namespace ? { namespace } : {}), ...(name ? { name } : {}) };
}

function discovery(path: string): JsonObject | undefined {
  const groups = [
    ...new Set(
      Object.values(RESOURCES)
        .filter((r) => r.group)
        .map((r) => r.group),
    ),
  ];
  const resourceList = (gv: string) => ({
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: gv,
    resources: KUBE_RESOURCES.filter((r) => groupVersion(RESOURCES[r]) === gv).map((r) => ({
      name: r,
      singularName: RESOURCES[r].kind.toLowerCase(),
      namespaced: RESOURCES[r].namespaced,
      kind: RESOURCES[r].kind,
      verbs: ['get', 'list', 'watch'],
      ...(RESOURCES[r].shortNames ? { shortNames: RESOURCES[r].shortNames } : {}),
    })),
  });
  if (path === '/version') {
    return { major: '1', minor: '31', gitVersion: 'v1.31.4-eks-fleetmap', platform: 'linux/amd64', goVersion: 'go1.22.9', compiler: 'gc' };
  }
  if (path === '/api')
    return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:443' }] };
  if (path === '/apis') {
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groups.map((g) => {
        const version = Object.values(RESOURCES).find((r) => r.group === g)?.version ?? 'v1';
        const v = { groupVersion: `${g}/${version}`, version };
        return { name: g, versions: [v], preferredVersion: v };
      }),
    };
  }
  if (path === '/api/v1') return resourceList('v1');
  const m = /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
  if (m && groups.includes(m[1] ?? '')) return resourceList(`${m[1]}/${m[2]}`);
  return undefined;
}

interface ContinueState {
  r: string;
  ns: string;
  o: number;
}

export async function startFakeKube(options: FakeKubeOptions): Promise<FakeKube> {
  const pems = await generate([{ name: 'commonName', value: 'kubernetes' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: 'kubernetes' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  const calls: KubeCall[] = [];
  const started = Date.now();
  const forbid = new Set(options.forbid ?? []);
  const user = `arn:aws:iam::${options.accountId}:user/fleetmap-reader`;
  const feed = kubeFeed(options.objects);
  const streams = new Set<ServerResponse>();

  const authenticate = async (req: IncomingMessage): Promise<void> => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (options.access === 'unauthorized' || !token) throw new KubeError(401, 'Unauthorized', 'Unauthorized');
    const check = await verifyEksToken(token, { clusterName: options.clusterName, region: options.region, credentials: options.credentials });
    if (!check.ok) throw new KubeError(401, 'Unauthorized', 'Unauthorized');
  };

  const list = (route: Route, query: URLSearchParams): JsonObject => {
    const spec = RESOURCES[route.resource];
    const all = options.objects[route.resource].filter((o) => !route.namespace || str(obj(o['metadata']), 'namespace') === route.namespace);
    const limit = Number(query.get('limit') ?? '0');
    if (!Number.isInteger(limit) || limit < 0) throw new KubeError(400, 'BadRequest', `invalid limit: ${query.get('limit')}`);
    let offset = 0;
    const token = query.get('continue');
    if (token) {
      let state: ContinueState | undefined;
      try {
        state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ContinueState;
      } catch {
        state = undefined;
      }
      if (!state || state.r !== route.resource || state.ns !== (route.namespace ?? '') || !Number.isInteger(state.o)) {
        throw new KubeError(400, 'BadRequest', 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
      }
      offset = state.o;
    }
    const size = Math.min(limit > 0 ? limit : Number.MAX_SAFE_INTEGER, options.pageCap ?? Number.MAX_SAFE_INTEGER);
    const items = all.slice(offset, offset + size).map((o) => feed.stamp(o));
    const next = offset + items.length;
    const more = next < all.length;
    const cont = more
      ? Buffer.from(JSON.stringify({ r: route.resource, ns: route.namespace ?? '', o: next } satisfies ContinueState)).toString('base64url')
      : undefined;
    return {
      kind: `${spec.kind}List`,
      apiVersion: groupVersion(spec),
      metadata: { resourceVersion: String(feed.resourceVersion()), ...(cont ? { continue: cont, remainingItemCount: all.length - next } : {}) },
      items,
    };
  };

  type Answer = { operation: string; body: JsonObject; watch?: undefined } | { operation: string; watch: WatchRequest };
  const answer = async (req: IncomingMessage, url: URL): Promise<Answer> => {
    const path = url.pathname.replace(/\/$/, '') || '/';
    await authenticate(req);
    if (options.access === 'forbidden' && path !== '/version') {
      throw new KubeError(403, 'Forbidden', `forbidden: User "${user}" cannot get path "${path}"`);
    }
    const d = discovery(path);
    if (d) return { operation: `get ${path}`, body: d };
    const route = routeOf(path);
    if (!route || req.method !== 'GET') throw new KubeError(404, 'NotFound', 'the server could not find the requested resource');
    const spec = RESOURCES[route.resource];
    const watching = ['1', 'true'].includes(url.searchParams.get('watch') ?? '');
    const verb = watching ? 'watch' : route.name ? 'get' : 'list';
    if (forbid.has(route.resource)) {
      const scope = route.namespace ? `in the namespace "${route.namespace}"` : 'at the cluster scope';
      throw new KubeError(
        403,
        'Forbidden',
        `${route.resource}${spec.group ? `.${spec.group}` : ''} is forbidden: User "${user}" cannot ${verb} resource "${route.resource}" in API group "${spec.group}" ${scope}`,
        { kind: route.resource, ...(spec.group ? { group: spec.group } : {}) },
      );
    }
    const wantsTable = /as=Table/.test(String(req.headers.accept ?? ''));
    if (watching) {
      const kind = spec.kind;
      const apiVersion = groupVersion(spec);
      const watch: WatchRequest = {
        resource: route.resource,
        ...(route.namespace ? { namespace: route.namespace } : {}),
        ...(route.name ? { name: route.name } : {}),
        query: url.searchParams,
        feed,
        objects: options.objects,
        kind,
        apiVersion,
        render: (o) =>
          wantsTable
            ? table(route.resource, [o], { metadata: { resourceVersion: str(obj(o['metadata']), 'resourceVersion') } }, Date.now())
            : { kind, apiVersion, ...o },
        bookmarkMs: options.bookmarkMs ?? 60_000,
      };
      try {
        watchStart(watch);
      } catch (e) {
        if (e instanceof WatchRefused) throw new KubeError(400, 'BadRequest', e.message);
        throw e;
      }
      return { operation: `watch ${route.resource}`, watch };
    }
    if (route.name) {
      const found = options.objects[route.resource].find(
        (o) => str(obj(o['metadata']), 'name') === route.name && (!route.namespace || str(obj(o['metadata']), 'namespace') === route.namespace),
      );
      if (!found) throw new KubeError(404, 'NotFound', `${route.resource} "${route.name}" not found`, { name: route.name, kind: route.resource });
      return { operation: `get ${route.resource}`, body: { kind: spec.kind, apiVersion: groupVersion(spec), ...found } };
    }
    const body = list(route, url.searchParams);
    return { operation: `list ${route.resource}`, body: wantsTable ? table(route.resource, body['items'] as JsonObject[], body, Date.now()) : body };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = Date.now() - started;
    // The path exactly as sent: the API server does not clean "//api/v1/nodes" into "/api/v1/nodes" (it answers 404).
    const url = new URL(`https://fake${req.url ?? '/'}`);
    let code = 200;
    let body: JsonObject;
    let operation = `${req.method ?? 'GET'} ${url.pathname}`;
    try {
      const answered = await answer(req, url);
      operation = answered.operation;
      if (answered.watch) {
        calls.push({ cluster: options.clusterName, operation, status: 200, at, query: url.searchParams.toString() });
        if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
        streams.add(res);
        res.on('close', () => streams.delete(res));
        streamWatch(res, answered.watch);
        return;
      }
      body = answered.body;
    } catch (e) {
      const err = e instanceof KubeError ? e : new KubeError(500, 'InternalError', e instanceof Error ? e.message : String(e));
      code = err.code;
      body = status(err);
    }
    calls.push({ cluster: options.clusterName, operation, status: code, at, query: url.searchParams.toString() });
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const text = JSON.stringify(body);
    res.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'audit-id': `${at}-${calls.length}` });
    res.end(text);
  };

  const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    caPem: pems.cert,
    calls,
    dropWatches: () => {
      for (const res of streams) res.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
