import { useState } from 'react';
import { formatTime } from '../../topology/present/format';
import { selectHistory, selectLoad, selectTimeline, useStore } from '../store';
import { CompareList } from './CompareList';
import { pastViewOf } from './pastView';
import type { Moment } from './timelineSlice';
import { THUMB_ID } from './Timeline';

const HOUR_MS = 3_600_000;
import { clock } from './timeText';

/** The live read's time: the live topology's (patches keep it current), else the history's last word. */
function useLiveAt(): number | undefined {
  const load = useStore(selectLoad);
  const history = useStore(selectHistory);
  return load.kind === 'ready' ? load.topology.source.fetchedAt : history.kind === 'on' ? history.summary.live.at : undefined;
}

/**
 * Above the map whenever it is not live: when it stands ("As of 14:05 — live is 15:30") and one button back to the
 * live map. Comparing, it says which two moments, asks for the one missing, and opens the list of differences.
 */
export function AsOfBanner() {
  const timeline = useStore(selectTimeline);
  const backToLive = useStore((s) => s.backToLive);
  const liveAt = useLiveAt() ?? Date.now();
  const [listOpen, setListOpen] = useState(false);
  if (timeline.kind === 'live') return null;
  // Within the hour, moments a minute apart would read alike: the banner then says the seconds.
  const near = timeline.kind === 'asOf' ? Math.abs(liveAt - timeline.want) < HOUR_MS : Math.abs(liveAt - (timeline.a?.at ?? liveAt)) < HOUR_MS;
  const say = (epochMs: number) => clock(epochMs, liveAt, {}, near);
  const when = (m: Moment | undefined) =>
    m ? (
      <time dateTime={new Date(m.at).toISOString()} title={formatTime(m.at)}>
        {say(m.at)}
      </time>
    ) : null;
  const back = () => {
    backToLive();
    // The banner goes with the button: the scrubber, now at its live end, keeps the keyboard's place.
    requestAnimationFrame(() => document.getElementById(THUMB_ID)?.focus());
  };
  const comparison = pastViewOf(timeline)?.comparison;
  let text;
  if (timeline.kind === 'asOf') {
    const reading = timeline.shown?.at !== timeline.want;
    text = (
      <>
        <strong>As of {timeline.shown ? when(timeline.shown) : say(timeline.want)}</strong> — live is {say(liveAt)}
        {reading ? <span className="as-of-reading"> · reading {clock(timeline.want, liveAt, {}, true)}…</span> : null}
        <span className="as-of-note"> · read-only</span>
      </>
    );
  } else if (timeline.a === undefined) {
    text = (
      <>
        <strong>Compare:</strong> pick moment A on the timeline, then B. The map is live until then.
      </>
    );
  } else if (timeline.b === undefined) {
    text = (
      <>
        <strong>Comparing from A, {when(timeline.a)}</strong> — pick moment B on the timeline · live is {say(liveAt)}
      </>
    );
  } else {
    const counts = comparison ? countsOf(comparison.differences) : undefined;
    text = (
      <>
        <strong>
          Comparing A, {when(timeline.a)} → B, {when(timeline.b)}
        </strong>{' '}
        — the map shows B · live is {say(liveAt)}
        {counts ? (
          <span className="as-of-counts">
            {' '}
            · {counts.added} added, {counts.removed} removed, {counts.changed} changed
          </span>
        ) : (
          <span className="as-of-reading"> · reading…</span>
        )}
      </>
    );
  }
  return (
    <div className={`as-of-banner ${timeline.kind}`} role="region" aria-label="Not the live map" data-testid="as-of-banner">
      <p className="as-of-text" role="status">
        {text}
      </p>
      {comparison ? (
        <button type="button" aria-expanded={listOpen} aria-controls="compare-list" onClick={() => setListOpen(!listOpen)}>
          Differences ({comparison.differences.length})
        </button>
      ) : null}
      <button type="button" className="as-of-back" onClick={back} data-testid="back-to-live">
        Back to live
      </button>
      {comparison && listOpen ? <CompareList differences={comparison.differences} close={() => setListOpen(false)} /> : null}
    </div>
  );
}

function countsOf(differences: readonly { kind: 'added' | 'removed' | 'changed' }[]): Record<'added' | 'removed' | 'changed', number> {
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const d of differences) counts[d.kind]++;
  return counts;
}
