import { cluster, clusterArn, containerInstance, lbArn, loadBalancer, service, subnet, targetGroup, task, tdArn, topologyOf, vpc } from '../graph/testTopology';
import type { Resource, Topology } from '../model';
import { seededRandom, type EstateSize } from '../synthetic/seed';

/** Path rules per listener: ten reads like a real shared ALB. */
const TARGET_GROUPS_PER_LB = 10;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * An estate of any size in the model's shape, made without AWS or the fake: one VPC with a public and a private
 * subnet per AZ, every fourth cluster on EC2 container instances (bridge tasks on hosts), the rest Fargate tasks
 * with their own IPs; the first services sit behind load balancers, every eighth one is mid-deployment, and the
 * target of every seventh one fails its health check.
 */
export function syntheticEstate(size: EstateSize): Topology {
  const rnd = seededRandom(size.seed);
  const out: Resource[] = [vpc('vpc-1', '10.0.0.0/16', 'synthetic')];
  const azs = Array.from({ length: size.azs }, (_, i) => `us-east-1${String.fromCharCode(97 + i)}`);
  const priv = azs.map((az, i) => subnet(`subnet-priv${pad(i, 12)}`, az, `10.0.${64 + i * 16}.0/20`, false, { name: `private-${az.slice(-1)}` }));
  out.push(...azs.map((az, i) => subnet(`subnet-pub${pad(i, 13)}`, az, `10.0.${i}.0/24`, true, { name: `public-${az.slice(-1)}` })), ...priv);

  const names = Array.from({ length: size.clusters }, (_, i) => `cluster-${pad(i + 1, 2)}`);
  const hostsOf = new Map<string, ReturnType<typeof containerInstance>[]>();
  names.forEach((name, i) => {
    const onEc2 = i % 4 === 3;
    out.push({ ...cluster(name, { activeServices: 0, runningTasks: 0 }), capacityProviders: onEc2 ? [] : ['FARGATE'] });
    if (!onEc2) return;
    const hosts = Array.from({ length: size.azs }, (_, k) => {
      const s = priv[k % priv.length];
      return containerInstance(name, `i-0${pad(i, 3)}${pad(k, 13)}`, { ...(s ? { subnetId: s.id, az: s.az } : {}), instanceType: 'm5.xlarge' });
    });
    hostsOf.set(name, hosts);
    out.push(...hosts);
  });

  const groups: string[] = [];
  for (let l = 0; l < size.loadBalancers; l++) {
    const lb = `lb-${pad(l + 1, 2)}`;
    const tgs = Array.from({ length: TARGET_GROUPS_PER_LB }, (_, k) => ({ ...targetGroup(`lb${l + 1}-tg${k + 1}`, 'ip', []), loadBalancerArns: [lbArn(lb)] }));
    groups.push(...tgs.map((t) => t.id));
    out.push(
      ...tgs,
      loadBalancer(
        lb,
        azs,
        tgs.map((t) => t.id),
      ),
    );
  }
  const targets = new Map<string, { id: string; port: number; state: string; reason?: string }[]>();

  let left = size.tasks;
  let ip = 0;
  for (let s = 0; s < size.services; s++) {
    const clusterName = names[s % names.length] ?? 'cluster-01';
    const servicesLeft = size.services - s;
    const count = s === size.services - 1 ? left : Math.max(0, Math.min(left - (servicesLeft - 1), Math.round((left / servicesLeft) * (0.5 + rnd()))));
    left -= count;
    const name = `svc-${pad(s + 1, 4)}`;
    const hosts = hostsOf.get(clusterName);
    const tg = !hosts ? groups[s] : undefined;
    const deploying = s % 8 === 7 && count >= 2;
    const primary = tdArn(name, deploying ? 2 : 1);
    const svc = service(clusterName, name, {
      launchType: hosts ? 'EC2' : 'FARGATE',
      taskDefinitionArn: primary,
      ...(tg ? { loadBalancers: [{ targetGroupArn: tg, containerName: name, containerPort: 8080 }] } : {}),
    });
    out.push({
      ...svc,
      desired: count,
      running: count,
      deployments: [
        { id: `ecs-svc/${pad(s, 19)}`, status: 'PRIMARY', taskDefinitionArn: primary, desired: count, running: count, pending: 0, failedTasks: 0 },
        ...(deploying
          ? [{ id: `ecs-svc/${pad(s + 1, 19)}`, status: 'ACTIVE', taskDefinitionArn: tdArn(name, 1), desired: 0, running: 0, pending: 0, failedTasks: 0 }]
          : []),
      ],
    });
    for (let k = 0; k < count; k++) {
      const az = k % size.azs;
      const where = priv[az];
      const host = hosts?.[az];
      ip += 1;
      const privateIp = `10.0.${64 + az * 16 + Math.floor(ip / 250)}.${(ip % 250) + 2}`;
      const id = `${clusterArn(clusterName).replace(':cluster/', ':task/')}/${pad(s, 16)}${pad(k, 16)}`;
      out.push({
        ...task(clusterName, name, {
          taskDefinitionArn: deploying && k % 2 === 0 ? tdArn(name, 1) : primary,
          ...(where ? { az: where.az, subnetId: where.id } : {}),
          ...(host ? { containerInstanceArn: host.id, containers: [{ name, hostPorts: [32768 + k] }] } : { privateIp }),
        }),
        id,
      });
      if (tg) {
        const failing = s % 7 === 5 && k === 0;
        targets.set(tg, [
          ...(targets.get(tg) ?? []),
          { id: privateIp, port: 8080, state: failing ? 'unhealthy' : 'healthy', ...(failing ? { reason: 'Target.Timeout' } : {}) },
        ]);
      }
    }
  }
  return topologyOf(out.map((r) => (r.kind === 'targetGroup' ? { ...r, targets: targets.get(r.id) ?? [] } : r)));
}
