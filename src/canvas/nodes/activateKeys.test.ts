import { describe, expect, it } from 'vitest';
import { activates } from './activateKeys';

const key = (k: string, extra: Partial<Parameters<typeof activates>[0]> = {}) => ({
  key: k,
  repeat: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...extra,
});

describe('activates', () => {
  it('takes Enter and Space as a click on the box', () => {
    expect(activates(key('Enter'))).toBe(true);
    expect(activates(key(' '))).toBe(true);
  });

  it('leaves other keys, held keys and shortcuts with a modifier to the map and the browser', () => {
    for (const k of ['Escape', 'Tab', 'ArrowDown', 'a', '+']) expect(activates(key(k)), k).toBe(false);
    expect(activates(key('Enter', { repeat: true }))).toBe(false);
    for (const mod of ['altKey', 'ctrlKey', 'metaKey', 'shiftKey'] as const) expect(activates(key('Enter', { [mod]: true })), mod).toBe(false);
  });
});
