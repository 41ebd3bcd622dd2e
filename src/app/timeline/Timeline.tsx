import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatTime } from '../../topology/present/format';
import type { HistorySummary } from '../api';
import { selectHistory, selectTimeline, useStore } from '../store';
import { densityBars } from './density';
import { at, fraction, keyStep, LIVE, nearest, spanOf, stopsOf, type Position } from './scrub';
import { clock } from './timeText';
import { useHistory } from './useHistory';

/** Bars in the density strip: one per few pixels of a laptop's width. */
const BUCKETS = 160;

export const THUMB_ID = 'timeline-thumb';

/**
 * The timeline along the bottom of the map, when the server keeps history: a strip of change density, a slider to
 * show the estate as it was (arrows step a capture, Home the oldest kept, End live), and Compare… to pick two moments.
 */
export function Timeline() {
  useHistory();
  const history = useStore(selectHistory);
  return history.kind === 'on' ? <Scrubber summary={history.summary} /> : null;
}

function Scrubber({ summary }: { summary: HistorySummary }) {
  const timeline = useStore(selectTimeline);
  const scrubTo = useStore((s) => s.scrubTo);
  const backToLive = useStore((s) => s.backToLive);
  const startCompare = useStore((s) => s.startCompare);
  const pick = useStore((s) => s.pick);
  const span = spanOf(summary);
  const stops = useMemo(() => stopsOf(summary), [summary]);
  const bars = useMemo(() => densityBars(summary.captures, span.from, span.to, BUCKETS), [summary, span.from, span.to]);
  const track = useRef<HTMLDivElement>(null);
  const thumb = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  // Comparing, the slider moves a cursor of its own; a click (or Enter) there picks the moment.
  const [cursor, setCursor] = useState<Position>(LIVE);
  const comparing = timeline.kind === 'compare';
  const position: Position = comparing ? cursor : timeline.kind === 'asOf' ? at(timeline.want) : LIVE;
  const liveAt = summary.live.at;

  const go = (p: Position) => {
    if (comparing) setCursor(p);
    else if (p.kind === 'live') backToLive();
    else scrubTo(p.at);
  };
  const commit = (p: Position) => pick(p.kind === 'live' ? liveAt : p.at);
  const under = (e: PointerEvent): Position => {
    const box = track.current?.getBoundingClientRect();
    if (!box || box.width === 0) return position;
    return nearest(stops, liveAt, span.from + ((e.clientX - box.left) / box.width) * (span.to - span.from));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    dragging.current = true;
    thumb.current?.focus({ preventScroll: true });
    go(under(e));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) go(under(e));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    if (comparing) commit(under(e));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (comparing && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      commit(position);
      return;
    }
    const next = keyStep(stops, position, e.key);
    if (!next) return;
    e.preventDefault();
    go(next);
  };

  const valueText = position.kind === 'live' ? `live, ${clock(liveAt, liveAt, {}, true)}` : clock(position.at, liveAt, {}, true);
  const picks =
    timeline.kind === 'compare'
      ? ([
          ['A', timeline.a?.at],
          ['B', timeline.b?.at],
        ] as const)
      : [];
  const left = (p: Position) => `${(fraction(span, p) * 100).toFixed(3)}%`;
  return (
    <div className={comparing ? 'timeline comparing' : 'timeline'} role="group" aria-label="Timeline" data-testid="timeline">
      <button
        type="button"
        className="timeline-compare"
        aria-pressed={comparing}
        onClick={() => (comparing ? backToLive() : startCompare())}
        title="Compare two moments: pick A, then B, on the timeline"
      >
        Compare…
      </button>
      <span className="timeline-end" title={formatTime(span.from)}>
        {clock(span.from, liveAt)}
      </span>
      <div
        ref={track}
        className="timeline-track"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (dragging.current = false)}
      >
        <div className="timeline-bars" aria-hidden="true">
          {bars.map((b) => (
            <span key={b.from} className={b.weight ? 'timeline-bar' : 'timeline-bar quiet'} style={{ height: `${Math.round(b.height * 100)}%` }} />
          ))}
        </div>
        {picks.map(([name, t]) =>
          t === undefined ? null : (
            <span
              key={name}
              className={`timeline-pick pick-${name.toLowerCase()}`}
              style={{ left: left(at(t)) }}
              title={`Moment ${name}: ${formatTime(t)}`}
              aria-hidden="true"
            >
              {name}
            </span>
          ),
        )}
        <div
          ref={thumb}
          id={THUMB_ID}
          className={position.kind === 'live' ? 'timeline-thumb live' : 'timeline-thumb'}
          role="slider"
          tabIndex={0}
          aria-label={comparing ? `Moment to pick as ${timeline.a === undefined ? 'A' : 'B'} (Enter picks it)` : 'Moment shown on the map'}
          aria-valuemin={span.from}
          aria-valuemax={span.to}
          aria-valuenow={position.kind === 'live' ? span.to : position.at}
          aria-valuetext={valueText}
          style={{ left: left(position) }}
          onKeyDown={onKeyDown}
        />
      </div>
      <span className="timeline-end live-end">live</span>
    </div>
  );
}
