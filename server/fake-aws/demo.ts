import { WorldBuilder, type ServiceSpec } from './builder';
import { addEksCluster, addFargateProfile, addNodeGroup } from './builder-eks';
import { addKubeApi, addWorkload } from './builder-k8s';
import { addAlbIngress, addKubeService } from './builder-k8s-ingress';
import { addLoadBalancer, addService, addStoppedTask, addTargetGroup } from './builder-services';
import type { World } from './world';

/**
 * The demo estate: one region, three AZs, one VPC with a public and a private subnet per AZ, three ECS clusters
 * (Fargate; EC2 container instances; a FARGATE_SPOT capacity provider strategy), an ALB with path rules and an NLB.
 * It holds the situations the map must make obvious: a service mid-deployment with two revisions running, an
 * unhealthy target, a service in only two of three AZs, a crashed task, and plaintext secrets in environment values.
 * Its times are offsets before `now` (epoch ms); its ids do not depend on it.
 */
export function demoWorld(now = Date.now()): World {
  const b = new WorldBuilder('demo', 20261126, undefined, undefined, now);
  const vpc = b.vpc('10.0.0.0/16', 'shop-prod');
  const azs = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
  const pub = azs.map((az, i) => b.subnet(vpc, az, `10.0.${i}.0/24`, `public-${az.slice(-1)}`, true));
  const priv = azs.map((az, i) => b.subnet(vpc, az, `10.0.${10 + i * 4}.0/22`, `private-${az.slice(-1)}`, false));
  const [privA = '', privB = '', privC = ''] = priv;

  const storefront = 'storefront';
  b.cluster(storefront, ['FARGATE'], [{ capacityProvider: 'FARGATE', weight: 1 }]);
  const platform = b.cluster('platform-ec2');
  // The batch cluster's default strategy, which its services also name: one task on Fargate, three on Spot after it.
  const spot = [
    { capacityProvider: 'FARGATE', weight: 1, base: 1 },
    { capacityProvider: 'FARGATE_SPOT', weight: 3 },
  ];
  b.cluster('batch-spot', ['FARGATE', 'FARGATE_SPOT'], spot);

  const webTg = addTargetGroup(b, 'web-tg', 3000, 'ip', vpc);
  const apiTg = addTargetGroup(b, 'api-tg', 8080, 'ip', vpc);
  const cartTg = addTargetGroup(b, 'cart-tg', 8080, 'ip', vpc);
  const ledgerTg = addTargetGroup(b, 'ledger-tg', 7000, 'instance', vpc, 'TCP');
  addLoadBalancer(b, 'storefront-alb', 'application', 'internet-facing', pub, [
    {
      port: 443,
      protocol: 'HTTPS',
      defaultTargetGroup: webTg,
      rules: [
        { path: '/api/*', targetGroup: apiTg },
        { path: '/cart/*', targetGroup: cartTg },
      ],
    },
  ]);
  addLoadBalancer(b, 'ledger-nlb', 'network', 'internal', priv, [{ port: 7000, protocol: 'TCP', defaultTargetGroup: ledgerTg }]);

  const ecr = `${b.worldRef().accountId}.dkr.ecr.us-east-1.amazonaws.com`;
  const secretArn = (name: string) => `arn:aws:secretsmanager:us-east-1:${b.worldRef().accountId}:secret:${name}`;
  // Older revisions exist in AWS but run nowhere, so they are never read.
  b.skipRevisions('web', 7);
  b.skipRevisions('api', 12);
  b.skipRevisions('ledger', 30);
  const web1 = b.taskDefinition('web', [
    {
      name: 'web',
      image: `${ecr}/web:2.8.0`,
      port: 3000,
      environment: { NODE_ENV: 'production', SESSION_SECRET: 'demo-session-s3cr3t-8f2a' },
      healthCheckCommand: ['CMD-SHELL', 'curl -f http://localhost:3000/health || exit 1'],
    },
  ]);
  const api13 = b.taskDefinition('api', [
    {
      name: 'api',
      image: `${ecr}/api:1.13.2`,
      port: 8080,
      environment: { DATABASE_URL: 'postgres://api:hunter2@orders-db.internal:5432/shop' },
      secrets: { STRIPE_KEY: secretArn('prod/stripe-AbC123') },
    },
  ]);
  const api14 = b.taskDefinition('api', [
    {
      name: 'api',
      image: `${ecr}/api:1.14.0`,
      port: 8080,
      environment: { DATABASE_URL: 'postgres://api:hunter2@orders-db.internal:5432/shop', STRIPE_API_KEY: 'sk_live_51Hdemo0000fleetmap' },
      secrets: { STRIPE_KEY: secretArn('prod/stripe-AbC123') },
    },
  ]);
  const cart = b.taskDefinition('cart', [{ name: 'cart', image: `${ecr}/cart:4.1.0`, port: 8080, environment: { REDIS_HOST: 'cart.cache.internal' } }]);
  const worker = b.taskDefinition('checkout-worker', [
    {
      name: 'checkout-worker',
      image: `${ecr}/checkout-worker:3.0.1`,
      environment: {
        QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/checkout',
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
    },
  ]);
  const notify = b.taskDefinition('notifications', [
    { name: 'notifications', image: `${ecr}/notifications:0.9.4`, secrets: { SENDGRID_TOKEN: secretArn('prod/sendgrid-Zz9') } },
  ]);
  const ledger = b.taskDefinition(
    'ledger',
    [{ name: 'ledger', image: `${ecr}/ledger:7.2.0`, port: 7000, environment: { LEDGER_DB_PASSWORD: 'ledger-pw-77' } }],
    'bridge',
    ['EC2'],
  );
  const pricing = b.taskDefinition('pricing', [{ name: 'pricing', image: `${ecr}/pricing:1.0.3`, port: 9000 }], 'bridge', ['EC2']);
  const metrics = b.taskDefinition('metrics-agent', [{ name: 'metrics-agent', image: 'public.ecr.aws/cloudwatch-agent/cloudwatch-agent:latest' }], 'bridge', [
    'EC2',
  ]);
  const resizer = b.taskDefinition('image-resizer', [
    { name: 'image-resizer', image: `${ecr}/image-resizer:5.5.0`, environment: { BUCKET: 'shop-images-prod' } },
  ]);
  const reports = b.taskDefinition('report-builder', [{ name: 'report-builder', image: `${ecr}/report-builder:2.2.1` }]);

  const instances = [privA, privB, privC].map((s, i) =>
    b.containerInstance(`${b.arnPrefix('ecs')}:cluster/platform-ec2`, s, i === 2 ? 'm5.xlarge' : 'm5.large'),
  );
  void platform;
  // Where each cluster's services run, said once: Fargate in the storefront, bridge tasks on the EC2 hosts, and the
  // Spot strategy for batch.
  const onStorefront = { cluster: storefront, launchType: 'FARGATE' } satisfies Partial<ServiceSpec>;
  const onHosts = { cluster: 'platform-ec2', subnets: [], containerInstances: instances, launchType: 'EC2' } satisfies Partial<ServiceSpec>;
  const onSpot = { cluster: 'batch-spot', subnets: priv, capacityProviderStrategy: spot } satisfies Partial<ServiceSpec>;

  addService(b, {
    ...onStorefront,
    name: 'web',
    revisions: [{ taskDefinition: web1, running: 6 }],
    subnets: priv,
    targetGroup: webTg,
    containerPort: 3000,
    unhealthy: [{ index: 4, reason: 'Target.ResponseCodeMismatch', description: 'Health checks failed with these codes: [502]' }],
    events: [
      '(service web) has reached a steady state.',
      '(service web) (port 3000) is unhealthy in target-group web-tg due to (reason Health checks failed with these codes: [502]).',
    ],
  });
  addService(b, {
    ...onStorefront,
    name: 'api',
    revisions: [
      { taskDefinition: api13, running: 2 },
      { taskDefinition: api14, running: 3 },
    ],
    subnets: priv,
    targetGroup: apiTg,
    pending: 1,
    events: [
      '(service api) has started 2 tasks: (task 7f3a) (task 91bc).',
      '(service api) registered 2 targets in (target-group api-tg)',
      '(service api) has begun draining connections on 1 tasks.',
    ],
  });
  addService(b, {
    ...onStorefront,
    name: 'cart',
    revisions: [{ taskDefinition: cart, running: 3 }],
    subnets: [privA, privB],
    targetGroup: cartTg,
  });
  const workerArn = addService(b, {
    ...onStorefront,
    name: 'checkout-worker',
    revisions: [{ taskDefinition: worker, running: 3 }],
    subnets: priv,
  });
  addStoppedTask(b, workerArn, 'Essential container in task exited', 137);
  addService(b, {
    ...onStorefront,
    name: 'notifications',
    revisions: [{ taskDefinition: notify, running: 2 }],
    subnets: [privB, privC],
  });
  addService(b, {
    ...onHosts,
    name: 'ledger',
    revisions: [{ taskDefinition: ledger, running: 4 }],
    targetGroup: ledgerTg,
    containerPort: 7000,
  });
  addService(b, {
    ...onHosts,
    name: 'pricing',
    revisions: [{ taskDefinition: pricing, running: 3 }],
  });
  addService(b, {
    ...onHosts,
    name: 'metrics-agent',
    revisions: [{ taskDefinition: metrics, running: 3 }],
  });
  addService(b, {
    ...onSpot,
    name: 'image-resizer',
    revisions: [{ taskDefinition: resizer, running: 5 }],
  });
  addService(b, {
    ...onSpot,
    name: 'report-builder',
    revisions: [{ taskDefinition: reports, running: 4 }],
    pending: 1,
  });
  // EKS beside ECS in the same VPC: two managed node groups across the private subnets and a Fargate profile.
  addEksCluster(b, 'orders-eks', priv);
  addNodeGroup(b, 'orders-eks', 'general', { subnets: priv, instanceType: 'm6i.large', count: 3 });
  addNodeGroup(b, 'orders-eks', 'spot-workers', {
    subnets: priv.slice(0, 2),
    instanceType: 'm6i.xlarge',
    count: 2,
    capacityType: 'SPOT',
    healthIssues: [{ code: 'AsgInstanceLaunchFailures', message: 'Could not launch Spot Instances: insufficient capacity in us-east-1c.' }],
  });
  addFargateProfile(b, 'orders-eks', 'batch', priv, [{ namespace: 'batch' }]);
  // Its Kubernetes side: five application workloads (one pod crash-looping), the system DaemonSets and CoreDNS,
  // a Job on Fargate, and an Ingress the AWS Load Balancer Controller turned into an ALB.
  addKubeApi(b, 'orders-eks');
  const eks = 'orders-eks';
  addWorkload(b, eks, {
    namespace: 'kube-system',
    name: 'aws-node',
    kind: 'DaemonSet',
    image: '602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon-k8s-cni:v1.19.2',
    requests: { cpu: '25m', memory: '64Mi' },
  });
  addWorkload(b, eks, {
    namespace: 'kube-system',
    name: 'kube-proxy',
    kind: 'DaemonSet',
    image: '602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/kube-proxy:v1.31.3-eksbuild.2',
    requests: { cpu: '100m', memory: '64Mi' },
  });
  addWorkload(b, eks, {
    namespace: 'kube-system',
    name: 'coredns',
    kind: 'Deployment',
    replicas: 2,
    image: '602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/coredns:v1.11.4-eksbuild.2',
    port: 53,
    requests: { cpu: '100m', memory: '70Mi' },
    limits: { memory: '170Mi' },
  });
  const ordersApi = addWorkload(b, eks, {
    namespace: 'orders',
    name: 'orders-api',
    kind: 'Deployment',
    replicas: 8,
    image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api:2.14.0',
    port: 8080,
    requests: { cpu: '250m', memory: '512Mi' },
    limits: { cpu: '1', memory: '1Gi' },
    env: {
      DATABASE_URL: 'postgres://orders:Orders-Pa55w0rd!@orders-db.internal:5432/orders',
      LOG_LEVEL: 'info',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    },
    secretEnv: { STRIPE_API_KEY: 'orders-secrets/stripe' },
    previous: [6, 7],
  });
  const payments = addWorkload(b, eks, {
    namespace: 'orders',
    name: 'payments',
    kind: 'Deployment',
    replicas: 4,
    image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/payments:5.2.1',
    port: 9000,
    requests: { cpu: '500m', memory: '768Mi' },
    limits: { memory: '1Gi' },
    env: { PAYMENT_PROVIDER_TOKEN: 'tok_live_51HxFleetmapDemo', REGION: 'us-east-1' },
    crashLooping: [1],
  });
  addWorkload(b, eks, {
    namespace: 'orders',
    name: 'inventory-db',
    kind: 'StatefulSet',
    replicas: 3,
    image: 'postgres:16.6',
    port: 5432,
    requests: { cpu: '500m', memory: '1Gi' },
    secretEnv: { POSTGRES_PASSWORD: 'inventory-db/password' },
  });
  addWorkload(b, eks, {
    namespace: 'orders',
    name: 'recommendations',
    kind: 'Deployment',
    replicas: 5,
    image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/recommendations:0.9.3',
    port: 8000,
    requests: { cpu: '200m', memory: '256Mi' },
  });
  addWorkload(b, eks, {
    namespace: 'batch',
    name: 'nightly-export',
    kind: 'Job',
    replicas: 3,
    image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/exporter:1.4.0',
    requests: { cpu: '1', memory: '2Gi' },
    env: { EXPORT_BUCKET: 's3://shop-prod-exports' },
    fargateSubnets: priv,
  });
  addKubeService(b, eks, { namespace: 'orders', name: 'orders-api', selector: ordersApi, port: 80, targetPort: 8080 });
  addKubeService(b, eks, { namespace: 'orders', name: 'payments', selector: payments, port: 80, targetPort: 9000 });
  addAlbIngress(b, eks, {
    namespace: 'orders',
    name: 'orders',
    subnets: pub,
    paths: [
      { path: '/', service: 'orders-api' },
      { path: '/payments/*', service: 'payments' },
    ],
  });
  return b.build();
}
