import { resourceOf, type Subnet, type Topology } from '../model';
import { unreadBecause } from './completeness';

/** public: a route to an internet gateway was read; private: the route tables were read and none was; else unknown. */
export type SubnetExposure = 'public' | 'private' | 'unknown';

/**
 * The model's `public` is false both when the subnet's route table sends nothing to an internet gateway and when
 * no route table could be read: only the first makes it private.
 */
export function subnetExposure(topology: Topology, subnet: Subnet): SubnetExposure {
  if (subnet.public) return 'public';
  return unreadBecause(topology.errors, 'routeTable').length ? 'unknown' : 'private';
}

/** "private-b (private, 10.0.14.0/22)", "private-b (10.0.14.0/22)" when its routes were not read, else the id as read. */
export function describeSubnet(topology: Topology, id: string | undefined): string | undefined {
  const subnet = resourceOf(topology, 'subnet', id);
  if (!subnet) return id;
  const exposure = subnetExposure(topology, subnet);
  return `${subnet.name ?? subnet.id} (${exposure === 'unknown' ? '' : `${exposure}, `}${subnet.cidrBlock})`;
}
