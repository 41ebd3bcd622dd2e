import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../__fixtures__/estate';
import { demoTopology } from '../__fixtures__/fixtures';
import { indexResources, parseSnapshotValue, Resource, resourcesOf, Topology, type Resource as ResourceT, type Topology as TopologyT } from '../model';
import { decode, encode, readTopologyAnswer } from './compact';

/** What the page does with the answer: the document crosses the network as JSON text. */
function roundTrip(t: TopologyT): TopologyT {
  const result = decode(JSON.parse(JSON.stringify(encode(t))));
  if (!result.ok) throw new Error(result.error);
  return result.topology;
}

type Optionals = 'some' | 'all' | 'none';

/**
 * Any value a model schema allows, optional fields present, absent or either: read from the schemas, so a field
 * the model gains is generated without a change here. JSON has no -0, NaN or Infinity (the plain form loses them too).
 */
function arbitraryOf(schema: z.ZodType, optionals: Optionals): fc.Arbitrary<unknown> {
  if (schema instanceof z.ZodString) return fc.string({ maxLength: 12 });
  if (schema instanceof z.ZodEnum) return fc.constantFrom(...schema.options);
  if (schema instanceof z.ZodNumber)
    return fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    );
  if (schema instanceof z.ZodBoolean) return fc.boolean();
  if (schema instanceof z.ZodLiteral) return fc.constantFrom(...schema.values);
  if (schema instanceof z.ZodArray) return fc.array(arbitraryOf(schema.element as z.ZodType, optionals), { maxLength: 3 });
  if (schema instanceof z.ZodRecord) return fc.dictionary(fc.string({ maxLength: 8 }), arbitraryOf(schema.valueType as z.ZodType, optionals), { maxKeys: 3 });
  if (schema instanceof z.ZodObject) {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const [name, s] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const optional = s instanceof z.ZodOptional;
      if (optional && optionals === 'none') continue;
      model[name] = arbitraryOf(optional ? (s.unwrap() as z.ZodType) : s, optionals);
      if (!optional || optionals === 'all') required.push(name);
    }
    return fc.record(model, { requiredKeys: required });
  }
  throw new Error(`no arbitrary for a ${schema.def.type} schema`);
}

function topologies(optionals: Optionals): fc.Arbitrary<TopologyT> {
  const resource = fc.oneof(...Resource.options.map((s) => arbitraryOf(s, optionals)));
  return fc
    .tuple(arbitraryOf(Topology.omit({ resources: true }), optionals), fc.array(resource, { maxLength: 25 }))
    .map(([top, list]) => Topology.parse({ ...(top as object), resources: indexResources(list as ResourceT[]) }));
}

const sizes = fc.record({
  clusters: fc.integer({ min: 1, max: 4 }),
  services: fc.integer({ min: 1, max: 16 }),
  tasks: fc.integer({ min: 0, max: 120 }),
  loadBalancers: fc.integer({ min: 0, max: 2 }),
  azs: fc.integer({ min: 1, max: 3 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

describe('the compact wire form', () => {
  it('decodes into the estate it encoded, whatever its size and seed', () => {
    fc.assert(
      fc.property(sizes, (size) => {
        const t = syntheticEstate(size);
        expect(roundTrip(t)).toEqual(t);
      }),
      { numRuns: 60 },
    );
  });

  it('decodes the demo estate as read through the fake AWS', () => {
    const t = demoTopology();
    expect(roundTrip(t)).toEqual(t);
  });

  it.each(['all', 'none', 'some'] as const)('carries every resource kind with its optional fields %s present', (optionals) => {
    fc.assert(
      fc.property(topologies(optionals), (t) => {
        expect(roundTrip(t)).toEqual(t);
      }),
      { numRuns: optionals === 'some' ? 150 : 40 },
    );
  });

  it('reads an id named __proto__ as the plain form does, never as the prototype of the record', () => {
    const base = syntheticEstate({ clusters: 1, services: 1, tasks: 2, loadBalancers: 0, azs: 1, seed: 3 });
    const task = resourcesOf(base, 'task')[0];
    if (!task) throw new Error('no task');
    const t: TopologyT = { ...base, resources: Object.fromEntries([...Object.entries(base.resources), ['__proto__', { ...task, id: '__proto__' }]]) };
    const back = roundTrip(t);
    expect(Object.getPrototypeOf(back.resources)).toBe(Object.prototype);
    // The Topology schema's record leaves such a key out, in the plain form as in this one.
    const plain = parseSnapshotValue(JSON.parse(JSON.stringify(t)));
    expect(plain.ok && plain.topology).toEqual(back);
  });

  it('sends each string once and no key per resource', () => {
    const t = syntheticEstate({ clusters: 4, services: 40, tasks: 2000, loadBalancers: 2, azs: 3, seed: 7 });
    const text = JSON.stringify(encode(t));
    const plain = JSON.stringify(t);
    const az = 'us-east-1a';
    expect(plain.split(az).length - 1).toBeGreaterThan(500);
    expect(text.split(`"${az}"`).length - 1).toBe(1);
    expect(plain.split('"clusterArn"').length - 1).toBeGreaterThan(2000);
    // Only in the field lists: once per kind that has the field.
    expect(text.split('"clusterArn"').length - 1).toBeLessThanOrEqual(Resource.options.length);
    expect(text.length).toBeLessThan(plain.length / 3);
  });

  it('refuses a document that does not fit, with a message instead of a wrong map', () => {
    const doc = encode(syntheticEstate({ clusters: 1, services: 2, tasks: 4, loadBalancers: 1, azs: 2, seed: 1 }));
    const task = doc.kinds['task'];
    if (!task) throw new Error('no tasks encoded');
    const cases: [string, unknown, string][] = [
      ['not compact', { hello: 1 }, 'Not a compact Fleetmap topology'],
      ['an index past the string table', { ...doc, strings: doc.strings.slice(0, 3) }, 'is not an index of the string table'],
      ['a stale field list', { ...doc, kinds: { ...doc.kinds, task: { ...task, fields: ['id'] } } }, 'reload the page'],
      ['an unknown kind', { ...doc, kinds: { ...doc.kinds, lambda: task } }, 'unknown resource kind "lambda"'],
      ['a missing field', { ...doc, kinds: { ...doc.kinds, task: { ...task, rows: [[]] } } }, 'field id is missing'],
    ];
    for (const [what, bad, message] of cases) {
      const result = decode(bad);
      expect(result.ok, what).toBe(false);
      if (!result.ok) expect(result.error, what).toContain(message);
    }
  });

  it('reads an answer in either form, so a server that answers plain JSON still draws', () => {
    const t = demoTopology();
    expect(readTopologyAnswer(JSON.parse(JSON.stringify(encode(t))))).toEqual({ ok: true, value: t });
    expect(readTopologyAnswer(JSON.parse(JSON.stringify(t)))).toEqual({ ok: true, value: t });
    expect(readTopologyAnswer({ nothing: true }).ok).toBe(false);
  });
});
