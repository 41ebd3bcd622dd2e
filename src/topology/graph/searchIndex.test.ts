import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haystack, markMatches, pathsOf } from './searchIndex';

/** What the haystack stands in for: an includes per term per entry. */
const scan = (termLists: readonly (readonly string[])[], q: string) =>
  termLists.flatMap((terms, i) => (terms.some((t) => t.toLowerCase().includes(q)) ? [i] : []));
const marked = (marks: Uint8Array) => [...marks.keys()].filter((i) => marks[i]);
const found = (termLists: readonly (readonly string[])[], q: string) => {
  const marks = new Uint8Array(termLists.length);
  markMatches(haystack(termLists), q, marks);
  return marked(marks);
};

// Few letters, so random queries often match; the separator, upper case and a letter that grows in lower case too.
const letter = fc.constantFrom('a', 'b', 'A', '.', '/', '\u0000', 'İ', 'é');
const term = fc.string({ unit: letter, maxLength: 6 });
const termLists = fc.array(fc.array(term, { maxLength: 4 }), { maxLength: 12 });

describe('a haystack of terms', () => {
  it('marks the same entries as an includes over every term, for any query', () => {
    fc.assert(
      fc.property(termLists, fc.string({ unit: letter, minLength: 1, maxLength: 3 }), (lists, query) => {
        const q = query.toLowerCase();
        expect(found(lists, q)).toEqual(scan(lists, q));
      }),
      { numRuns: 2000 },
    );
  });

  it('marks the same entries for a query cut from a term', () => {
    fc.assert(
      fc.property(termLists, fc.nat(), fc.nat(), fc.nat(), (lists, pick, from, length) => {
        const terms = lists.flat().map((t) => t.toLowerCase());
        const source = terms[pick % Math.max(1, terms.length)] ?? 'a';
        const q = source.slice(from % Math.max(1, source.length)).slice(0, 1 + (length % 4)) || 'a';
        expect(found(lists, q)).toEqual(scan(lists, q));
      }),
      { numRuns: 2000 },
    );
  });

  it('never matches across two terms or two entries', () => {
    expect(found([['ab', 'cd'], ['ef']], 'bc')).toEqual([]);
    expect(found([['ab'], ['cd']], 'bc')).toEqual([]);
    expect(found([['ab', 'cd'], ['ef']], 'cd')).toEqual([0]);
  });

  it('keeps ids whole, in lower case', () => {
    const marks = new Uint8Array(2);
    markMatches(pathsOf(['arn:aws:ecs:us-east-1:1:service/Shop/cart', 'vpc-1']), 'service/shop/', marks);
    expect(marked(marks)).toEqual([0]);
  });
});
