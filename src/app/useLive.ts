import { useEffect } from 'react';
import { fetchLiveTopology } from './api';
import { followLive } from './live';
import { selectFollowing, selectView, selectWallboard, useStore } from './store';

/** While the page follows the server, its event stream is open; a dropped snapshot (or the offline viewer) closes it. */
export function useLive(): void {
  const following = useStore(selectFollowing);
  // The first topology comes compressed, in the compact form; the stream then carries only what follows it.
  useEffect(() => (following ? followLive(useStore, (url) => new EventSource(url), { first: () => fetchLiveTopology() }) : undefined), [following]);
}

/** A wallboard with `&cycle=<s>` alternates Network and Services. */
export function useViewCycle(): void {
  const { cycleMs } = useStore(selectWallboard);
  const view = useStore(selectView);
  const setView = useStore((s) => s.setView);
  useEffect(() => {
    if (cycleMs === undefined) return;
    const timer = setTimeout(() => setView(view === 'network' ? 'service' : 'network'), cycleMs);
    return () => clearTimeout(timer);
  }, [cycleMs, view, setView]);
}
