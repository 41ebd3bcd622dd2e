import { AWS_BATCH, AWS_DEFAULT_PAGE, AWS_PAGE } from './awsLimits';
import { AwsError, decodeToken, listParam, paginate } from './protocol';
import { str, strs, type JsonObject, type World } from './world';

/** ELBv2 query protocol: form-encoded Action=…&Version=2015-12-01, XML with <OpResult> wrapper and <member> lists. */
export const ELBV2_VERSION = '2015-12-01';

type Op = (world: World, params: URLSearchParams, pageCap: number) => JsonObject;

function pageOf(params: URLSearchParams, items: JsonObject[], listName: string, scope: string, pageCap: number): JsonObject {
  const sizeParam = params.get('PageSize');
  const { min, max } = AWS_PAGE.elbv2Describe;
  const size = sizeParam === null ? AWS_DEFAULT_PAGE.elbv2Describe : Number(sizeParam);
  if (!Number.isInteger(size) || size < min || size > max)
    throw new AwsError(
      'ValidationError',
      `1 validation error detected: Value '${sizeParam}' at 'pageSize' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
    );
  const offset = decodeToken(params.get('Marker') ?? undefined, scope, () => new AwsError('ValidationError', 'The marker is not valid.'));
  const { page, next } = paginate(items, offset, Math.min(size, pageCap), scope);
  return next ? { [listName]: page, NextMarker: next } : { [listName]: page };
}

/** `max` undefined: AWS documents no count for this list, so the fake caps none. */
function byArns(all: JsonObject[], field: string, arns: string[], max: number | undefined, notFound: string, what: string): JsonObject[] {
  if (max !== undefined && arns.length > max)
    throw new AwsError(
      'ValidationError',
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
    );
  return arns.map((arn) => {
    const found = all.find((x) => str(x, field) === arn);
    if (!found) throw new AwsError(notFound, `One or more ${what} not found`);
    return found;
  });
}

const OPS: Record<string, Op> = {
  DescribeLoadBalancers: (w, p, cap) => {
    const arns = listParam(p, 'LoadBalancerArns.member');
    const names = listParam(p, 'Names.member');
    let items = arns.length
      ? byArns(w.elbv2.loadBalancers, 'LoadBalancerArn', arns, AWS_BATCH.elbv2LoadBalancerArns, 'LoadBalancerNotFound', 'load balancers')
      : w.elbv2.loadBalancers;
    if (names.length) items = byArns(items, 'LoadBalancerName', names, undefined, 'LoadBalancerNotFound', 'load balancers');
    return pageOf(p, items, 'LoadBalancers', `lb:${arns.join(',')}:${names.join(',')}`, cap);
  },
  DescribeTargetGroups: (w, p, cap) => {
    const arns = listParam(p, 'TargetGroupArns.member');
    const lb = p.get('LoadBalancerArn');
    let items = arns.length ? byArns(w.elbv2.targetGroups, 'TargetGroupArn', arns, undefined, 'TargetGroupNotFound', 'target groups') : w.elbv2.targetGroups;
    const names = listParam(p, 'Names.member');
    if (names.length) items = byArns(items, 'TargetGroupName', names, undefined, 'TargetGroupNotFound', 'target groups');
    if (lb) items = items.filter((tg) => strs(tg, 'LoadBalancerArns').includes(lb));
    return pageOf(p, items, 'TargetGroups', `tg:${arns.length}:${lb ?? ''}`, cap);
  },
  DescribeListeners: (w, p, cap) => {
    const lb = p.get('LoadBalancerArn');
    const arns = listParam(p, 'ListenerArns.member');
    if (!lb && !arns.length) throw new AwsError('ValidationError', 'You must specify either listener ARNs or a load balancer ARN');
    if (lb && !w.elbv2.loadBalancers.some((l) => str(l, 'LoadBalancerArn') === lb))
      throw new AwsError('LoadBalancerNotFound', `Load balancer '${lb}' not found`);
    const items = w.elbv2.listeners.filter((l) => (lb ? str(l, 'LoadBalancerArn') === lb : arns.includes(str(l, 'ListenerArn'))));
    return pageOf(p, items, 'Listeners', `listeners:${lb ?? arns.join(',')}`, cap);
  },
  DescribeRules: (w, p, cap) => {
    const listener = p.get('ListenerArn');
    if (!listener) throw new AwsError('ValidationError', 'You must specify either rule ARNs or a listener ARN');
    if (!w.elbv2.listeners.some((l) => str(l, 'ListenerArn') === listener)) throw new AwsError('ListenerNotFound', `Listener '${listener}' not found`);
    const items = w.elbv2.rules.filter((r) => r.listenerArn === listener).map((r) => r.body);
    return pageOf(p, items, 'Rules', `rules:${listener}`, cap);
  },
  // One target group per call and no pagination: this is the call that dominates large reads.
  DescribeTargetHealth: (w, p) => {
    const tg = p.get('TargetGroupArn');
    const health = tg ? w.elbv2.targetHealth[tg] : undefined;
    if (!tg || !health) throw new AwsError('TargetGroupNotFound', `Target groups '${tg ?? ''}' not found`);
    return { TargetHealthDescriptions: health };
  },
};

export const ELBV2_OPERATIONS = Object.keys(OPS);

/** What goes inside <OpResult> for one ELBv2 describe call, as JSON the server writes as XML (objectXml, <member> lists). */
export function elbv2Operation(world: World, operation: string, params: URLSearchParams, pageCap: number): JsonObject {
  const op = OPS[operation];
  if (!op) throw new AwsError('InvalidAction', `Fleetmap's fake AWS does not implement elasticloadbalancing:${operation}.`);
  return op(world, params, pageCap);
}
