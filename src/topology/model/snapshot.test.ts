import { describe, expect, it } from 'vitest';
import { parseSnapshot, parseSnapshotValue, resourcesOf, SCHEMA_VERSION } from '.';

const minimal = {
  schemaVersion: SCHEMA_VERSION,
  source: { kind: 'snapshot', label: 's', region: 'us-east-1', fetchedAt: Date.UTC(2026, 10, 26) },
  resources: {},
  errors: [],
  stats: { calls: {}, retries: 0, durationMs: 0 },
};

describe('parseSnapshot', () => {
  it('accepts a valid snapshot', () => {
    expect(parseSnapshot(JSON.stringify(minimal)).ok).toBe(true);
  });
  it('says when the file is not JSON', () => {
    const r = parseSnapshot('{"schemaVersion": 1, "resou');
    expect(r.ok === false && r.error).toContain('not valid JSON');
  });
  it('says when it is not a Fleetmap snapshot', () => {
    const r = parseSnapshot('{"hello": "world"}');
    expect(r.ok === false && r.error).toContain('schemaVersion');
  });
  it('names the field that does not match', () => {
    const r = parseSnapshot(JSON.stringify({ ...minimal, resources: { x: { kind: 'task', id: 'x' } } }));
    expect(r.ok === false && r.error).toMatch(/field resources\.x\.\w+/);
  });
  it('refuses a newer schema', () => {
    const r = parseSnapshot(JSON.stringify({ ...minimal, schemaVersion: SCHEMA_VERSION + 1 }));
    expect(r.ok === false && r.error).toContain('newer');
  });

  it('opens a version-1 snapshot, whose pod start times were epoch seconds, with every time in milliseconds', () => {
    const pod = {
      kind: 'pod',
      id: 'arn:aws:eks:us-east-1:123456789012:cluster/orders/pod/orders/orders-api-7c9f-x2k4q',
      clusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/orders',
      namespace: 'orders',
      name: 'orders-api-7c9f-x2k4q',
      fargate: false,
      phase: 'Running',
      status: 'Running',
      ready: true,
      restarts: 0,
      owners: [],
      oldRevision: false,
      containers: [],
      containerStatuses: [],
    };
    const task = {
      kind: 'task',
      id: 'arn:aws:ecs:us-east-1:123456789012:task/shop/0f1e2d3c',
      clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/shop',
      lastStatus: 'RUNNING',
      desiredStatus: 'RUNNING',
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3',
      startedAt: 1_795_129_300_000,
      containers: [],
    };
    const v1 = {
      ...minimal,
      schemaVersion: 1,
      source: { ...minimal.source, fetchedAt: '2026-11-26T00:00:00Z' },
      resources: { [pod.id]: { ...pod, startedAt: 1_795_132_000 }, [`${pod.id}-pending`]: { ...pod, id: `${pod.id}-pending` }, [task.id]: task },
    };
    const r = parseSnapshotValue(v1);
    if (!r.ok) throw new Error(r.error);
    expect(r.topology.schemaVersion).toBe(SCHEMA_VERSION);
    expect(resourcesOf(r.topology, 'pod').map((p) => p.startedAt)).toEqual([1_795_132_000_000, undefined]);
    // Task times were milliseconds already and stay as they were.
    expect(resourcesOf(r.topology, 'task')[0]?.startedAt).toBe(1_795_129_300_000);
  });

  it('opens a version-2 snapshot, whose read time was ISO-8601 text, with the read time in epoch milliseconds', () => {
    const v2 = { ...minimal, schemaVersion: 2, source: { ...minimal.source, fetchedAt: '2026-11-20T09:30:15.250Z' } };
    const r = parseSnapshot(JSON.stringify(v2));
    if (!r.ok) throw new Error(r.error);
    expect(r.topology.schemaVersion).toBe(SCHEMA_VERSION);
    expect(r.topology.source.fetchedAt).toBe(Date.UTC(2026, 10, 20, 9, 30, 15, 250));
  });

  it('names the read time of a version-2 snapshot whose text is not a time', () => {
    const r = parseSnapshot(JSON.stringify({ ...minimal, schemaVersion: 2, source: { ...minimal.source, fetchedAt: 'yesterday' } }));
    expect(r.ok === false && r.error).toMatch(/field source\.fetchedAt/);
  });

  it('opens a version-3 snapshot, which kept only whether a subnet is public, with the default route that implies', () => {
    const subnet = (id: string, isPublic: boolean) => ({
      kind: 'subnet',
      id,
      vpcId: 'vpc-0a1b2c3d4e5f60718',
      az: 'us-east-1a',
      cidrBlock: '10.0.0.0/24',
      public: isPublic,
      availableIps: 240,
    });
    const v3 = { ...minimal, schemaVersion: 3, resources: { 'subnet-0pub': subnet('subnet-0pub', true), 'subnet-0prv': subnet('subnet-0prv', false) } };
    const r = parseSnapshot(JSON.stringify(v3));
    if (!r.ok) throw new Error(r.error);
    expect(r.topology.schemaVersion).toBe(SCHEMA_VERSION);
    const [priv, pub] = resourcesOf(r.topology, 'subnet');
    // Public meant an active default route to an internet gateway, whose id the file did not keep.
    expect(pub?.defaultRoute).toEqual({ kind: 'internetGateway', blackhole: false });
    // Private meant a NAT gateway, another target or no default route at all: the file cannot say which.
    expect(priv?.defaultRoute).toBeUndefined();
    expect(priv).toMatchObject({ public: false, availableIps: 240 });
  });
});
