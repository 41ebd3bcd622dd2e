import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { resourcesOf, type Topology } from '../model';
import { diffTopology } from './diff';
import { ChangeEvent, TopologyPatch, VersionedTopology } from './patch';

/** A patch of the demo as it travels: one task stopped and a service scaled, through JSON and back. */
function demoPatch(): TopologyPatch {
  const demo = demoTopology();
  const [task] = resourcesOf(demo, 'task').filter((t) => t.lastStatus === 'RUNNING');
  const [svc] = resourcesOf(demo, 'service');
  if (!task || !svc) throw new Error('the demo has tasks and services');
  const next: Topology = {
    ...demo,
    source: { ...demo.source, fetchedAt: demo.source.fetchedAt + 30_000 },
    resources: { ...demo.resources, [task.id]: { ...task, lastStatus: 'STOPPED', stopCode: 'UserInitiated' }, [svc.id]: { ...svc, desired: svc.desired + 1 } },
  };
  const patch = diffTopology(demo, next, 41);
  if (!patch) throw new Error('expected a patch');
  return patch;
}

describe('TopologyPatch', () => {
  it('reads back a patch the diff made, sent as JSON', () => {
    const patch = demoPatch();
    expect(TopologyPatch.parse(JSON.parse(JSON.stringify(patch)))).toEqual(patch);
    expect(patch.changes.length).toBeGreaterThan(0);
  });

  it('refuses a patch that skips versions or goes backwards', () => {
    const patch = demoPatch();
    expect(TopologyPatch.safeParse({ ...patch, to: patch.from + 2 }).success).toBe(false);
    expect(TopologyPatch.safeParse({ ...patch, from: 5, to: 5 }).success).toBe(false);
    expect(TopologyPatch.safeParse({ ...patch, from: -1, to: 0 }).success).toBe(false);
  });

  it('refuses a resource the model does not know', () => {
    const patch = demoPatch();
    expect(TopologyPatch.safeParse({ ...patch, added: [{ kind: 'lambda', id: 'arn:aws:lambda:us-east-1:123456789012:function:x' }] }).success).toBe(false);
  });
});

describe('ChangeEvent', () => {
  const event = { id: '1:serviceScaled:svc', kind: 'serviceScaled', subject: 'svc', severity: 'info', message: 'cart scaled 3 → 5', at: 1 };

  it('takes every kind the feed tells, and no other', () => {
    expect(ChangeEvent.parse(event)).toEqual(event);
    expect(ChangeEvent.safeParse({ ...event, kind: 'workloadScaled' }).success).toBe(true);
    expect(ChangeEvent.safeParse({ ...event, kind: 'somethingHappened' }).success).toBe(false);
    expect(ChangeEvent.safeParse({ ...event, severity: 'error' }).success).toBe(false);
  });
});

describe('VersionedTopology', () => {
  it('carries a whole topology beside its version', () => {
    const value = { version: 42, topology: demoTopology() };
    expect(VersionedTopology.parse(JSON.parse(JSON.stringify(value)))).toEqual(value);
    expect(VersionedTopology.safeParse({ ...value, version: -1 }).success).toBe(false);
    expect(VersionedTopology.safeParse({ version: 1, topology: { ...value.topology, schemaVersion: 1 } }).success).toBe(false);
  });
});
