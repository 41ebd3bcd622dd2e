import { cidrContains } from '../../src/topology/model/cidr';
import type { WorldBuilder } from './builder';
import { kubeOf, meta, nameOf, uid } from './builder-k8s';
import { addLoadBalancer, addTargetGroup } from './builder-services';
import { str, type JsonObject, type KubeObjects } from './world';

/** Kubernetes Services, and what the AWS Load Balancer Controller builds in AWS for an Ingress. */
export function addKubeService(
  b: WorldBuilder,
  cluster: string,
  spec: { namespace: string; name: string; selector: Record<string, string>; port: number; targetPort: number; type?: 'ClusterIP' | 'LoadBalancer' },
): void {
  const kube = kubeOf(b.worldRef(), cluster);
  kube.services.push({
    metadata: { name: spec.name, namespace: spec.namespace, uid: uid(b), creationTimestamp: b.iso(10 * 86400) },
    spec: {
      type: spec.type ?? 'ClusterIP',
      selector: spec.selector,
      clusterIP: `172.20.${Math.floor(b.random() * 250)}.${Math.floor(b.random() * 250) + 1}`,
      ports: [{ name: 'http', protocol: 'TCP', port: spec.port, targetPort: spec.targetPort }],
    },
    status: { loadBalancer: {} },
  });
}

const podsOf = (kube: KubeObjects, namespace: string, selector: Record<string, string>) =>
  kube.pods.filter((p) => {
    const l = meta(p)['labels'] as JsonObject;
    return str(meta(p), 'namespace') === namespace && Object.entries(selector).every(([k, v]) => l[k] === v);
  });

/**
 * An Ingress with class alb and what the AWS Load Balancer Controller makes of it: an ALB with its tags, one
 * ip-type target group per backend Service, a TargetGroupBinding for each, pod IPs registered with their health
 * (a pod that is not ready fails its health check), and the ALB's DNS name in the Ingress status.
 */
export function addAlbIngress(
  b: WorldBuilder,
  cluster: string,
  spec: { namespace: string; name: string; subnets: string[]; paths: { path: string; service: string }[] },
): string {
  const w = b.worldRef();
  const kube = kubeOf(w, cluster);
  const vpcId = str(w.ec2.subnets.find((s) => s['subnetId'] === spec.subnets[0]) ?? {}, 'vpcId');
  const stack = `${spec.namespace}/${spec.name}`;
  const tgs = spec.paths.map((p) => {
    const svc = kube.services.find((s) => nameOf(s) === p.service && str(meta(s), 'namespace') === spec.namespace);
    if (!svc) throw new Error(`no Service ${p.service} in ${spec.namespace}`);
    const port = (((svc['spec'] as JsonObject)['ports'] as JsonObject[])[0] ?? {}) as JsonObject;
    const targetPort = Number(port['targetPort'] ?? 80);
    const tgName = `k8s-${spec.namespace}-${p.service}-${b.hex(10)}`.slice(0, 32);
    const tg = addTargetGroup(b, tgName, targetPort, 'ip', vpcId);
    const selector = (svc['spec'] as JsonObject)['selector'] as Record<string, string>;
    for (const pod of podsOf(kube, spec.namespace, selector)) {
      const st = pod['status'] as JsonObject;
      const ready = ((st['conditions'] as JsonObject[]) ?? []).some((c) => c['type'] === 'Ready' && c['status'] === 'True');
      const ip = str(st, 'podIP');
      const subnet = w.ec2.subnets.find((s) => cidrContains(str(s, 'cidrBlock'), ip));
      w.elbv2.targetHealth[tg]?.push({
        Target: { Id: ip, Port: targetPort, AvailabilityZone: str(subnet ?? {}, 'availabilityZone') },
        HealthCheckPort: String(targetPort),
        TargetHealth: ready
          ? { State: 'healthy' }
          : { State: 'unhealthy', Reason: 'Target.ResponseCodeMismatch', Description: 'Health checks failed with these codes: [502]' },
      });
    }
    kube.targetgroupbindings.push({
      metadata: {
        name: tgName,
        namespace: spec.namespace,
        uid: uid(b),
        creationTimestamp: b.iso(10 * 86400),
        labels: { 'ingress.k8s.aws/stack-name': spec.name, 'ingress.k8s.aws/stack-namespace': spec.namespace },
      },
      spec: { targetGroupARN: tg, targetType: 'ip', serviceRef: { name: p.service, port: Number(port['port'] ?? 80) }, ipAddressType: 'ipv4' },
      status: { observedGeneration: 1 },
    });
    return { path: p.path, tg };
  });
  const lbName = `k8s-${spec.namespace}-${spec.name}-${b.hex(10)}`.slice(0, 32);
  const lbArn = addLoadBalancer(b, lbName, 'application', 'internet-facing', spec.subnets, [
    { port: 80, protocol: 'HTTP', defaultTargetGroup: tgs[0]!.tg, rules: tgs.slice(1).map((t) => ({ path: t.path, targetGroup: t.tg })) },
  ]);
  const lb = w.elbv2.loadBalancers.find((l) => l['LoadBalancerArn'] === lbArn)!;
  lb['Tags'] = [
    { Key: 'elbv2.k8s.aws/cluster', Value: cluster },
    { Key: 'ingress.k8s.aws/stack', Value: stack },
    { Key: 'ingress.k8s.aws/resource', Value: 'LoadBalancer' },
  ];
  kube.ingresses.push({
    metadata: {
      name: spec.name,
      namespace: spec.namespace,
      uid: uid(b),
      creationTimestamp: b.iso(10 * 86400),
      annotations: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing', 'alb.ingress.kubernetes.io/target-type': 'ip' },
    },
    spec: {
      ingressClassName: 'alb',
      rules: [
        { http: { paths: spec.paths.map((p) => ({ path: p.path, pathType: 'Prefix', backend: { service: { name: p.service, port: { number: 80 } } } })) } },
      ],
    },
    status: { loadBalancer: { ingress: [{ hostname: str(lb, 'DNSName') }] } },
  });
  return lbArn;
}
