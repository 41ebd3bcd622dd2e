import { useEffect } from 'react';
import { selectSelected, useStore } from '../app/store';
import { shortId, type Topology } from '../topology/model';
import { ecsClusters } from '../topology/graph/clusters';
import { LoadBalancerDetails, TargetGroupDetails } from './BalancerDetails';
import { ClusterDetails } from './ClusterDetails';
import { EksClusterDetails, EksNodeDetails, FargateProfileFacts } from './EksDetails';
import { IngressDetails, KubeServiceDetails, PodDetails, WorkloadDetails } from './KubeDetails';
import { NodeGroupDetails } from './NodeGroupDetails';
import { ResourceHistory } from './ResourceHistory';
import { Facts, Section } from './Section';
import { ServiceDetails } from './ServiceDetails';
import { SubnetDetails } from './SubnetDetails';
import { TaskDetails } from './TaskDetails';
import { VpcDetails } from './VpcDetails';

function Body({ id, topology }: { id: string; topology: Topology }) {
  const r = topology.resources[id];
  const cluster = !r || r.kind === 'cluster' ? ecsClusters(topology).find((c) => c.id === id) : undefined;
  // An ECS cluster DescribeClusters did not give is still drawn from its services and tasks.
  if (cluster) return <ClusterDetails summary={cluster} />;
  if (!r) {
    if (id.startsWith('group:')) return <p className="muted">A folded group: click it on the map to unfold it.</p>;
    // The boxes the map draws for what a failed EC2 read left without a VPC or subnet.
    if (id === 'vpc:unknown') return <p className="muted">The VPC could not be read (ec2:DescribeVpcs): see the errors in the status bar.</p>;
    if (id.startsWith('subnet:unknown:'))
      return <p className="muted">Tasks and pods of {id.slice('subnet:unknown:'.length)} whose subnet could not be read: see the errors in the status bar.</p>;
    if (id.includes('/namespace/')) return <p className="muted">Namespace {shortId(id)}: select one of its workloads or pods.</p>;
    return <p className="muted">{id} is not in this read.</p>;
  }
  switch (r.kind) {
    case 'task':
      return <TaskDetails task={r} topology={topology} />;
    case 'service':
      return <ServiceDetails service={r} topology={topology} />;
    case 'loadBalancer':
      return <LoadBalancerDetails lb={r} topology={topology} />;
    case 'targetGroup':
      return <TargetGroupDetails tg={r} topology={topology} />;
    case 'containerInstance':
      return (
        <Section title="Container instance">
          <Facts
            rows={[
              ['EC2 instance', r.ec2InstanceId],
              ['type', r.instanceType],
              ['AZ', r.az],
              ['status', r.status],
              ['agent', r.agentConnected ? 'connected' : 'disconnected'],
              ['running tasks', r.runningTasks],
              ['CPU', `${r.registered.cpu - r.remaining.cpu} / ${r.registered.cpu}`],
              ['memory', `${r.registered.memory - r.remaining.memory} / ${r.registered.memory} MiB`],
            ]}
          />
        </Section>
      );
    case 'cluster':
      return <p className="muted">Cluster {r.name}</p>;
    case 'eksNode':
      return <EksNodeDetails node={r} topology={topology} />;
    case 'eksCluster':
      return <EksClusterDetails cluster={r} topology={topology} />;
    case 'nodeGroup':
      return <NodeGroupDetails group={r} topology={topology} />;
    case 'fargateProfile':
      return <FargateProfileFacts profile={r} />;
    case 'pod':
      return <PodDetails pod={r} topology={topology} />;
    case 'workload':
      return <WorkloadDetails workload={r} topology={topology} />;
    case 'kubeService':
      return <KubeServiceDetails service={r} />;
    case 'ingress':
      return <IngressDetails ingress={r} />;
    case 'vpc':
      return <VpcDetails vpc={r} topology={topology} />;
    case 'subnet':
      return <SubnetDetails subnet={r} topology={topology} />;
    case 'region':
    case 'az':
    case 'taskDefinition':
      return <p className="muted">{r.kind}</p>;
  }
}

/** Drill-down for the selection; Esc closes it, and the URL keeps it so a link reopens the same view. */
export function DetailsPanel({ topology }: { topology: Topology }) {
  const selected = useStore(selectSelected);
  const select = useStore((s) => s.select);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') select(undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [select]);
  if (!selected) return null;
  return (
    <aside className="details" aria-label="Details">
      <button type="button" className="close" onClick={() => select(undefined)} aria-label="Close details">
        ×
      </button>
      <Body id={selected} topology={topology} />
      <ResourceHistory key={selected} id={selected} />
    </aside>
  );
}
