import { describe, expect, it } from 'vitest';
import { ingressesOfLoadBalancer, targetGroupUsers, targetLinks } from '../../../../src/topology/graph/targets';
import { resourcesOf, type Topology } from '../../../../src/topology/model';
import { demoWorld } from '../../../fake-aws/demo';
import { readThroughFake } from '../../../fake-aws/readWorld';

const podsIn = (w: ReturnType<typeof demoWorld>) => Object.values(w.kube ?? {}).reduce((n, k) => n + k.pods.length, 0);
const kubeErrors = (t: Topology) => t.errors.filter((e) => e.api.startsWith('k8s:'));

describe('Kubernetes API of EKS clusters (@kubernetes/client-node against the fake API server over TLS)', () => {
  it('reads every page of pods, workloads, Services, Ingresses and TargetGroupBindings with the EKS token', async () => {
    const world = demoWorld();
    const { topology, fake } = await readThroughFake({ world, pageCap: 4 });
    expect(topology.errors).toEqual([]);
    expect(resourcesOf(topology, 'pod')).toHaveLength(podsIn(world));
    expect(
      resourcesOf(topology, 'workload')
        .map((w) => `${w.workloadKind} ${w.namespace}/${w.name}`)
        .sort(),
    ).toEqual([
      'DaemonSet kube-system/aws-node',
      'DaemonSet kube-system/kube-proxy',
      'Deployment kube-system/coredns',
      'Deployment orders/orders-api',
      'Deployment orders/payments',
      'Deployment orders/recommendations',
      'Job batch/nightly-export',
      'StatefulSet orders/inventory-db',
    ]);
    const podLists = fake.kubeCalls().filter((c) => c.operation === 'list pods');
    expect(podLists.length).toBe(Math.ceil(podsIn(world) / 4));
    expect(podLists.every((c) => new URLSearchParams(c.query).get('limit') === '500')).toBe(true);
    expect(podLists.slice(1).every((c) => new URLSearchParams(c.query).has('continue'))).toBe(true);
    expect(fake.kubeCalls().every((c) => c.status === 200)).toBe(true);
  });

  it('joins pods to nodes, instances, subnets and AZs, Fargate pods by IP, and the Ingress ALB to its pods', async () => {
    const { topology } = await readThroughFake({ world: demoWorld() });
    const subnets = new Map(resourcesOf(topology, 'subnet').map((s) => [s.id, s]));
    const nodes = new Map(resourcesOf(topology, 'eksNode').map((n) => [n.id, n]));
    for (const pod of resourcesOf(topology, 'pod')) {
      const subnet = subnets.get(pod.subnetId ?? '');
      expect(subnet, pod.name).toBeDefined();
      expect(pod.az).toBe(subnet?.az);
      if (pod.fargate) {
        expect(pod.instanceId).toBeUndefined();
      } else {
        const node = nodes.get(pod.instanceId ?? '');
        expect(node?.name, pod.name).toBe(pod.nodeName);
        expect(node?.az).toBe(pod.az);
      }
    }
    expect(
      resourcesOf(topology, 'pod')
        .filter((p) => p.fargate)
        .map((p) => p.namespace),
    ).toEqual(['batch', 'batch', 'batch']);
    for (const node of nodes.values()) expect(node.kube?.ready, node.name).toBe(true);
    const crash = resourcesOf(topology, 'pod').find((p) => p.status === 'CrashLoopBackOff');
    expect(crash?.restarts).toBe(14);
    expect(crash?.containerStatuses[0]?.lastTermination).toBe('Error (exit 1)');
    expect(crash?.owners).toEqual([expect.stringMatching(/^ReplicaSet payments-/), 'Deployment payments']);
    const [ingress] = resourcesOf(topology, 'ingress');
    const alb = resourcesOf(topology, 'loadBalancer').find((l) => l.id === ingress?.loadBalancerArn);
    expect(alb?.name).toMatch(/^k8s-orders-orders-/);
    const ordersApi = resourcesOf(topology, 'kubeService').find((s) => s.name === 'orders-api');
    const tg = resourcesOf(topology, 'targetGroup').find((t) => t.id === ordersApi?.targetGroupArns[0]);
    const apiPods = resourcesOf(topology, 'pod').filter((p) => p.workloadId?.endsWith('/deployment/orders/orders-api'));
    expect(tg?.targets?.map((t) => t.id).sort()).toEqual(apiPods.map((p) => p.podIp).sort());
    const payments = resourcesOf(topology, 'targetGroup').find((t) => t.name.startsWith('k8s-orders-payments'));
    expect(payments?.targets?.find((t) => t.id === crash?.podIp)?.state).toBe('unhealthy');
    expect(apiPods.filter((p) => p.oldRevision)).toHaveLength(2);
  });

  it('names the Kubernetes Service and Ingress of each controller-made target group and links every target to its pod', async () => {
    const { topology } = await readThroughFake({ world: demoWorld() });
    const [ingress] = resourcesOf(topology, 'ingress');
    expect(ingressesOfLoadBalancer(topology, ingress?.loadBalancerArn ?? '').map((i) => `${i.namespace}/${i.name}`)).toEqual(['orders/orders']);
    const pods = new Map(resourcesOf(topology, 'pod').map((p) => [p.id, p]));
    for (const name of ['orders-api', 'payments']) {
      const service = resourcesOf(topology, 'kubeService').find((s) => s.name === name);
      const tg = resourcesOf(topology, 'targetGroup').find((t) => t.id === service?.targetGroupArns[0]);
      if (!service || !tg) throw new Error(`no target group for ${name}`);
      const users = targetGroupUsers(topology, tg);
      expect(users.kubeServices.map((s) => s.name)).toEqual([name]);
      expect(users.ingresses.map((i) => i.name)).toEqual(['orders']);
      const links = targetLinks(topology, tg);
      expect(tg.targets?.length).toBeGreaterThan(0);
      for (const target of tg.targets ?? []) {
        const [link] = links.get(target.id) ?? [];
        expect(link?.kind, target.id).toBe('pod');
        const pod = pods.get(link?.id ?? '');
        expect(pod?.podIp).toBe(target.id);
        expect(service.workloadIds).toContain(pod?.workloadId);
      }
    }
  });

  it('never lets an environment value out: plain values are redacted, references name their Secret', async () => {
    const world = demoWorld();
    const { topology } = await readThroughFake({ world });
    const text = JSON.stringify(topology);
    for (const secret of ['Orders-Pa55w0rd!', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'tok_live_51HxFleetmapDemo', 's3://shop-prod-exports'])
      expect(text).not.toContain(secret);
    const api = resourcesOf(topology, 'workload').find((w) => w.name === 'orders-api');
    expect(api?.template[0]?.env).toEqual([
      { name: 'DATABASE_URL', value: '[redacted]' },
      { name: 'LOG_LEVEL', value: '[redacted]' },
      { name: 'AWS_SECRET_ACCESS_KEY', value: '[redacted]' },
      { name: 'STRIPE_API_KEY', value: 'from Secret orders-secrets key stripe' },
    ]);
  });

  it('turns a 401 (no access entry) into one error that says what to grant, and still draws ECS and the EKS nodes', async () => {
    const world = demoWorld();
    const { topology, fake } = await readThroughFake({ world, kube: { access: { 'orders-eks': 'unauthorized' } } });
    expect(kubeErrors(topology)).toHaveLength(1);
    const [error] = kubeErrors(topology);
    expect(error?.api).toBe('k8s:list nodes');
    expect(error?.resource).toBe('EKS cluster orders-eks');
    expect(error?.code).toBe('Unauthorized');
    expect(error?.hint).toContain('access entry');
    expect(error?.hint).toContain('AmazonEKSViewPolicy');
    expect(fake.kubeCalls()).toHaveLength(1);
    expect(resourcesOf(topology, 'task')).toHaveLength(world.ecs.tasks.length);
    expect(resourcesOf(topology, 'eksNode')).toHaveLength(5);
    expect(resourcesOf(topology, 'pod')).toHaveLength(0);
  });

  it('turns an RBAC denial into a precise error for that resource only', async () => {
    const { topology } = await readThroughFake({ world: demoWorld(), kube: { forbid: { 'orders-eks': ['pods', 'targetgroupbindings'] } } });
    const errors = kubeErrors(topology);
    expect(errors.map((e) => `${e.api} ${e.code}`).sort()).toEqual(['k8s:list pods Forbidden', 'k8s:list targetgroupbindings Forbidden']);
    expect(errors.find((e) => e.api === 'k8s:list pods')?.message).toContain('cannot list resource "pods" in API group "" at the cluster scope');
    expect(errors.find((e) => e.api === 'k8s:list pods')?.hint).toContain('AmazonEKSViewPolicy');
    expect(errors.find((e) => e.api === 'k8s:list targetgroupbindings')?.hint).toContain('targetgroupbindings.elbv2.k8s.aws');
    expect(errors.find((e) => e.api === 'k8s:list targetgroupbindings')?.hint).toContain('iam/fleetmap-kubernetes-reader.yaml');
    expect(resourcesOf(topology, 'workload')).toHaveLength(8);
    expect(resourcesOf(topology, 'pod')).toHaveLength(0);
  });

  it('says a private endpoint cannot be reached, and why', async () => {
    const world = demoWorld();
    const { topology } = await readThroughFake({ world, kube: { access: { 'orders-eks': 'unreachable' } } });
    const [error] = kubeErrors(topology);
    expect(kubeErrors(topology)).toHaveLength(1);
    expect(error?.code).toBe('ECONNREFUSED');
    expect(error?.hint).toContain('private-only');
    expect(resourcesOf(topology, 'service')).toHaveLength(10);
  });
});
