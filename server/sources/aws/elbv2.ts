import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  type ElasticLoadBalancingV2Client,
  type Listener,
  type LoadBalancer,
  type Rule,
  type TargetGroup,
  type TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { allPages, chunk } from './chunk';
import type { ReadContext } from './context';
import { BATCH } from './limits';

/** ELBv2 reads, starting from the target groups ECS services name and walking out to their load balancers. */
export function createElbv2Reader(client: ElasticLoadBalancingV2Client, ctx: ReadContext) {
  return {
    async targetGroups(arns: readonly string[]): Promise<TargetGroup[]> {
      const batches = await Promise.all(
        chunk([...new Set(arns)], BATCH.elbTargetGroupArns).map((TargetGroupArns) =>
          allPages(
            (Marker) =>
              ctx.call('elbv2', 'DescribeTargetGroups', TargetGroupArns.join(','), () =>
                client.send(new DescribeTargetGroupsCommand({ TargetGroupArns, Marker })),
              ),
            (p) => p.NextMarker,
          ),
        ),
      );
      return batches.flat().flatMap((b) => b.TargetGroups ?? []);
    },

    async loadBalancers(arns: readonly string[]): Promise<LoadBalancer[]> {
      const batches = await Promise.all(
        chunk([...new Set(arns)], BATCH.elbLoadBalancerArns).map((LoadBalancerArns) =>
          allPages(
            (Marker) =>
              ctx.call('elbv2', 'DescribeLoadBalancers', LoadBalancerArns.join(','), () =>
                client.send(new DescribeLoadBalancersCommand({ LoadBalancerArns, Marker })),
              ),
            (p) => p.NextMarker,
          ),
        ),
      );
      return batches.flat().flatMap((b) => b.LoadBalancers ?? []);
    },

    async listeners(loadBalancerArn: string): Promise<Listener[]> {
      const pages = await allPages(
        (Marker) =>
          ctx.call('elbv2', 'DescribeListeners', loadBalancerArn, () =>
            client.send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancerArn, PageSize: BATCH.elbPage, Marker })),
          ),
        (p) => p.NextMarker,
      );
      return pages.flatMap((p) => p.Listeners ?? []);
    },

    async rules(listenerArn: string): Promise<Rule[]> {
      const pages = await allPages(
        (Marker) =>
          ctx.call('elbv2', 'DescribeRules', listenerArn, () =>
            client.send(new DescribeRulesCommand({ ListenerArn: listenerArn, PageSize: BATCH.elbPage, Marker })),
          ),
        (p) => p.NextMarker,
      );
      return pages.flatMap((p) => p.Rules ?? []);
    },

    /** One call per target group: the API takes one and has no pagination. Undefined when it could not be read. */
    async targetHealth(targetGroupArn: string): Promise<TargetHealthDescription[] | undefined> {
      const out = await ctx.call('elbv2', 'DescribeTargetHealth', targetGroupArn, () =>
        client.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn })),
      );
      return out?.TargetHealthDescriptions;
    },
  };
}

export type Elbv2Reader = ReturnType<typeof createElbv2Reader>;
