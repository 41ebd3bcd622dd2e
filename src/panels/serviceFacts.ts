import { resourceOf, resourcesOf, type Service, type Topology } from '../topology/model';

/** The subnets a service panel names, and where they were read from. */
export interface ServiceSubnets {
  names: string[];
  /** Its awsvpc configuration, or (bridge and host networking have none) the subnets its running tasks are in */
  from: 'configuration' | 'tasks';
}

/** Pure: a service's subnets by name, in the order configured, else (its tasks') sorted. */
export function serviceSubnets(service: Service, topology: Topology): ServiceSubnets {
  const name = (id: string) => resourceOf(topology, 'subnet', id)?.name ?? id;
  const configured = service.networkConfiguration?.subnets ?? [];
  if (configured.length) return { names: configured.map(name), from: 'configuration' };
  const ids = resourcesOf(topology, 'task').flatMap((t) => (t.serviceArn === service.id && t.lastStatus !== 'STOPPED' && t.subnetId ? [t.subnetId] : []));
  return { names: [...new Set(ids)].map(name).sort(), from: 'tasks' };
}
