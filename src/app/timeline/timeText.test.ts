import { describe, expect, it } from 'vitest';
import { clock } from './timeText';

const UTC = { locale: 'en-GB', timeZone: 'UTC' };
const at = (iso: string) => Date.parse(iso);

describe('clock', () => {
  it('says a moment of the same day by its time alone, with seconds when asked', () => {
    expect(clock(at('2024-05-14T14:05:09Z'), at('2024-05-14T15:30:00Z'), UTC)).toBe('14:05');
    expect(clock(at('2024-05-14T14:05:09Z'), at('2024-05-14T15:30:00Z'), UTC, true)).toBe('14:05:09');
  });

  it('names the day of a moment on another day, in the reader’s zone', () => {
    expect(clock(at('2024-05-13T23:50:00Z'), at('2024-05-14T00:10:00Z'), UTC)).toBe('Mon 13 May, 23:50');
    // In New York both are the evening of the 13th.
    expect(clock(at('2024-05-13T23:50:00Z'), at('2024-05-14T00:10:00Z'), { locale: 'en-GB', timeZone: 'America/New_York' })).toBe('19:50');
  });
});
