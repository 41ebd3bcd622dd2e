import { describe, expect, it } from 'vitest';
import { demoWorld } from '../../fake-aws/demo';
import { startFakeAws } from '../../fake-aws/server';
import { createAwsClients } from './clients';
import { collectEstate } from './collect';
import { createEcsReader } from './ecs';
import { createEc2Reader } from './ec2';
import { createEksReader } from './eks';
import { createElbv2Reader } from './elbv2';
import { watchUnhandledRejections } from './watchUnhandled';

/**
 * A fault in Fleetmap's own code while putting a read together (here: a reader that throws) costs that part of the
 * map, named in one error, and never the read: no promise derived from it rejects unhandled, which would take
 * `fleetmap serve` down.
 */
const unhandled = watchUnhandledRejections();

describe('a read whose parts fail', () => {
  it('returns what the other parts read, with one error per failed part, and nothing rejects unhandled', async () => {
    const fake = await startFakeAws({ world: demoWorld() });
    try {
      const clients = createAwsClients({
        region: 'us-east-1',
        maxAttempts: 1,
        credentials: { accessKeyId: 'AKIDFLEETMAPTEST', secretAccessKey: 'fleetmap-test-secret' },
        endpoint: fake.url,
      });
      const raw = await collectEstate('us-east-1', (ctx) => {
        const ecs = createEcsReader(clients.ecs, ctx);
        const eks = createEksReader(clients.eks, ctx);
        return {
          ecs: { ...ecs, tasks: () => Promise.reject(new TypeError("Cannot read properties of null (reading 'taskDefinitionArn')")) },
          ec2: createEc2Reader(clients.ec2, ctx),
          elbv2: createElbv2Reader(clients.elbv2, ctx),
          eks: { ...eks, clusters: () => Promise.reject(new RangeError('no clusters today')) },
          kube: () => Promise.resolve(undefined),
        };
      });
      const errors = [...raw.errors].sort((a, b) => (a.resource ?? '').localeCompare(b.resource ?? ''));
      expect(errors).toMatchObject([
        { api: 'fleetmap:read', resource: 'ECS tasks', code: 'TypeError' },
        { api: 'fleetmap:read', resource: 'EKS clusters', code: 'RangeError' },
      ]);
      expect(raw.tasks).toEqual([]);
      expect(raw.services).toHaveLength(10);
      expect(raw.loadBalancers.length).toBeGreaterThan(0);
      expect(raw.subnets.length).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
