import { describe, expect, it } from 'vitest';
import { allPages, chunk } from './chunk';

interface Page {
  items: string[];
  nextToken?: string;
}

/** A paged List call as a service answers it: pages by token, and the tokens it was asked with. */
function lister(pages: Record<string, Page>) {
  const asked: (string | undefined)[] = [];
  const fetchPage = (token: string | undefined) => {
    asked.push(token);
    return Promise.resolve(pages[token ?? '']);
  };
  return { asked, fetchPage };
}

describe('batches', () => {
  it('splits ids into batches of the API’s maximum, the last one shorter, and none for none', () => {
    const ids = Array.from({ length: 205 }, (_, i) => `arn:${i}`);
    expect(chunk(ids, 100).map((b) => b.length)).toEqual([100, 100, 5]);
    expect(chunk(ids, 100).flat()).toEqual(ids);
    expect(chunk([], 100)).toEqual([]);
    expect(chunk(['a', 'b'], 10)).toEqual([['a', 'b']]);
  });
});

describe('following nextToken', () => {
  it('reads every page until the service stops returning a token', async () => {
    const { asked, fetchPage } = lister({
      '': { items: ['a', 'b'], nextToken: 't1' },
      t1: { items: ['c'], nextToken: 't2' },
      t2: { items: ['d'] },
    });
    const pages = await allPages(fetchPage, (p) => p.nextToken);
    expect(pages.flatMap((p) => p.items)).toEqual(['a', 'b', 'c', 'd']);
    expect(asked).toEqual([undefined, 't1', 't2']);
  });

  it('stops at an empty-string token, as some services end a listing', async () => {
    const { asked, fetchPage } = lister({ '': { items: ['a'], nextToken: '' } });
    expect(await allPages(fetchPage, (p) => p.nextToken)).toHaveLength(1);
    expect(asked).toEqual([undefined]);
  });

  it('stops when a token comes back a second time, instead of looping forever', async () => {
    const { asked, fetchPage } = lister({
      '': { items: ['a'], nextToken: 't1' },
      t1: { items: ['b'], nextToken: 't2' },
      t2: { items: ['c'], nextToken: 't1' },
    });
    const pages = await allPages(fetchPage, (p) => p.nextToken);
    expect(pages.flatMap((p) => p.items)).toEqual(['a', 'b', 'c']);
    expect(asked).toEqual([undefined, 't1', 't2']);
  });

  it('keeps the pages read when a page cannot be read (the caller recorded why)', async () => {
    const { fetchPage } = lister({ '': { items: ['a'], nextToken: 'gone' } });
    const pages = await allPages(fetchPage, (p) => p.nextToken);
    expect(pages.flatMap((p) => p.items)).toEqual(['a']);
  });

  it('passes a failure of the call on to the caller', async () => {
    const fail = () => Promise.reject(new Error('AccessDeniedException'));
    await expect(allPages(fail, () => undefined)).rejects.toThrow('AccessDeniedException');
  });
});
