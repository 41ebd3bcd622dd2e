import { describe, expect, it } from 'vitest';
import type { ReadError, ResourceOf } from '../model';
import { buildGraph } from './buildGraph';
import { serviceArn, service, targetGroup, topologyOf } from './testTopology';
import { targetGroupName } from './routes';

const tgArn = (name: string, id: string) => `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${name}/${id}`;
const lbArn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/storefront-alb/50dc6c495c0c9188';

const deniedTargetGroups: ReadError = {
  api: 'elasticloadbalancing:DescribeTargetGroups',
  resource: '2 target groups: api-tg, web-tg',
  code: 'AccessDenied',
  message: 'User: arn:aws:iam::123456789012:user/fleetmap-reader is not authorized to perform: elasticloadbalancing:DescribeTargetGroups',
  hint: 'Grant elasticloadbalancing:DescribeTargetGroups to the identity Fleetmap reads with.',
};

const routesOf = (topology: ReturnType<typeof topologyOf>, id: string) => {
  const n = buildGraph(topology, { view: 'service', expanded: new Set() }).nodes.find((x) => x.id === id);
  return n?.kind === 'service' ? n.routes : undefined;
};

describe('how a service card says traffic reaches it', () => {
  it('names a target group that could not be described by the name in its ARN, and says the rules were not read', () => {
    const web = service('storefront', 'web', {
      loadBalancers: [{ targetGroupArn: tgArn('web-tg', 'e682e6c1d92ca2a0'), containerName: 'web', containerPort: 8080 }],
    });
    const topology = { ...topologyOf([web]), errors: [deniedTargetGroups] };
    expect(routesOf(topology, serviceArn('storefront', 'web'))).toEqual(['web-tg (listener rules not read)']);
  });

  it('says "no listener rule" only when the rules and target groups were read', () => {
    const tg = targetGroup('web-tg', 'ip', []);
    const web = service('storefront', 'web', { loadBalancers: [{ targetGroupArn: tg.id, containerName: 'web', containerPort: 8080 }] });
    expect(routesOf(topologyOf([web, tg]), web.id)).toEqual(['web-tg (no listener rule)']);
    // The group names its balancer, but the balancer's rules were not read.
    const behind = { ...tg, loadBalancerArns: [lbArn] };
    const rulesDenied: ReadError = { ...deniedTargetGroups, api: 'elasticloadbalancing:DescribeRules', resource: 'listener arn' };
    expect(routesOf({ ...topologyOf([web, behind]), errors: [rulesDenied] }, web.id)).toEqual(['web-tg (listener rules not read)']);
  });

  it('draws the route through a rule that was read', () => {
    const tg = { ...targetGroup('web-tg', 'ip', []), loadBalancerArns: [lbArn] };
    const lb: ResourceOf<'loadBalancer'> = {
      kind: 'loadBalancer',
      id: lbArn,
      name: 'storefront-alb',
      type: 'application',
      scheme: 'internet-facing',
      zones: [],
      securityGroups: [],
      listeners: [
        {
          id: `${lbArn}/listener`,
          port: 443,
          protocol: 'HTTPS',
          rules: [{ priority: '10', conditions: ['path-pattern /web/*'], action: 'forward', targets: [{ targetGroupArn: tg.id }] }],
        },
      ],
    };
    const web = service('storefront', 'web', { loadBalancers: [{ targetGroupArn: tg.id, containerName: 'web', containerPort: 8080 }] });
    expect(routesOf(topologyOf([web, tg, lb]), web.id)).toEqual(['storefront-alb /web/* → web-tg']);
  });

  it('reads a target group’s name from its ARN', () => {
    expect(targetGroupName(tgArn('k8s-orders-ordersap-0a1b2c3d4e', '0123456789abcdef'))).toBe('k8s-orders-ordersap-0a1b2c3d4e');
    expect(targetGroupName('not-an-arn')).toBe('not-an-arn');
  });
});
