import { useRef } from 'react';
import { ago } from '../app/freshness';
import { selectChanges, selectChangesOpen, selectUnseenChanges, useStore } from '../app/store';
import { useNow } from '../app/useNow';
import type { ChangeKind } from '../topology/live/patch';
import { formatTime } from '../topology/present/format';
import { useEscapeCloses } from '../app/useEscapeCloses';

/** One glyph per kind of change, read beside its words (which say it in full). */
const ICONS: Record<ChangeKind, string> = {
  taskStarted: '▲',
  taskStopped: '■',
  podStarted: '▲',
  podStopped: '■',
  podRestarted: '↻',
  targetUnhealthy: '✕',
  targetHealthy: '✓',
  deploymentStarted: '⇢',
  deploymentCompleted: '✓',
  deploymentFailed: '✕',
  deploymentRolledBack: '↶',
  serviceScaled: '⇕',
  workloadScaled: '⇕',
  healthChanged: '♥',
  resourceAdded: '+',
  resourceRemoved: '−',
};

/**
 * The top bar's Changes: how many came since the list was last open, and the list itself, newest first, each
 * change a link that selects its subject and brings it into view as search does. Esc closes it.
 */
export function ChangesFeed() {
  const open = useStore(selectChangesOpen);
  const unseen = useStore(selectUnseenChanges);
  const setOpen = useStore((s) => s.setChangesOpen);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <span className="changes">
      <button
        ref={button}
        type="button"
        className="changes-button"
        data-testid="changes"
        aria-expanded={open}
        aria-controls="changes-list"
        onClick={() => setOpen(!open)}
        title="What changed on the map since this page opened"
      >
        Changes{unseen ? <span className="changes-count">{unseen}</span> : null}
      </button>
      {open ? (
        <ChangesList
          close={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      ) : null}
    </span>
  );
}

function ChangesList({ close }: { close: () => void }) {
  const changes = useStore(selectChanges);
  const requestFocus = useStore((s) => s.requestFocus);
  const now = useNow();
  useEscapeCloses(close);
  return (
    <div id="changes-list" className="changes-list" role="dialog" aria-label="Changes">
      {changes.length === 0 ? (
        <p className="changes-empty">Nothing has changed since this page opened. Changes appear here as the server reads the estate.</p>
      ) : (
        <ol>
          {changes.map((c) => (
            <li key={c.id} className={`change severity-${c.severity}`} data-kind={c.kind}>
              <span className="change-icon" aria-hidden="true">
                {ICONS[c.kind]}
              </span>
              <a
                href={`?select=${encodeURIComponent(c.subject)}`}
                onClick={(e) => {
                  e.preventDefault();
                  requestFocus(c.subject);
                }}
              >
                {c.message}
              </a>
              <time dateTime={new Date(c.at).toISOString()} title={formatTime(c.at)}>
                {ago(now - c.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
