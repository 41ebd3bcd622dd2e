import type { LiveEvent, Watcher } from '../live/watcher';
import type { History } from './types';

export interface RecorderOptions {
  history: History;
  watcher: Pick<Watcher, 'subscribe' | 'current'>;
  /** How long to keep history (ms); older versions, events and captures are pruned */
  retainMs: number;
  /** Between prunes (default an hour); the first runs at start */
  pruneEveryMs?: number;
  clock?: () => number;
  /** Where a failed capture or prune is told (default the console) */
  log?: (line: string) => void;
}

export interface Recorder {
  /** Resolves when every capture asked for so far is written (tests, and a clean stop) */
  idle(): Promise<void>;
  /** The last failure, until a capture succeeds again */
  failure(): string | undefined;
  stop(): Promise<void>;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Keeps the watcher's reads in the history, in order, one capture at a time: the first read whole, then each
 * patch. A capture that fails leaves the database without that step, so the next one is written as a whole read
 * (the difference from what the database holds) rather than a patch that would assume it: nothing is lost, and a
 * database that was down for a while catches up at once.
 */
export function startRecorder(options: RecorderOptions): Recorder {
  const { history, watcher, retainMs } = options;
  const clock = options.clock ?? Date.now;
  const log = options.log ?? ((line: string) => console.error(line));
  let queue: Promise<void> = Promise.resolve();
  let broken: string | undefined;
  let stopped = false;

  const capture = (event: LiveEvent) => {
    if (event.kind === 'status') return;
    queue = queue.then(async () => {
      if (stopped) return;
      try {
        if (event.kind === 'patch' && broken === undefined) {
          await history.capturePatch(event.patch, event.patch.source.fetchedAt);
        } else {
          // The first read, or catching up after a failure: what the watcher holds now, whole.
          const now = event.kind === 'topology' ? event.versioned : watcher.current();
          if (now) await history.captureTopology(now.topology, now.version, now.topology.source.fetchedAt);
        }
        broken = undefined;
      } catch (e) {
        broken = `history: a capture was not written (${messageOf(e)}); the next one catches up`;
        log(broken);
      }
    });
  };

  const prune = () => {
    queue = queue.then(async () => {
      if (stopped) return;
      try {
        await history.prune(clock() - retainMs);
      } catch (e) {
        log(`history: pruning failed (${messageOf(e)}); it is tried again in an hour`);
      }
    });
  };

  const current = watcher.current();
  if (current) capture({ kind: 'topology', versioned: current });
  const unsubscribe = watcher.subscribe(capture);
  prune();
  const timer = setInterval(prune, options.pruneEveryMs ?? 3_600_000);
  timer.unref();

  return {
    idle: () => queue,
    failure: () => broken,
    async stop() {
      unsubscribe();
      clearInterval(timer);
      await queue;
      stopped = true;
    },
  };
}
