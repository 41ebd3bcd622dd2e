import type { EcsClusterSummary } from '../topology/graph/clusters';
import { Facts, Section } from './Section';

const withAws = (read: number, aws: number | undefined) => (aws === undefined ? read : `${read} (AWS counts ${aws})`);

/** An ECS cluster: what was read in it, AWS's counters where they differ, and its capacity when it was described. */
export function ClusterDetails({ summary }: { summary: EcsClusterSummary }) {
  const c = summary.cluster;
  return (
    <Section title={`Cluster ${summary.name}`}>
      <Facts
        rows={[
          ['status', c ? c.status : 'not described (see the errors in the status bar)'],
          ['services', withAws(summary.services, summary.aws.services)],
          ['running tasks', withAws(summary.phases.running, summary.aws.tasks)],
          ...(summary.tasks !== summary.phases.running
            ? ([['other tasks', `${summary.phases.pending} pending, ${summary.phases.stopping} stopping, ${summary.phases.stopped} stopped`]] as [
                string,
                string,
              ][])
            : []),
          ['capacity providers', c ? c.capacityProviders.join(', ') || '—' : undefined],
          ['container instances', c?.containerInstances],
        ]}
      />
    </Section>
  );
}
