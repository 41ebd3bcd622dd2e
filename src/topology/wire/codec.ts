import { z } from 'zod';

/**
 * Value codecs compiled from the model's zod schemas, so the compact form follows the model as it grows: a field
 * added to a schema is carried without a change here, and a schema shape this file cannot carry fails when the
 * module loads (and so in every test), not on a viewer's page.
 *
 * On the wire an object is an array of its field values in the schema's key order (absent optional fields are
 * null), a string is its index in the document's string table, a record is a flat [key, value, key, value, …]
 * array, a field that can hold only one value (a resource's `kind`) is not sent, and numbers and booleans are
 * themselves. JSON has no null in the model, so null always means "absent".
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Each distinct string once, in order of first use. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/** What a codec was compiled from, in JSON: the reader checks it is the one it would compile. */
export type Layout = string | Layout[];

export interface Codec {
  encode(value: unknown, table: StringTable): Json;
  decode(json: unknown, strings: readonly string[]): unknown;
  layout: Layout;
}

/** Thrown on a document that does not fit its layout; the reader turns it into a message. */
export class WireError extends Error {}

const fail = (what: string): never => {
  throw new WireError(what);
};

const stringCodec: Codec = {
  encode: (v, table) => (typeof v === 'string' ? table.id(v) : fail(`expected a string, not ${typeof v}`)),
  decode: (j, strings) => {
    const s = typeof j === 'number' ? strings[j] : undefined;
    return typeof s === 'string' ? s : fail(`${JSON.stringify(j)} is not an index of the string table`);
  },
  layout: 's',
};

/** Numbers and booleans travel as themselves. */
const plain = (type: 'number' | 'boolean', layout: string): Codec => ({
  encode: (v) => (typeof v === type ? (v as number | boolean) : fail(`expected a ${type}, not ${typeof v}`)),
  decode: (j) => (typeof j === type ? j : fail(`expected a ${type}, not ${JSON.stringify(j)}`)),
  layout,
});

const numberCodec = plain('number', 'n');
const booleanCodec = plain('boolean', 'b');

function arrayCodec(item: Codec): Codec {
  return {
    encode: (v, table) => (Array.isArray(v) ? v.map((x: unknown) => item.encode(x, table)) : fail('expected an array')),
    decode: (j, strings) => (Array.isArray(j) ? j.map((x: unknown) => item.decode(x, strings)) : fail('expected an array')),
    layout: ['array', item.layout],
  };
}

function recordCodec(key: Codec, value: Codec): Codec {
  return {
    encode: (v, table) => {
      if (typeof v !== 'object' || v === null) return fail('expected a record');
      const out: Json[] = [];
      for (const [k, x] of Object.entries(v)) out.push(key.encode(k, table), value.encode(x, table));
      return out;
    },
    decode: (j, strings) => {
      if (!Array.isArray(j) || j.length % 2 !== 0) return fail('expected a record as [key, value, …]');
      const entries: [string, unknown][] = [];
      for (let i = 0; i < j.length; i += 2) entries.push([String(key.decode(j[i], strings)), value.decode(j[i + 1], strings)]);
      // fromEntries defines own properties: a key named __proto__ stays data.
      return Object.fromEntries(entries);
    },
    layout: ['record', key.layout, value.layout],
  };
}

/** A value that can be only one thing (z.literal(true) under an optional): sent as 1, read back as the value. */
function constantCodec(value: unknown): Codec {
  return {
    encode: (v) => (v === value ? 1 : fail(`expected ${JSON.stringify(value)}`)),
    decode: (j) => (j === 1 ? value : fail(`expected 1 for ${JSON.stringify(value)}`)),
    layout: ['const', JSON.stringify(value)],
  };
}

interface Field {
  name: string;
  codec: Codec;
  optional: boolean;
}

/** The one value a schema allows when it allows only one (a discriminator such as kind: 'task'). */
function onlyValue(schema: z.ZodType): { value: unknown } | undefined {
  return schema instanceof z.ZodLiteral && schema.values.size === 1 ? { value: [...schema.values][0] } : undefined;
}

export function objectCodec(schema: z.ZodObject): Codec {
  const fields: Field[] = [];
  const constants: [string, unknown][] = [];
  for (const [name, s] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const only = onlyValue(s);
    if (only) constants.push([name, only.value]);
    else if (s instanceof z.ZodOptional) fields.push({ name, codec: compile(s.unwrap() as z.ZodType), optional: true });
    else fields.push({ name, codec: compile(s), optional: false });
  }
  return {
    encode: (v, table) => {
      if (typeof v !== 'object' || v === null) return fail('expected an object');
      const o = v as Record<string, unknown>;
      return fields.map((f) => {
        const x = o[f.name];
        return x === undefined ? null : f.codec.encode(x, table);
      });
    },
    decode: (j, strings) => {
      if (!Array.isArray(j)) return fail('expected an object as an array of its fields');
      const out: Record<string, unknown> = {};
      // Indexed loops: this runs once per resource and nested object, a few hundred thousand times for a large estate.
      for (let i = 0; i < constants.length; i++) {
        const [name, value] = constants[i] as [string, unknown];
        out[name] = value;
      }
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i] as Field;
        const x: unknown = j[i];
        if (x === null || x === undefined) {
          if (!f.optional) fail(`field ${f.name} is missing`);
        } else out[f.name] = f.codec.decode(x, strings);
      }
      return out;
    },
    layout: [
      ...constants.map(([name, value]) => [name, ['const', JSON.stringify(value)]]),
      ...fields.map((f) => [f.optional ? `${f.name}?` : f.name, f.codec.layout]),
    ],
  };
}

/** The codec of one schema; throws on a shape the compact form does not carry (a union, a default, a nullable …). */
export function compile(schema: z.ZodType): Codec {
  if (schema instanceof z.ZodString || schema instanceof z.ZodEnum) return stringCodec;
  if (schema instanceof z.ZodNumber) return numberCodec;
  if (schema instanceof z.ZodBoolean) return booleanCodec;
  if (schema instanceof z.ZodArray) return arrayCodec(compile(schema.element as z.ZodType));
  if (schema instanceof z.ZodRecord) return recordCodec(compile(schema.keyType as z.ZodType), compile(schema.valueType as z.ZodType));
  if (schema instanceof z.ZodObject) return objectCodec(schema);
  const only = onlyValue(schema);
  if (only) return constantCodec(only.value);
  throw new Error(`The compact wire form cannot carry a ${schema.def.type} schema; teach src/topology/wire/codec.ts to.`);
}
