import { afterEach, describe, expect, it } from 'vitest';
import { startBlackHole } from '../fake-aws/faults';
import { pickSource, readTimeoutMs } from './sources';
import { SOURCE_HELP, UsageError } from './usage';

describe('--read-timeout', () => {
  it('takes seconds, fractions too, and defaults to 120 s', () => {
    expect(readTimeoutMs(undefined)).toBe(120_000);
    expect(readTimeoutMs('1.5')).toBe(1500);
    expect(readTimeoutMs('300')).toBe(300_000);
    expect(SOURCE_HELP).toContain('--read-timeout S');
  });

  it.each(['0', '-1', 'soon', ''])('refuses %j as a usage error', (value) => {
    expect(() => readTimeoutMs(value)).toThrow(UsageError);
  });

  const saved = process.env['AWS_ENDPOINT_URL'];
  afterEach(() => {
    if (saved === undefined) delete process.env['AWS_ENDPOINT_URL'];
    else process.env['AWS_ENDPOINT_URL'] = saved;
  });

  it('ends a live read against an endpoint that never answers after that many seconds', async () => {
    const hole = await startBlackHole();
    try {
      process.env['AWS_ENDPOINT_URL'] = hole.url;
      const source = await pickSource({ source: 'aws', region: 'us-east-1', 'read-timeout': '1' });
      const started = Date.now();
      const topology = await source.read();
      expect(Date.now() - started).toBeLessThan(3000);
      expect(topology.errors.length).toBeGreaterThan(0);
      for (const e of topology.errors) expect(e).toMatchObject({ code: 'ReadTimeout', message: expect.stringContaining('within 1 s') });
    } finally {
      await hole.close();
    }
  });
});

describe('--churn', () => {
  it('refuses an interval it cannot read, naming the option', async () => {
    await expect(pickSource({ source: 'demo', churn: 'often' })).rejects.toThrow(/--churn/);
  });

  it('reads a still demo by default outside serve, and a living one when asked', async () => {
    for (const churn of [undefined, '100ms']) {
      const source = await pickSource({ source: 'demo', ...(churn ? { churn } : {}) });
      try {
        const first = await source.read();
        await new Promise((r) => setTimeout(r, 600));
        const second = await source.read();
        if (churn) expect(JSON.stringify(second.resources)).not.toBe(JSON.stringify(first.resources));
        else expect(JSON.stringify(second.resources)).toBe(JSON.stringify(first.resources));
      } finally {
        await source.close?.();
      }
    }
  });
});
