import { WorldBuilder } from './builder';
import { addEksCluster, addNodeGroup } from './builder-eks';
import { addKubeApi, addWorkload } from './builder-k8s';
import { addAlbIngress, addKubeService } from './builder-k8s-ingress';
import type { World } from './world';

export interface EksWorldSize {
  clusters: number;
  podsPerCluster: number;
  azs: number;
  seed: number;
}

/** Application namespaces of each generated cluster. */
const NAMESPACES = ['checkout', 'catalog', 'search', 'identity', 'payments', 'shipping', 'reviews', 'analytics'];
const PODS_PER_WORKLOAD = 30;
const PODS_PER_NODE = 50;

/**
 * A seeded EKS estate of any size, for the benchmark: clusters sharing one VPC's private subnets, each with an
 * on-demand and a spot node group sized for its pods, the aws-node and kube-proxy DaemonSets, Deployments of 30
 * pods across eight namespaces (one pod in twenty crash-looping), and two Ingress ALBs per cluster.
 */
export function generateEksWorld(size: EksWorldSize, now = Date.now()): World {
  const b = new WorldBuilder(`generated-eks-${size.clusters}x${size.podsPerCluster}`, size.seed, undefined, undefined, now);
  const vpc = b.vpc('10.0.0.0/16', 'eks-generated');
  const azs = Array.from({ length: size.azs }, (_, i) => `us-east-1${String.fromCharCode(97 + i)}`);
  const pub = azs.map((az, i) => b.subnet(vpc, az, `10.0.${i}.0/24`, `public-${az.slice(-1)}`, true));
  // /18 private subnets: room for every pod IP of every cluster.
  const priv = azs.map((az, i) => b.subnet(vpc, az, `10.0.${64 + i * 64}.0/18`, `private-${az.slice(-1)}`, false));
  for (let c = 0; c < size.clusters; c++) {
    const name = `eks-${String(c + 1).padStart(2, '0')}`;
    addEksCluster(b, name, priv);
    const nodes = Math.max(size.azs, Math.ceil(size.podsPerCluster / PODS_PER_NODE));
    const spot = Math.floor(nodes / 3);
    addNodeGroup(b, name, 'general', { subnets: priv, instanceType: 'm6i.2xlarge', count: nodes - spot });
    addNodeGroup(b, name, 'spot', { subnets: priv, instanceType: 'm6i.2xlarge', count: spot, capacityType: 'SPOT' });
    addKubeApi(b, name);
    addWorkload(b, name, { namespace: 'kube-system', name: 'aws-node', kind: 'DaemonSet', image: 'amazon-k8s-cni:v1.19.2' });
    addWorkload(b, name, { namespace: 'kube-system', name: 'kube-proxy', kind: 'DaemonSet', image: 'kube-proxy:v1.31.3' });
    let left = size.podsPerCluster - 2 * nodes;
    const routed: { namespace: string; service: string }[] = [];
    for (let w = 0; left > 0; w++) {
      const replicas = Math.min(PODS_PER_WORKLOAD, left);
      left -= replicas;
      const namespace = NAMESPACES[w % NAMESPACES.length] ?? 'default';
      const workload = `app-${String(w + 1).padStart(3, '0')}`;
      const selector = addWorkload(b, name, {
        namespace,
        name: workload,
        kind: 'Deployment',
        replicas,
        image: `registry.example/${workload}:1.${w % 7}`,
        port: 8080,
        requests: { cpu: '100m', memory: '128Mi' },
        env: { LOG_LEVEL: 'info' },
        ...(w % 20 === 3 ? { crashLooping: [0] } : {}),
      });
      // The first four workloads of the first two namespaces are behind an Ingress each.
      if (w % NAMESPACES.length < 2 && w < 4 * NAMESPACES.length) {
        addKubeService(b, name, { namespace, name: workload, selector, port: 80, targetPort: 8080 });
        routed.push({ namespace, service: workload });
      }
    }
    for (const namespace of NAMESPACES.slice(0, 2)) {
      const mine = routed.filter((g) => g.namespace === namespace);
      if (!mine.length) continue;
      addAlbIngress(b, name, {
        namespace,
        name: `${namespace}-ingress`,
        subnets: pub,
        paths: mine.map((g, k) => ({ path: k === 0 ? '/' : `/${g.service}/*`, service: g.service })),
      });
    }
  }
  return b.build();
}
