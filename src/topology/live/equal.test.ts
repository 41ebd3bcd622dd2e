import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameContent } from './equal';

describe('sameContent', () => {
  it('ignores key order, at every depth', () => {
    expect(sameContent({ a: 1, b: { c: [1, { d: 'x', e: true }] } }, { b: { c: [1, { e: true, d: 'x' }] }, a: 1 })).toBe(true);
  });

  it('tells a changed, added or missing field apart', () => {
    expect(sameContent({ a: 1, b: 2 }, { a: 1, b: 3 })).toBe(false);
    expect(sameContent({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameContent({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(sameContent({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
  });

  it('keeps array order: a list reordered is a change', () => {
    expect(sameContent([1, 2], [2, 1])).toBe(false);
    expect(sameContent([1, 2], [1, 2, 3])).toBe(false);
  });

  it('tells types apart: null, arrays, objects, numbers and strings', () => {
    expect(sameContent(null, {})).toBe(false);
    expect(sameContent([], {})).toBe(false);
    expect(sameContent({ 0: 'a' }, ['a'])).toBe(false);
    expect(sameContent(1, '1')).toBe(false);
    expect(sameContent(Number.NaN, Number.NaN)).toBe(true);
  });

  it('treats a field set to undefined as absent, as JSON on the wire does', () => {
    expect(sameContent({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameContent({ a: 1 }, { a: 1, b: undefined })).toBe(true);
  });

  it('agrees with comparing JSON written with sorted keys, on any JSON value', () => {
    const sorted = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sorted)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .sort(([a], [b]) => (a < b ? -1 : 1))
                .map(([k, x]) => [k, sorted(x)]),
            )
          : v;
    const json = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(sameContent(a, b)).toBe(JSON.stringify(sorted(a)) === JSON.stringify(sorted(b)));
        expect(sameContent(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
