import { describe, expect, it } from 'vitest';
import { planRefresh } from './budget';

describe('planRefresh: the refresh interval within an API budget', () => {
  it('keeps the asked interval when every bucket stays within the budget', () => {
    // ecs:cluster-resource-read (ListTasks + DescribeTasks) at 20/s: 100 calls in 30 s is 3.3/s, under 25 % (5/s).
    const plan = planRefresh({ 'ecs:ListTasks': 40, 'ecs:DescribeTasks': 60, 'ec2:DescribeSubnets': 1 }, 30_000, 0.25);
    expect(plan).toMatchObject({ everyMs: 30_000, stretched: false, callsPerCycle: 101 });
    expect(plan.message).toBe('refreshing every 30 s: 101 calls per cycle, within 25 % of each AWS throttle bucket');
  });

  it('stretches the interval to the slowest bucket and says which, counting ECS actions that share a bucket together', () => {
    // 1,040 DescribeTasks + 460 ListTasks share one 20/s bucket: 1,500 calls at 5/s take 300 s.
    const plan = planRefresh({ 'ecs:DescribeTasks': 1_040, 'ecs:ListTasks': 460, 'elasticloadbalancing:DescribeTargetHealth': 300 }, 30_000, 0.25);
    expect(plan.everyMs).toBe(300_000);
    expect(plan.stretched).toBe(true);
    expect(plan.message).toBe("refreshing every 300 s (30 s asked): 1,500 calls per cycle at 25 % of DescribeTasks' 20/s");
    // A larger budget refreshes sooner; the same calls at 100 % take 75 s.
    expect(planRefresh({ 'ecs:DescribeTasks': 1_040, 'ecs:ListTasks': 460 }, 30_000, 1).everyMs).toBe(75_000);
  });

  it('ignores calls that draw from no AWS bucket (the Kubernetes API)', () => {
    expect(planRefresh({ 'kube:list pods': 10_000 }, 30_000, 0.25)).toMatchObject({ everyMs: 30_000, stretched: false });
  });
});
