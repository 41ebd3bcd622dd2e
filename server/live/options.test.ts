import { describe, expect, it } from 'vitest';
import { DEFAULT_REFRESH_MS, parseApiBudget, parseRefresh } from './options';

describe('serve --refresh and --api-budget', () => {
  it('reads an interval in ms, s or m (a bare number is seconds), off, and a default by source', () => {
    expect(parseRefresh('200ms', 'demo')).toBe(200);
    expect(parseRefresh('30s', 'aws')).toBe(30_000);
    expect(parseRefresh('1.5', 'aws')).toBe(1_500);
    expect(parseRefresh('2m', undefined)).toBe(120_000);
    expect(parseRefresh('off', 'aws')).toBeUndefined();
    expect(parseRefresh(undefined, 'aws')).toBe(DEFAULT_REFRESH_MS);
    expect(parseRefresh(undefined, undefined)).toBe(DEFAULT_REFRESH_MS);
    expect(parseRefresh(undefined, 'snapshot')).toBeUndefined();
    for (const bad of ['', 'soon', '-5s', '10ms', '5h']) expect(() => parseRefresh(bad, 'aws'), bad).toThrow(/--refresh takes an interval/);
  });

  it('reads a budget as a fraction or a percentage, above 0 and at most 1', () => {
    expect(parseApiBudget(undefined, 0.25)).toBe(0.25);
    expect(parseApiBudget('0.5', 0.25)).toBe(0.5);
    expect(parseApiBudget('10%', 0.25)).toBeCloseTo(0.1);
    expect(parseApiBudget('1', 0.25)).toBe(1);
    for (const bad of ['0', '1.5', 'half', '', '-0.1', '150%']) expect(() => parseApiBudget(bad, 0.25), bad).toThrow(/--api-budget takes a share/);
  });
});
