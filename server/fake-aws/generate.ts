import type { EstateSize } from '../../src/topology/synthetic/seed';
import { WorldBuilder } from './builder';
import { addLoadBalancer, addService, addTargetGroup } from './builder-services';
import type { World } from './world';

export const DEFAULT_SIZE: EstateSize = { clusters: 20, services: 500, tasks: 5000, loadBalancers: 30, azs: 3, seed: 1 };

/** Path rules per listener in generated worlds (an ALB allows 100; ten reads like a real shared ALB). */
const TARGET_GROUPS_PER_LB = 10;

/**
 * A seeded estate of any size for tests and benchmarks: every fourth cluster runs on EC2 container instances,
 * the rest on Fargate; some services sit behind load balancers, a few are mid-deployment, a few targets fail.
 */
export function generateWorld(size: EstateSize, now = Date.now()): World {
  const b = new WorldBuilder(`generated-${size.clusters}c-${size.services}s-${size.tasks}t`, size.seed, undefined, undefined, now);
  const vpc = b.vpc('10.0.0.0/16', 'generated');
  const azs = Array.from({ length: size.azs }, (_, i) => `us-east-1${String.fromCharCode(97 + i)}`);
  const pub = azs.map((az, i) => b.subnet(vpc, az, `10.0.${i}.0/24`, `public-${az.slice(-1)}`, true));
  // /20 private subnets leave room for thousands of task IPs.
  const priv = azs.map((az, i) => b.subnet(vpc, az, `10.0.${64 + i * 16}.0/20`, `private-${az.slice(-1)}`, false));

  const clusterNames = Array.from({ length: size.clusters }, (_, i) => `cluster-${String(i + 1).padStart(2, '0')}`);
  const instancesByCluster = new Map<string, string[]>();
  clusterNames.forEach((name, i) => {
    const arn = b.cluster(name, i % 4 === 3 ? [] : ['FARGATE', 'FARGATE_SPOT']);
    if (i % 4 === 3) {
      const perCluster = Math.max(size.azs, Math.ceil(size.tasks / size.clusters / 10));
      instancesByCluster.set(
        name,
        Array.from({ length: perCluster }, (_, k) => b.containerInstance(arn, priv[k % priv.length] ?? '', 'm5.xlarge')),
      );
    }
  });

  const targetGroups: string[] = [];
  for (let l = 0; l < size.loadBalancers; l++) {
    const tgs = Array.from({ length: TARGET_GROUPS_PER_LB }, (_, k) => addTargetGroup(b, `lb${l + 1}-tg${k + 1}`, 8080, 'ip', vpc));
    targetGroups.push(...tgs);
    const [first = '', ...rest] = tgs;
    const internal = l % 3 === 2;
    addLoadBalancer(b, `lb-${String(l + 1).padStart(2, '0')}`, 'application', internal ? 'internal' : 'internet-facing', internal ? priv : pub, [
      { port: 443, protocol: 'HTTPS', defaultTargetGroup: first, rules: rest.map((tg, k) => ({ path: `/svc${k + 1}/*`, targetGroup: tg })) },
    ]);
  }

  let remainingTasks = size.tasks;
  for (let s = 0; s < size.services; s++) {
    const cluster = clusterNames[s % clusterNames.length] ?? 'cluster-01';
    const servicesLeft = size.services - s;
    const count =
      s === size.services - 1
        ? remainingTasks
        : Math.max(1, Math.min(remainingTasks - (servicesLeft - 1), Math.round((remainingTasks / servicesLeft) * (0.5 + b.random()))));
    remainingTasks -= count;
    const name = `svc-${String(s + 1).padStart(4, '0')}`;
    const instances = instancesByCluster.get(cluster);
    const midDeploy = s % 25 === 7 && count >= 2;
    const td1 = b.taskDefinition(name, [{ name, image: `registry.example/${name}:1`, port: 8080 }], instances ? 'bridge' : 'awsvpc');
    const td2 = midDeploy ? b.taskDefinition(name, [{ name, image: `registry.example/${name}:2`, port: 8080 }], instances ? 'bridge' : 'awsvpc') : undefined;
    const revisions = td2
      ? [
          { taskDefinition: td1, running: Math.floor(count / 2) },
          { taskDefinition: td2, running: count - Math.floor(count / 2) },
        ]
      : [{ taskDefinition: td1, running: count }];
    const tg = !instances && s < targetGroups.length ? targetGroups[s] : undefined;
    addService(b, {
      cluster,
      name,
      revisions,
      subnets: priv,
      ...(instances ? { containerInstances: instances, launchType: 'EC2' as const } : { launchType: 'FARGATE' as const }),
      ...(tg ? { targetGroup: tg } : {}),
      ...(s % 40 === 5 ? { unhealthy: [{ index: 0, reason: 'Target.Timeout', description: 'Request timed out' }] } : {}),
    });
  }
  return b.build();
}
