import { useEffect } from 'react';
import { selectFollowing, selectHistory, selectMode, useStore } from '../store';

/** How often the timeline asks for the captures kept when nothing new arrives: pruned ones leave its left end. */
const HISTORY_EVERY_MS = 30_000;
/** A new live version is a new capture: asked for this long after it, so a burst of patches costs one request. */
const AFTER_PATCH_MS = 1_000;

/**
 * While the page follows the server, it keeps the timeline's history up to date (and learns whether there is one):
 * soon after each live version, since each is a capture the scrubber can stand on, and every 30 s besides (only
 * that, while the server says it keeps none).
 */
export function useHistory(): void {
  const following = useStore(selectFollowing);
  const mode = useStore(selectMode);
  const version = useStore((s) => s.version);
  // A server that keeps no history is asked again only every 30 s (it may be restarted with it), not per version.
  const off = useStore(selectHistory).kind === 'off';
  const loadHistory = useStore((s) => s.loadHistory);
  useEffect(() => {
    if (!following || mode !== 'live') return;
    const timer = setInterval(() => void loadHistory(), HISTORY_EVERY_MS);
    return () => clearInterval(timer);
  }, [following, mode, loadHistory]);
  useEffect(() => {
    if (!following || mode !== 'live' || off) return;
    const soon = setTimeout(() => void loadHistory(), version === undefined ? 0 : AFTER_PATCH_MS);
    return () => clearTimeout(soon);
  }, [following, mode, version, off, loadHistory]);
}
