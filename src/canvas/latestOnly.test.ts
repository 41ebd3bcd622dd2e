import { describe, expect, it } from 'vitest';
import { latestOnly, type Settled } from './latestOnly';

/** A step whose answers the test releases one by one, in any order. */
function controlled() {
  const pending = new Map<string, { resolve: (v: string) => void; reject: (e: Error) => void }>();
  const run = (key: string) => new Promise<string>((resolve, reject) => pending.set(key, { resolve, reject }));
  return { run, pending };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('only the newest request is answered', () => {
  it('drops an older answer that arrives after a newer one', async () => {
    const { run, pending } = controlled();
    const request = latestOnly(run);
    const delivered: [string, Settled<string>][] = [];
    const deliver = (key: string, outcome: Settled<string>) => delivered.push([key, outcome]);
    request('old topology', deliver);
    request('new topology', deliver);
    pending.get('new topology')?.resolve('new layout');
    await tick();
    pending.get('old topology')?.resolve('old layout');
    await tick();
    expect(delivered).toEqual([['new topology', { ok: true, value: 'new layout' }]]);
  });

  it('drops an older answer that arrives first, and waits for the newest', async () => {
    const { run, pending } = controlled();
    const request = latestOnly(run);
    const delivered: string[] = [];
    request('a', (k) => delivered.push(k));
    request('b', (k) => delivered.push(k));
    pending.get('a')?.resolve('layout a');
    await tick();
    expect(delivered).toEqual([]);
    pending.get('b')?.resolve('layout b');
    await tick();
    expect(delivered).toEqual(['b']);
  });

  it('delivers the newest request’s failure, and drops an older one’s', async () => {
    const { run, pending } = controlled();
    const request = latestOnly(run);
    const delivered: [string, Settled<string>][] = [];
    const deliver = (key: string, outcome: Settled<string>) => delivered.push([key, outcome]);
    request('a', deliver);
    request('b', deliver);
    pending.get('a')?.reject(new Error('worker crashed'));
    await tick();
    expect(delivered).toEqual([]);
    const error = new Error('layout failed');
    pending.get('b')?.reject(error);
    await tick();
    expect(delivered).toEqual([['b', { ok: false, error }]]);
  });

  it('answers every request made after the last one was answered', async () => {
    const { run, pending } = controlled();
    const request = latestOnly(run);
    const delivered: string[] = [];
    for (const key of ['a', 'b', 'c']) {
      request(key, (k) => delivered.push(k));
      pending.get(key)?.resolve(key);
      await tick();
    }
    expect(delivered).toEqual(['a', 'b', 'c']);
  });

  it('keeps each wrapped step’s requests apart: two views laying out at once do not drop each other', async () => {
    const { run, pending } = controlled();
    const left = latestOnly(run);
    const right = latestOnly(run);
    const delivered: string[] = [];
    left('left', (k) => delivered.push(k));
    right('right', (k) => delivered.push(k));
    pending.get('left')?.resolve('x');
    pending.get('right')?.resolve('y');
    await tick();
    expect(delivered.sort()).toEqual(['left', 'right']);
  });
});
