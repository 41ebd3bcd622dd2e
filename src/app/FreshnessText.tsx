import { freshness } from './freshness';
import { selectConnected, selectLiveStatus, selectTimeline, useStore } from './store';
import { useNow } from './useNow';

/** "Live · updated 8 s ago", ticking each second; nothing while the page does not follow the server. */
export function FreshnessText() {
  const status = useStore(selectLiveStatus);
  const connected = useStore(selectConnected);
  const past = useStore(selectTimeline).kind !== 'live';
  const now = useNow();
  if (!status) return null;
  const f = freshness(status, now);
  return (
    <>
      <span className={`freshness freshness-${f.tone}`} data-testid="freshness" data-state={f.tone} title={f.title} role="status">
        {/* The map shows the past: the live read's freshness is the server's, not the map's. */}
        {past ? 'Past view · live ' : null}
        {past ? f.text.replace(/^Live · /, '') : f.text}
        {connected ? null : ' · reconnecting…'}
      </span>
      {f.plan ? <span className="freshness-plan">{f.plan}</span> : null}
    </>
  );
}
