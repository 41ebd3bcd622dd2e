import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import demo from '../__fixtures__/demo.topology.json';
import { Resource, Service, Task } from './resources';

describe('the Resource schema', () => {
  it('accepts every resource of the demo as read, unchanged', () => {
    for (const r of Object.values(demoTopology().resources)) expect(Resource.parse(r)).toEqual(r);
  });

  it('declares exactly the kinds a live read gives (the demo holds one of each)', () => {
    const declared = Resource.options.map((o) => o.shape.kind.value).sort();
    const read = [...new Set(Object.values(demo.resources).map((r) => r.kind))].sort();
    expect(read).toEqual(declared);
  });

  it('rejects an unknown kind and a resource missing what a read always sets', () => {
    expect(Resource.safeParse({ kind: 'lambda', id: 'arn:aws:lambda:us-east-1:123456789012:function:f' }).success).toBe(false);
    const service = Service.parse(Object.values(demoTopology().resources).find((r) => r.kind === 'service'));
    expect(Resource.safeParse(service).success).toBe(true);
    expect(Resource.safeParse(Object.fromEntries(Object.entries(service).filter(([k]) => k !== 'clusterArn'))).success).toBe(false);
  });

  it('holds times as epoch milliseconds (DescribeTasks startedAt)', () => {
    const started = Object.values(demoTopology().resources)
      .filter((r) => r.kind === 'task')
      .map((t) => Task.parse(t).startedAt)
      .filter((t) => t !== undefined);
    expect(started.length).toBeGreaterThan(0);
    // Seconds since 1970 would be ten digits until 2286; milliseconds are thirteen.
    for (const t of started) expect(String(t)).toMatch(/^\d{13}$/);
  });
});
