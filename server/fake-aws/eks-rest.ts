import { AWS_DEFAULT_PAGE, AWS_PAGE } from './awsLimits';
import { AwsError, decodeToken, paginate } from './protocol';
import { str, type JsonObject, type World } from './world';

/**
 * EKS over restJson1: the operation is the method and path (GET /clusters/{name}/node-groups/{ng}), pages come
 * from maxResults and nextToken in the query string, answers are JSON bodies with epoch-second timestamps.
 */
const ROUTES: { pattern: RegExp; operation: string }[] = [
  { pattern: /^\/clusters$/, operation: 'ListClusters' },
  { pattern: /^\/clusters\/([^/]+)$/, operation: 'DescribeCluster' },
  { pattern: /^\/clusters\/([^/]+)\/node-groups$/, operation: 'ListNodegroups' },
  { pattern: /^\/clusters\/([^/]+)\/node-groups\/([^/]+)$/, operation: 'DescribeNodegroup' },
  { pattern: /^\/clusters\/([^/]+)\/fargate-profiles$/, operation: 'ListFargateProfiles' },
  { pattern: /^\/clusters\/([^/]+)\/fargate-profiles\/([^/]+)$/, operation: 'DescribeFargateProfile' },
];

export const EKS_OPERATIONS = ROUTES.map((r) => r.operation);

export function eksOperationOf(method: string, path: string): { operation: string; args: string[] } | undefined {
  if (method !== 'GET') return undefined;
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (m) return { operation: r.operation, args: m.slice(1).map(decodeURIComponent) };
  }
  return undefined;
}

const notFound = (what: string) => new AwsError('ResourceNotFoundException', `No ${what} found.`, 404);

function page(names: string[], query: URLSearchParams, scope: string, pageCap: number): { names: string[]; nextToken?: string } {
  const { min, max: most } = AWS_PAGE.eksList;
  const max = Number(query.get('maxResults') ?? AWS_DEFAULT_PAGE.eksList);
  if (!Number.isInteger(max) || max < min || max > most) {
    throw new AwsError('InvalidParameterException', `maxResults must be between ${min} and ${most}.`, 400);
  }
  const offset = decodeToken(query.get('nextToken') ?? undefined, scope, () => new AwsError('InvalidParameterException', 'The nextToken is not valid.', 400));
  const { page: out, next } = paginate(names, offset, Math.min(max, pageCap), scope);
  return { names: out, ...(next ? { nextToken: next } : {}) };
}

export function eksOperation(
  world: World,
  operation: string,
  args: string[],
  query: URLSearchParams,
  pageCap: number,
  /** Where each cluster's Kubernetes API really listens (the fake one on loopback), with its CA */
  kubeEndpoints: ReadonlyMap<string, { endpoint: string; ca: string }> = new Map(),
): JsonObject {
  const eks = world.eks ?? { clusters: [], nodegroups: [], fargateProfiles: [] };
  const [clusterName = '', child = ''] = args;
  const cluster = () => {
    const c = eks.clusters.find((x) => str(x, 'name') === clusterName);
    if (!c) throw notFound(`cluster found for name: ${clusterName}`);
    return c;
  };
  switch (operation) {
    case 'ListClusters': {
      const { names, nextToken } = page(
        eks.clusters.map((c) => str(c, 'name')),
        query,
        'eks-clusters',
        pageCap,
      );
      return { clusters: names, ...(nextToken ? { nextToken } : {}) };
    }
    case 'DescribeCluster': {
      const served = kubeEndpoints.get(clusterName);
      return { cluster: served ? { ...cluster(), endpoint: served.endpoint, certificateAuthority: { data: served.ca } } : cluster() };
    }
    case 'ListNodegroups': {
      cluster();
      const names = eks.nodegroups.filter((n) => n.clusterName === clusterName).map((n) => str(n.body, 'nodegroupName'));
      const { names: out, nextToken } = page(names, query, `eks-ng-${clusterName}`, pageCap);
      return { nodegroups: out, ...(nextToken ? { nextToken } : {}) };
    }
    case 'DescribeNodegroup': {
      const ng = eks.nodegroups.find((n) => n.clusterName === clusterName && str(n.body, 'nodegroupName') === child);
      if (!ng) throw notFound(`node group ${child} in cluster ${clusterName}`);
      return { nodegroup: ng.body };
    }
    case 'ListFargateProfiles': {
      cluster();
      const names = eks.fargateProfiles.filter((f) => f.clusterName === clusterName).map((f) => str(f.body, 'fargateProfileName'));
      const { names: out, nextToken } = page(names, query, `eks-fp-${clusterName}`, pageCap);
      return { fargateProfileNames: out, ...(nextToken ? { nextToken } : {}) };
    }
    case 'DescribeFargateProfile': {
      const fp = eks.fargateProfiles.find((f) => f.clusterName === clusterName && str(f.body, 'fargateProfileName') === child);
      if (!fp) throw notFound(`Fargate profile ${child} in cluster ${clusterName}`);
      return { fargateProfile: fp.body };
    }
    default:
      throw new AwsError('UnknownOperationException', `EKS does not answer ${operation} here.`, 404);
  }
}
