import { describe, expect, it } from 'vitest';
import type { HistorySummary } from '../api';
import { at, fraction, keyStep, LIVE, nearest, spanOf, stopsOf } from './scrub';

const history: HistorySummary = {
  live: { at: 1_000 },
  retainedFrom: 100,
  captures: [300, 200, 500, 500].map((t, i) => ({ at: t, version: i + 1, added: 1, removed: 0, changed: 0, changes: 1 })),
};

describe('the scrubber’s stops', () => {
  it('are the capture times, oldest first, once each, over the span from the oldest kept to live', () => {
    expect(stopsOf(history)).toEqual([200, 300, 500]);
    // From the oldest capture, not the retention horizon (100): what is kept fills the scrubber.
    expect(spanOf(history)).toEqual({ from: 200, to: 1_000 });
  });

  it('take the pointer to the nearest capture, or to live past the last one', () => {
    const stops = stopsOf(history);
    expect(nearest(stops, 1_000, 240)).toEqual(at(200));
    expect(nearest(stops, 1_000, 700)).toEqual(at(500));
    expect(nearest(stops, 1_000, 800)).toEqual(LIVE);
    expect(nearest([], 1_000, 0)).toEqual(LIVE);
  });
});

describe('the slider’s keys', () => {
  const stops = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120];
  it('step one capture with the arrows, from live to the newest and back to live past it', () => {
    expect(keyStep(stops, LIVE, 'ArrowLeft')).toEqual(at(120));
    expect(keyStep(stops, at(120), 'ArrowRight')).toEqual(LIVE);
    expect(keyStep(stops, at(30), 'ArrowDown')).toEqual(at(20));
    expect(keyStep(stops, at(30), 'ArrowUp')).toEqual(at(40));
    expect(keyStep(stops, at(10), 'ArrowLeft')).toEqual(at(10));
  });

  it('step ten with Page keys, go to the oldest with Home and to live with End', () => {
    expect(keyStep(stops, LIVE, 'PageDown')).toEqual(at(30));
    expect(keyStep(stops, at(20), 'PageUp')).toEqual(at(120));
    expect(keyStep(stops, at(30), 'PageUp')).toEqual(LIVE);
    expect(keyStep(stops, at(70), 'Home')).toEqual(at(10));
    expect(keyStep(stops, at(70), 'End')).toEqual(LIVE);
  });

  it('step from a time between captures as from the capture before it, and leave other keys to the browser', () => {
    expect(keyStep(stops, at(35), 'ArrowRight')).toEqual(at(40));
    expect(keyStep(stops, at(35), 'Tab')).toBeUndefined();
    expect(keyStep([], LIVE, 'ArrowLeft')).toBeUndefined();
  });

  it('place a position along the track', () => {
    expect(fraction({ from: 100, to: 1_100 }, at(350))).toBe(0.25);
    expect(fraction({ from: 100, to: 1_100 }, at(0))).toBe(0);
    expect(fraction({ from: 100, to: 1_100 }, LIVE)).toBe(1);
  });
});
