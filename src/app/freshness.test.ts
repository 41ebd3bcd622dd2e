import { describe, expect, it } from 'vitest';
import type { LiveStatus } from '../topology/live/status';
import { ago, freshness } from './freshness';

const NOW = Date.UTC(2026, 10, 20, 12);
const plan = { everyMs: 75_000, askedMs: 30_000, callsPerCycle: 1040, callsFullRead: 1200 };

describe('freshness', () => {
  it('says how long ago a live map was read, ticking with the clock', () => {
    const live: LiveStatus = { state: 'live', version: 3, updatedAt: NOW - 8_000 };
    expect(freshness(live, NOW).text).toBe('Live · updated 8 s ago');
    expect(freshness(live, NOW + 1000).text).toBe('Live · updated 9 s ago');
    expect(freshness(live, NOW + 172_000).text).toBe('Live · updated 3 min ago');
    expect(freshness(live, NOW).tone).toBe('live');
  });

  it('shows a long read’s progress: calls done of calls expected, per service', () => {
    const reading: LiveStatus = {
      state: 'reading',
      version: 3,
      updatedAt: NOW - 40_000,
      progress: { done: 412, expected: 1040, byService: { ecs: { done: 300, expected: 600 }, ec2: { done: 112, expected: 440 } } },
    };
    expect(freshness(reading, NOW)).toMatchObject({ tone: 'reading', text: 'Reading… 412 of 1,040 calls (ec2 112/440 · ecs 300/600)' });
  });

  it('marks a map whose last read failed stale, with when it was last good and why, also while it reads again', () => {
    const stale: LiveStatus = { state: 'stale', version: 3, updatedAt: NOW - 180_000, error: 'Could not read demo: ExpiredToken' };
    expect(freshness(stale, NOW)).toMatchObject({ tone: 'stale', text: 'Stale · last good read 3 min ago: Could not read demo: ExpiredToken' });
    expect(freshness({ ...stale, state: 'reading' }, NOW)).toMatchObject({ tone: 'stale', text: 'Reading… · stale: Could not read demo: ExpiredToken' });
  });

  it('tells the refresh plan when the interval was stretched to keep within the API budget, and only then', () => {
    const message = "refreshing every 75 s (30 s asked): 1,040 calls per cycle at 25 % of DescribeTasks' 20/s";
    const live: LiveStatus = { state: 'live', version: 3, updatedAt: NOW, refresh: { ...plan, stretched: true, message } };
    expect(freshness(live, NOW).plan).toBe(message);
    expect(freshness({ ...live, refresh: { ...plan, stretched: false, message: 'refreshing every 30 s' } }, NOW).plan).toBeUndefined();
  });

  it('rounds down, so a time never reads later than it is', () => {
    expect([0, 999, 1000, 59_999, 60_000, 3_599_999, 3_600_000].map(ago)).toEqual([
      'just now',
      'just now',
      '1 s ago',
      '59 s ago',
      '1 min ago',
      '59 min ago',
      '1 h ago',
    ]);
  });
});
