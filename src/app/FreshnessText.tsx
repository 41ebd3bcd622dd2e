import { freshness } from './freshness';
import { selectConnected, selectLiveStatus, useStore } from './store';
import { useNow } from './useNow';

/** "Live · updated 8 s ago", ticking each second; nothing while the page does not follow the server. */
export function FreshnessText() {
  const status = useStore(selectLiveStatus);
  const connected = useStore(selectConnected);
  const now = useNow();
  if (!status) return null;
  const f = freshness(status, now);
  return (
    <>
      <span className={`freshness freshness-${f.tone}`} data-testid="freshness" data-state={f.tone} title={f.title} role="status">
        {f.text}
        {connected ? null : ' · reconnecting…'}
      </span>
      {f.plan ? <span className="freshness-plan">{f.plan}</span> : null}
    </>
  );
}
