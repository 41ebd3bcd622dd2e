import { describe, expect, it } from 'vitest';
import { fitText, textWidth, wrapText } from './measure';

describe('textWidth', () => {
  it('gives DejaVu Sans’s advances: wide capitals, narrow ‘i’, bold wider than regular', () => {
    // As Chromium measures DejaVu Sans at 100 px: "W" 98.9, "i" 27.8; bold "W" 109.9.
    expect(textWidth('W', 100)).toBeCloseTo(99, 0);
    expect(textWidth('i', 100)).toBeCloseTo(28, 0);
    expect(textWidth('W', 100, true)).toBeCloseTo(110, 0);
    expect(textWidth('k8s-orders-payments', 12, true)).toBeGreaterThan(textWidth('k8s-orders-payments', 12));
  });

  it('counts an unknown character as a full em, never as nothing', () => {
    expect(textWidth('注文', 10)).toBe(20);
  });
});

describe('fitText', () => {
  it('keeps text that fits and cuts text that does not, the cut within the width', () => {
    expect(fitText('web', 100, 12, true)).toBe('web');
    const cut = fitText('Target.ResponseCodeMismatch', 80, 9, true);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 9, true)).toBeLessThanOrEqual(80);
  });
});

describe('wrapText', () => {
  it('breaks a generated name after its separators, every line within the width', () => {
    const lines = wrapText('k8s-orders-payments-1287ba7755', 120, 12, true);
    expect(lines).toEqual(['k8s-orders-', 'payments-1287…']);
    for (const l of lines) expect(textWidth(l, 12, true)).toBeLessThanOrEqual(120);
  });

  it('breaks inside a word that has no separator, and returns a short text whole', () => {
    const lines = wrapText('abcdefghijklmnopqrstuvwxyz', 60, 10, false, 4);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe('abcdefghijklmnopqrstuvwxyz');
    for (const l of lines) expect(textWidth(l, 10)).toBeLessThanOrEqual(60);
    expect(wrapText('cart', 100, 12)).toEqual(['cart']);
  });
});
