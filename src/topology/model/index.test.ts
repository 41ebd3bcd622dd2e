import { describe, expect, it } from 'vitest';
import * as cidr from './cidr';
import * as ids from './ids';
import * as model from './index';
import * as network from './network';
import * as resources from './resources';
import * as snapshot from './snapshot';
import * as topology from './topology';

describe('the model’s entry point', () => {
  it('re-exports every value of each model module, as the same object', () => {
    const modules = { cidr, ids, network, resources, snapshot, topology };
    for (const [name, mod] of Object.entries(modules)) {
      for (const [key, value] of Object.entries(mod)) expect(model[key as keyof typeof model], `${name}.${key}`).toBe(value);
    }
  });

  it('exports nothing beyond those modules', () => {
    const known = new Set([cidr, ids, network, resources, snapshot, topology].flatMap((m) => Object.keys(m)));
    expect(Object.keys(model).filter((k) => !known.has(k))).toEqual([]);
  });
});
