import { useEffect, useState } from 'react';
import { fetchChanges } from '../app/api';
import { selectHistory, useStore } from '../app/store';
import type { ChangeEvent } from '../topology/live/patch';
import { formatTime } from '../topology/present/format';
import { Section } from './Section';

type Read = { kind: 'loading' } | { kind: 'ready'; changes: ChangeEvent[] } | { kind: 'error'; message: string };

/**
 * A resource's past, when the server keeps history: what happened to it over the time kept (where a task ran and
 * why it stopped, when a target became unhealthy, a service's deployments), newest first. Each time shows the map as
 * it was then.
 */
export function ResourceHistory({ id }: { id: string }) {
  const history = useStore(selectHistory);
  const scrubTo = useStore((s) => s.scrubTo);
  const summary = history.kind === 'on' ? history.summary : undefined;
  const [read, setRead] = useState<Read>({ kind: 'loading' });
  const from = summary?.retainedFrom;
  const liveAt = summary?.live.at;
  useEffect(() => {
    if (from === undefined || liveAt === undefined) return;
    let current = true;
    // To now, not to the last capture the page heard of: a change since belongs in the list.
    fetchChanges({ resource: id, from, to: Math.max(liveAt, Date.now()) }).then(
      (changes) => current && setRead({ kind: 'ready', changes: [...changes].sort((a, b) => b.at - a.at) }),
      (e: unknown) => current && setRead({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [id, from, liveAt]);
  if (!summary || id.startsWith('group:')) return null;
  return (
    <Section title="History">
      {read.kind === 'loading' ? <p className="muted">Reading its history…</p> : null}
      {read.kind === 'error' ? <p className="muted">Its history could not be read: {read.message}</p> : null}
      {read.kind === 'ready' && read.changes.length === 0 ? <p className="muted">No change since {formatTime(summary.retainedFrom)}.</p> : null}
      {read.kind === 'ready' && read.changes.length > 0 ? (
        <ol className="resource-history" data-testid="resource-history">
          {read.changes.map((c) => (
            <li key={c.id} className={`severity-${c.severity}`} data-kind={c.kind}>
              <button type="button" className="history-when" onClick={() => scrubTo(c.at)} title="Show the map as it was then">
                <time dateTime={new Date(c.at).toISOString()}>{formatTime(c.at)}</time>
              </button>
              <span className="history-what">{c.message}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </Section>
  );
}
