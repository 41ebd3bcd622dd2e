import { describe, expect, it } from 'vitest';
import { formatTime } from './format';

const at = Date.UTC(2026, 10, 29, 14, 58, 45, 936);

describe('formatTime', () => {
  it('writes epoch milliseconds as a date and a time to the second, in the locale and zone given', () => {
    expect(formatTime(at, { locale: 'en-GB', timeZone: 'UTC' })).toBe('29 Nov 2026, 14:58:45');
    expect(formatTime(at, { locale: 'en-US', timeZone: 'America/New_York' })).toBe('Nov 29, 2026, 9:58:45 AM');
  });
  it('reads an ECS time and a Kubernetes time alike (both epoch milliseconds)', () => {
    expect(formatTime(Date.parse('2026-11-29T14:58:45Z'), { locale: 'en-GB', timeZone: 'UTC' })).toBe(formatTime(at, { locale: 'en-GB', timeZone: 'UTC' }));
  });
  it('says so when there is no time rather than printing 1970', () => {
    expect(formatTime(undefined)).toBe('—');
    expect(formatTime(Number.NaN)).toBe('—');
  });
});
