import { describe, expect, it } from 'vitest';
import { resourcesOf, type Topology } from '../../../../src/topology/model';
import { demoWorld } from '../../../fake-aws/demo';
import { readThroughFake } from '../../../fake-aws/readWorld';

const kubeErrors = (t: Topology) => t.errors.filter((e) => e.api.startsWith('k8s:'));

describe('a Kubernetes API failure reads as one clean line', () => {
  it('a 401 says the status and that the cluster does not know the identity, never the client’s raw exception', async () => {
    const { topology } = await readThroughFake({ world: demoWorld(), kube: { access: { 'orders-eks': 'unauthorized' } } });
    const [error] = kubeErrors(topology);
    expect(error?.message).toBe('401 Unauthorized: the cluster does not know this identity');
    expect(error?.hint).toContain('aws eks create-access-entry --cluster-name orders-eks');
  });

  it('a 403 keeps the Kubernetes Status message after the status, on one line', async () => {
    const { topology } = await readThroughFake({ world: demoWorld(), kube: { forbid: { 'orders-eks': ['pods'] } } });
    const [error] = kubeErrors(topology);
    expect(error?.message).toMatch(/^403 Forbidden: pods is forbidden: .*cannot list resource "pods" in API group "" at the cluster scope$/);
    expect(error?.message).not.toContain('\n');
    expect(resourcesOf(topology, 'workload')).toHaveLength(8);
  });

  it('an unreachable endpoint is one line too', async () => {
    const { topology } = await readThroughFake({ world: demoWorld(), kube: { access: { 'orders-eks': 'unreachable' } } });
    const [error] = kubeErrors(topology);
    expect(error?.message).not.toContain('\n');
    expect(error?.message).not.toMatch(/HTTP-Code|Headers:|Body:/);
  });
});
