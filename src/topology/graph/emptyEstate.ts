import { kindList, type ResourceKind, type Topology } from '../model';

/** Kinds that mean "there are containers here": anything the map would draw a cluster, service or task for. */
const CONTAINER_KINDS: readonly ResourceKind[] = ['cluster', 'service', 'task', 'eksCluster', 'eksNode', 'pod', 'workload'];

export interface EmptyEstate {
  title: string;
  /** Which region (and account) was read, and what was found */
  detail: string;
  /** How to look somewhere else, or why the answer may be incomplete */
  next: string;
}

/**
 * What to say instead of a map when a read found no ECS or EKS containers: an empty box would read as "the VPC
 * could not be read". A read with errors may have missed what is there, so it says so rather than "empty".
 */
export function emptyEstate(topology: Topology): EmptyEstate | undefined {
  if (CONTAINER_KINDS.some((kind) => kindList(topology, kind).length > 0)) return undefined;
  const { source, errors } = topology;
  const where = `${source.region}${source.accountId ? ` (account ${source.accountId})` : ''}`;
  const elsewhere =
    source.kind === 'snapshot'
      ? 'Open a snapshot of another region, or serve a live read with --region NAME.'
      : `To map another region, start Fleetmap with --region NAME, or set AWS_REGION (e.g. AWS_REGION=eu-west-1 npx fleetmap serve).`;
  if (errors.length) {
    const n = `${errors.length} ${errors.length === 1 ? 'call' : 'calls'}`;
    return {
      title: `No ECS or EKS containers could be read in ${source.region}`,
      detail: `Fleetmap read ${where}, but ${n} failed, so containers may be there that it could not see.`,
      next: `The errors in the status bar name each call and the permission it needs. ${elsewhere}`,
    };
  }
  return {
    title: `No ECS or EKS containers in ${source.region}`,
    detail: `Fleetmap read ${where}${source.kind === 'snapshot' ? ` (${source.label})` : ''} and found no ECS clusters and no EKS clusters.`,
    next: elsewhere,
  };
}
