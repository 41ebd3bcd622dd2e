import { describe, expect, it } from 'vitest';
import { parseSnapshot, SCHEMA_VERSION } from '.';

const minimal = {
  schemaVersion: SCHEMA_VERSION,
  source: { kind: 'snapshot', label: 's', region: 'us-east-1', fetchedAt: '2026-11-26T00:00:00Z' },
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
});
