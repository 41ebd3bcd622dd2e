import { afterEach, describe, expect, it } from 'vitest';
import { demoTopology } from '../../src/topology/__fixtures__/fixtures';
import { changed, sibling, stoppedTask, tasksOf } from '../../src/topology/layout/stableChurn.fixture';
import type { Topology } from '../../src/topology/model';
import { createWatcher, type Watcher } from '../live/watcher';
import { startRecorder, type Recorder } from './recorder';
import { openPglite } from './sql';
import { createHistory } from './store';
import type { History } from './types';

const T0 = Date.UTC(2026, 10, 29, 14, 0);
const open: { history: History; watcher: Watcher; recorder: Recorder }[] = [];
afterEach(async () => {
  for (const { history, watcher, recorder } of open.splice(0)) {
    watcher.stop();
    await recorder.stop();
    await history.close();
  }
});

/** The demo read minute after minute, one running task replaced each time. */
function reads(n: number): Topology[] {
  const out: Topology[] = [{ ...demoTopology(), source: { ...demoTopology().source, fetchedAt: T0 } }];
  for (let i = 1; i < n; i++) {
    const prev = out[i - 1] as Topology;
    const [task] = tasksOf(prev).filter((t) => t.lastStatus === 'RUNNING');
    if (!task) throw new Error('no running task');
    out.push({ ...changed(prev, [stoppedTask(task), sibling(task, i)]), source: { ...prev.source, fetchedAt: T0 + i * 60_000 } });
  }
  return out;
}

async function setup(history: History) {
  const estate = reads(4);
  let i = 0;
  const watcher = createWatcher({ source: { label: 'demo', read: () => Promise.resolve(estate[Math.min(i++, estate.length - 1)] as Topology) }, reuseMs: 0 });
  const lines: string[] = [];
  const recorder = startRecorder({ history, watcher, retainMs: 7 * 86_400_000, clock: () => T0, log: (l) => lines.push(l) });
  open.push({ history, watcher, recorder });
  return { estate, watcher, recorder, lines };
}

describe('the history recorder', () => {
  it('keeps the first read whole and each patch after it, in order', async () => {
    const history = await createHistory(await openPglite());
    const { estate, watcher, recorder } = await setup(history);
    for (let n = 0; n < 4; n++) await watcher.refresh();
    await recorder.idle();
    expect((await history.captures({ from: 0, to: T0 + 3_600_000 })).map((c) => c.at)).toEqual(estate.map((t) => t.source.fetchedAt));
    const at = await history.estateAt(T0 + 90_000);
    expect(Object.keys(at?.resources ?? {}).sort()).toEqual(Object.keys(estate[1]?.resources ?? {}).sort());
  });

  it('after a capture that fails, writes the next read whole, so nothing is lost', async () => {
    const real = await createHistory(await openPglite());
    let fail = true;
    const flaky: History = {
      ...real,
      capturePatch: (patch, at) => {
        if (!fail) return real.capturePatch(patch, at);
        fail = false;
        return Promise.reject(new Error('connection reset'));
      },
    };
    const { estate, watcher, recorder, lines } = await setup(flaky);
    for (let n = 0; n < 3; n++) await watcher.refresh();
    await recorder.idle();
    expect(lines).toEqual(['history: a capture was not written (connection reset); the next one catches up']);
    expect(recorder.failure()).toBeUndefined();
    // The second read was lost with its patch; the third was written whole, as the difference from the first.
    expect((await real.captures({ from: 0, to: T0 + 3_600_000 })).map((c) => c.at)).toEqual([T0, T0 + 120_000]);
    const now = await real.estateAt(T0 + 120_000);
    expect(Object.keys(now?.resources ?? {}).sort()).toEqual(Object.keys(estate[2]?.resources ?? {}).sort());
  });
});
