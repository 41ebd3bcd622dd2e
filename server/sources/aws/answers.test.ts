import { describe, expect, it } from 'vitest';
import { demoWorld } from '../../fake-aws/demo';
import type { Fault } from '../../fake-aws/faults';
import { readThroughFake } from '../../fake-aws/readWorld';
import { resourcesOf } from '../../../src/topology/model';

/**
 * A corporate proxy answers in AWS's place: an HTML page or an empty body with status 200. Each of the four wire
 * protocols must turn that into an error naming the API, the status and what came back, never into "nothing there".
 */
const CASES: { fault: Fault; protocol: string; shows: string }[] = [
  { fault: { action: 'ecs:ListClusters', kind: 'html' }, protocol: 'awsJson1_1', shows: '<!DOCTYPE html>' },
  { fault: { action: 'ecs:DescribeServices', kind: 'empty' }, protocol: 'awsJson1_1', shows: 'an empty body' },
  { fault: { action: 'ec2:DescribeSubnets', kind: 'html' }, protocol: 'ec2 query', shows: '<!DOCTYPE html>' },
  { fault: { action: 'ec2:DescribeSubnets', kind: 'empty' }, protocol: 'ec2 query', shows: 'an empty body' },
  { fault: { action: 'elasticloadbalancing:DescribeLoadBalancers', kind: 'html' }, protocol: 'awsQuery', shows: '<!DOCTYPE html>' },
  { fault: { action: 'elasticloadbalancing:DescribeTargetGroups', kind: 'empty' }, protocol: 'awsQuery', shows: 'an empty body' },
  { fault: { action: 'eks:ListClusters', kind: 'empty' }, protocol: 'restJson1', shows: 'an empty body' },
  { fault: { action: 'eks:DescribeCluster', kind: 'html' }, protocol: 'restJson1', shows: '<!DOCTYPE html>' },
];

describe('an answer that is not what the protocol says is an error, never silent loss', () => {
  it.each(CASES)('$protocol: $fault.kind for $fault.action', async ({ fault, shows }) => {
    const { topology } = await readThroughFake({ world: demoWorld(), faults: [fault] }, { maxAttempts: 1 });
    const errors = topology.errors.filter((e) => e.api === fault.action);
    expect(errors.length, JSON.stringify(topology.errors)).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.code).toBe('UnexpectedResponse');
      expect(e.message).toContain('HTTP 200');
      expect(e.message).toContain(shows);
      expect(e.hint).toContain('proxy');
    }
    // Nothing else failed, and what does not depend on the broken call is still drawn.
    expect(topology.errors.filter((e) => e.api !== fault.action)).toEqual([]);
    if (!fault.action.startsWith('ecs:')) expect(resourcesOf(topology, 'service')).toHaveLength(10);
    if (!fault.action.startsWith('eks:')) expect(resourcesOf(topology, 'eksCluster')).toHaveLength(1);
  });

  it('shows only the first hundred characters of what came back, on one line', async () => {
    const { topology } = await readThroughFake({ world: demoWorld(), faults: [{ action: 'ec2:DescribeSubnets', kind: 'html' }] }, { maxAttempts: 1 });
    const [error] = topology.errors;
    expect(error?.message).not.toContain('\n');
    expect(error?.message).toContain('"<!DOCTYPE html> <html><head><title>Access policy</title>');
    expect(error?.message).not.toContain('Click to continue');
  });

  it('names the status of a proxy error page too (HTTP 502), after the retries', async () => {
    const fault: Fault = { action: 'elasticloadbalancing:DescribeTargetGroups', kind: 'html', status: 502 };
    const { topology, fake } = await readThroughFake({ world: demoWorld(), faults: [fault] }, { maxAttempts: 2 });
    const errors = topology.errors.filter((e) => e.api === fault.action);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e.message).toContain('HTTP 502');
    // A 5xx may be passing: it is retried like any server error.
    expect(fake.calls.filter((c) => c.action === fault.action && c.attempt === 2).length).toBeGreaterThan(0);
  });

  it('keeps the normal read as it was: no extra call, no error', async () => {
    const { topology, fake } = await readThroughFake({ world: demoWorld() });
    expect(topology.errors).toEqual([]);
    expect(fake.calls.every((c) => c.attempt === 1)).toBe(true);
  });
});
