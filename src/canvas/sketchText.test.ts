import { describe, expect, it } from 'vitest';
import { textWidth, wrapName } from './sketchText';

describe('names wrapped in a narrow column', () => {
  const font = 10;
  const upTo = (text: string) => textWidth(text, font);

  it('keeps a name that fits on one line', () => {
    expect(wrapName('checkout-worker', 1000, font)).toEqual(['checkout-worker']);
  });

  it('breaks after a hyphen, dot or underscore when that costs no line, else anywhere', () => {
    expect(wrapName('k8s-orders-payments', upTo('k8s-orders-pay'), font)).toEqual(['k8s-orders-', 'payments']);
    expect(wrapName('api.orders_v2', upTo('api.orders_'), font)).toEqual(['api.orders_', 'v2']);
    expect(wrapName('web.api', upTo('web.a'), font)).toEqual(['web.', 'api']);
    expect(wrapName('a-bcdefgh', upTo('a-bcd'), font)).toEqual(['a-bcd', 'efgh']);
    expect(wrapName('abcdefghij', upTo('abcd'), font)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('takes three lines at most, then cuts the last with "…"', () => {
    const long = 'k8s-orders-payments-reconciliation-worker';
    const width = upTo('k8s-orders-');
    const cut = wrapName(long, width, font);
    expect(cut).toHaveLength(3);
    expect(cut.at(-1)).toMatch(/…$/);
    for (const line of cut) expect(upTo(line), line).toBeLessThanOrEqual(width);
    expect(long.startsWith(cut.join('').slice(0, -1))).toBe(true);
    expect(wrapName(long, width, font, 5).join('')).toBe(long);
    // Too narrow for even one character: one a line, never an empty line or an endless loop.
    expect(wrapName('ab', 1, font, 3)).toEqual(['a', 'b']);
  });
});
